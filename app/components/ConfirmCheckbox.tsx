import { useId } from "react";

/**
 * The box a user ticks to confirm a step that cannot be undone (the server
 * checks it too). Its error is announced with it.
 */
export function ConfirmCheckbox({ label, name, error }: { label: string; name: string; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {label}
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
