import type { InputHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "./FieldFrame";

type FieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input whose hint and error are announced with it. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}
