import type { TextareaHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "./FieldFrame";

type TextareaFieldProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** A labelled multi-line field whose hint and error are announced with it, like Field. */
export function TextareaField({ label, name, error, hint, id, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => <textarea {...control} {...textarea} />}
    </FieldFrame>
  );
}
