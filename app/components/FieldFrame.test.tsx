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
    expect(html).toMatch(/<label for="email-[^"]+">Email<\/label><p class="hint" id="email-[^"]+-hint">Your work address<\/p><input /);
    expect(html).toContain('aria-invalid="true"');
    expect(describedText(html, "input")).toEqual(["Your work address", "Enter an email address"]);
  });

  test("the hint is not part of the label, so the control's name is the label alone", () => {
    const html = renderToStaticMarkup(<TextareaField label="Prompt in English" name="prompt" id="prompt" hint="Up to 500 characters." />);
    const label = /<label for="prompt">(.*?)<\/label>/.exec(html)?.[1];
    expect(label).toBe("Prompt in English");
    expect(describedText(html, "textarea")).toEqual(["Up to 500 characters."]);
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
