import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms";

const schema = z.object({
  name: z.string().trim().min(1, "required"),
  languages: z.array(z.enum(["en", "es"], { error: "invalid" })).min(1, "required"),
});

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("parseForm", () => {
  it("collects repeated fields as arrays", () => {
    expect(parseForm(schema, form([["name", "Ana"], ["languages", "en"], ["languages", "es"]]), ["languages"])).toEqual({
      ok: true,
      data: { name: "Ana", languages: ["en", "es"] },
    });
  });

  it("reports the first problem of each field by message key", () => {
    expect(parseForm(schema, form([["name", "  "], ["languages", "fr"]]), ["languages"])).toEqual({
      ok: false,
      errors: { name: "required", languages: "invalid" },
    });
  });

  it("treats a missing checkbox group as empty", () => {
    expect(parseForm(schema, form([["name", "Ana"]]), ["languages"])).toEqual({ ok: false, errors: { languages: "required" } });
  });
});
