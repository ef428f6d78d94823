import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";

type TextareaFieldProps = {
  label: ReactNode;
  name: string;
  /** Already translated. */
  error?: string;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

/** A labelled multi-line field whose hint and error are announced with it, like Field. */
export function TextareaField({ label, name, error, hint, id, ...textarea }: TextareaFieldProps) {
  const generated = useId();
  const fieldId = id ?? `${name}-${generated}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>
        {label}
        {hint ? (
          <span className="hint" id={hintId}>
            {hint}
          </span>
        ) : null}
      </label>
      <textarea id={fieldId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
