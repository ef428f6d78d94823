import { describe, expect, it } from "vitest";
import { activityConfigSchema } from "./activity-types";
import {
  ACTIVITY_LIMITS,
  activityInputFromForm,
  choiceRowCount,
  configFormValues,
  fieldErrorsFromIssues,
  submittedValues,
  unflattenFields,
} from "./agenda-form";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function counter() {
  let next = 0;
  return () => `new${(next += 1)}`;
}

describe("unflattenFields", () => {
  it("nests dotted names into objects and lists", () => {
    expect(
      unflattenFields([
        ["type", "poll"],
        ["prompt.en", "Which?"],
        ["options.0.label.en", "A"],
        ["options.1.label.en", "B"],
        ["options.1.id", "b"],
      ]),
    ).toEqual({ type: "poll", prompt: { en: "Which?" }, options: [{ label: { en: "A" } }, { label: { en: "B" }, id: "b" }] });
  });

  it("closes gaps in lists", () => {
    expect(unflattenFields([["items.3.id", "x"], ["items.0.id", "y"]])).toEqual({ items: [{ id: "y" }, { id: "x" }] });
  });

  it("ignores names that could reach a prototype, are too deep, have huge indexes or clash", () => {
    const result = unflattenFields([
      ["__proto__.polluted", "yes"],
      ["prompt.constructor", "x"],
      ["a.b.c.d.e.f", "deep"],
      ["options.500.id", "far"],
      ["prompt", "flat"],
      ["prompt.en", "nested"],
      ["list.0", "x"],
      ["list.name", "y"],
      ["bad name", "z"],
    ]);
    expect(result).toEqual({ prompt: "flat", list: ["x"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the first of repeated names and skips files", () => {
    const data = new FormData();
    data.append("title", "first");
    data.append("title", "second");
    data.append("file", new Blob(["x"]));
    expect(unflattenFields(data.entries())).toEqual({ title: "first" });
  });
});

describe("activityInputFromForm", () => {
  it("drops blank choice rows and gives new rows an id", () => {
    const { input, choiceRows } = activityInputFromForm(
      form({
        intent: "add",
        type: "poll",
        "prompt.en": "Pick",
        "options.0.id": "keep",
        "options.0.label.en": "Kept",
        "options.1.id": "",
        "options.1.label.en": "New",
        "options.2.id": "gone",
        "options.2.label.en": "  ",
        "options.3.label.en": "",
      }),
      counter(),
    );
    expect(input).toEqual({
      type: "poll",
      prompt: { en: "Pick" },
      options: [
        { id: "keep", label: { en: "Kept" } },
        { id: "new1", label: { en: "New" } },
      ],
    });
    expect(choiceRows).toEqual({ options: [0, 1] });
  });

  it("produces what activityConfigSchema accepts", () => {
    const { input } = activityInputFromForm(
      form({
        type: "ranking",
        "prompt.en": "Order these",
        "prompt.es": "Ordene estos",
        "items.0.label.en": "One",
        "items.0.label.es": "Uno",
        "items.1.label.en": "Two",
        "items.1.label.es": "Dos",
      }),
      counter(),
    );
    const parsed = activityConfigSchema(["en", "es"]).safeParse(input);
    expect(parsed.success).toBe(true);
  });
});

describe("configFormValues", () => {
  it("flattens a stored config back into field values", () => {
    expect(
      configFormValues({
        type: "poll",
        prompt: { en: "Pick", es: "Elija" },
        multiple: true,
        options: [{ id: "a", label: { en: "A" } }],
      }),
    ).toEqual({ type: "poll", "prompt.en": "Pick", "prompt.es": "Elija", multiple: "on", "options.0.id": "a", "options.0.label.en": "A" });
    expect(configFormValues({ multiple: false, max: 5 })).toEqual({ multiple: "", max: "5" });
    expect(configFormValues(null)).toEqual({});
  });

  it("round-trips through unflattenFields", () => {
    const config = { type: "scale", prompt: { en: "How much?" }, min: 1, max: 7, minLabel: { en: "Not at all" } };
    const values = configFormValues(config);
    expect(unflattenFields(Object.entries(values))).toEqual({ ...config, min: "1", max: "7" });
  });
});

describe("choiceRowCount and submittedValues", () => {
  it("counts the rows of a list", () => {
    expect(choiceRowCount({ "options.0.id": "a", "options.2.label.en": "c", "items.5.id": "x" }, "options")).toBe(3);
    expect(choiceRowCount({}, "items")).toBe(0);
  });

  it("keeps the first value of each field, trimmed to a sane size", () => {
    const data = form({ "prompt.en": "x".repeat(3000) });
    data.append("prompt.en", "again");
    expect(submittedValues(data)["prompt.en"]).toHaveLength(2000);
  });
});

describe("fieldErrorsFromIssues", () => {
  it("names each problem by the dotted path of its field", () => {
    const parsed = activityConfigSchema(["en", "es"]).safeParse({ type: "poll", prompt: { en: "Pick" }, options: [{ id: "a", label: { en: "A", es: "A" } }] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFromIssues(parsed.error.issues)).toEqual({ "prompt.es": "required", options: "tooFew" });
  });

  it("names a problem with a choice after the form row it came from", () => {
    const { input, choiceRows } = activityInputFromForm(
      form({
        type: "ranking",
        "prompt.en": "Order",
        "prompt.es": "Ordene",
        "items.0.label.en": "One",
        "items.0.label.es": "Uno",
        "items.1.label.en": "",
        "items.2.label.en": "Three",
      }),
      counter(),
    );
    const parsed = activityConfigSchema(["en", "es"]).safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFromIssues(parsed.error.issues, choiceRows)).toEqual({ "items.2.label.es": "required" });
  });
});

describe("ACTIVITY_LIMITS", () => {
  const schema = activityConfigSchema(["en"]);
  const prompt = { en: "Prompt" };
  const choices = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `c${index}`, label: { en: `Choice ${index}` } }));

  it.each([
    ["brainstorm", "maxIdeasPerParticipant", ACTIVITY_LIMITS.maxIdeasPerParticipant, {}],
    ["rate", "ratingsPerParticipant", ACTIVITY_LIMITS.ratingsPerParticipant, { sourceActivityId: "b1" }],
    ["scale", "max", ACTIVITY_LIMITS.scaleMax, {}],
    ["wordcloud", "maxWords", ACTIVITY_LIMITS.maxWords, {}],
  ] as const)("match the schema's range and default for %s.%s", (type, field, limits, extra) => {
    const parse = (value?: number) => schema.safeParse({ type, prompt, ...extra, ...(value === undefined ? {} : { [field]: value }) });
    expect(parse(limits.min).success).toBe(true);
    expect(parse(limits.max).success).toBe(true);
    expect(parse(limits.min - 1).success).toBe(false);
    expect(parse(limits.max + 1).success).toBe(false);
    const fallback = parse();
    expect(fallback.success && (fallback.data as Record<string, unknown>)[field]).toBe(limits.fallback);
  });

  it.each([
    ["poll", "options", ACTIVITY_LIMITS.pollOptions],
    ["ranking", "items", ACTIVITY_LIMITS.rankingItems],
  ] as const)("match the schema's number of choices for %s", (type, field, limits) => {
    const parse = (count: number) => schema.safeParse({ type, prompt, [field]: choices(count) });
    expect(parse(limits.min).success).toBe(true);
    expect(parse(limits.max).success).toBe(true);
    expect(parse(limits.min - 1).success).toBe(false);
    expect(parse(limits.max + 1).success).toBe(false);
  });
});
