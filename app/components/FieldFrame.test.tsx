import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Field } from "./Field";
import { SelectField } from "./SelectField";
import { TextareaField } from "./TextareaField";

function describedText(html: string, controlTag: string): string[] {
  const control = new RegExp(`<${controlTag}[^>]*aria-describedby="([^"]+)"`).exec(html);
  if (!control?.[1]) return [];
  return control[1].split(" ").map((id) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? `missing ${id}`);
}

describe("form fields", () => {
  test("a field's hint and error are announced with its control", () => {
    const html = renderToStaticMarkup(<Field label="Email" name="email" hint="Your work address" error="Enter an email address" />);
    expect(html).toMatch(/<label for="email-[^"]+">Email/);
    expect(html).toContain('aria-invalid="true"');
    expect(describedText(html, "input")).toEqual(["Your work address", "Enter an email address"]);
  });

  test("without hint or error the control is not described and not invalid", () => {
    const html = renderToStaticMarkup(<TextareaField label="Notes" name="notes" id="notes" />);
    expect(html).toContain('<label for="notes">Notes</label><textarea id="notes" name="notes"></textarea>');
  });

  test("a select lists its options and shares the same frame", () => {
    const html = renderToStaticMarkup(
      <SelectField label="Role" name="role" error="Choose a role" options={[{ value: "leader", label: "Leader" }]} />,
    );
    expect(html).toContain('<option value="leader">Leader</option>');
    expect(describedText(html, "select")).toEqual(["Choose a role"]);
  });
});
