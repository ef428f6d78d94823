import type { SelectHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "./FieldFrame";

type SelectFieldProps = FieldFrameProps & {
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">;

/** A labelled select whose hint and error are announced with it, like Field. */
export function SelectField({ label, name, error, hint, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
