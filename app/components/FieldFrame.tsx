import { useId, type ReactNode } from "react";

export type FieldFrameProps = {
  label: ReactNode;
  name: string;
  /** Already translated. */
  error?: string;
  hint?: ReactNode;
  id?: string;
  /** Announce the error as soon as it appears (for an error found in the browser, without a page load). */
  alert?: boolean;
};

/** What a control inside a FieldFrame needs to be labelled and described. */
export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/**
 * The label, hint and error around one form control, wired so that a screen
 * reader announces the hint and the error with the control. Field,
 * TextareaField and SelectField are this frame around their own control.
 */
export function FieldFrame({ label, name, error, hint, id, alert, children }: FieldFrameProps & { children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? `${name}-${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      {/* The hint sits outside the label so that it is the control's description only, not also part of its name. */}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id: controlId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p className="field-error" id={errorId} role={alert ? "alert" : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
