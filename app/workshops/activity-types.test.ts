import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ActivityType as DatabaseActivityType } from "~/generated/prisma/enums";
import {
  ACTIVITY_MESSAGE_KEYS,
  ACTIVITY_TYPES,
  activityConfigSchema,
  type ActivityConfigs,
  type ActivityType,
  activityTypeSchema,
  configSchemaFor,
  pickTranslation,
  submissionSchemaFor,
} from "./activity-types";

const BOTH = ["en", "es"] as const;
const CLIENT_ID = "3b241101-e2bb-4255-8caf-4136c566a962";

function problems(result: z.ZodSafeParseResult<unknown>): [string, string][] {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

const prompt = { en: "What should every graduate be able to do?", es: "¿Qué debería saber hacer cada graduado?" };

function choices(count: number) {
  return Array.from({ length: count }, (_, index) => ({ id: `c${index}`, label: { en: `Choice ${index}`, es: `Opción ${index}` } }));
}

describe("ACTIVITY_TYPES", () => {
  it("is the database's list of activity types", () => {
    expect([...ACTIVITY_TYPES].sort()).toEqual(Object.values(DatabaseActivityType).sort());
    const sameType: DatabaseActivityType extends ActivityType ? (ActivityType extends DatabaseActivityType ? true : false) : false = true;
    expect(sameType).toBe(true);
  });

  it("parses a known type and refuses others", () => {
    expect(activityTypeSchema.parse("poll")).toBe("poll");
    expect(problems(activityTypeSchema.safeParse("quiz"))).toEqual([["", "invalidType"]]);
  });

  it("lists message keys once each", () => {
    expect(new Set(ACTIVITY_MESSAGE_KEYS).size).toBe(ACTIVITY_MESSAGE_KEYS.length);
  });
});

describe("pickTranslation", () => {
  it("prefers the reader's language and falls back to any written one", () => {
    expect(pickTranslation({ en: "Hello", es: "Hola" }, "es")).toBe("Hola");
    expect(pickTranslation({ en: "Hello" }, "es")).toBe("Hello");
    expect(pickTranslation({ es: "Hola" }, "en")).toBe("Hola");
    expect(pickTranslation({}, "en")).toBe("");
    expect(pickTranslation({ en: "", es: "Hola" }, "en")).toBe("Hola");
  });
});

describe("prompts", () => {
  const schema = configSchemaFor("nomination", BOTH);

  it("are required in every language the workshop offers", () => {
    expect(schema.parse({ prompt }).prompt).toEqual(prompt);
    expect(problems(schema.safeParse({ prompt: { en: "Who?" } }))).toEqual([["prompt.es", "required"]]);
    expect(problems(schema.safeParse({ prompt: { en: "Who?", es: "   " } }))).toEqual([["prompt.es", "required"]]);
    expect(problems(schema.safeParse({}))).toEqual([
      ["prompt.en", "required"],
      ["prompt.es", "required"],
    ]);
    expect(problems(schema.safeParse({ prompt: "Who?" }))).toEqual([["prompt", "required"]]);
  });

  it("keep only the workshop's languages", () => {
    const englishOnly = configSchemaFor("nomination", ["en"]);
    expect(englishOnly.parse({ prompt: { en: "Who?", es: "" } }).prompt).toEqual({ en: "Who?" });
    expect(englishOnly.parse({ prompt: { en: "Who?", es: "¿Quién?" } }).prompt).toEqual({ en: "Who?" });
  });

  it("are tidied: trimmed, spaces collapsed, line breaks kept", () => {
    const parsed = schema.parse({ prompt: { en: "  Think   about\r\n\r\n\r\n\r\nyour school ", es: "Piense" } });
    expect(parsed.prompt.en).toBe("Think about\n\nyour school");
  });

  it("allow 500 characters, counting an emoji as one", () => {
    expect(schema.safeParse({ prompt: { en: "a".repeat(500), es: "🎓".repeat(500) } }).success).toBe(true);
    expect(problems(schema.safeParse({ prompt: { en: "a".repeat(501), es: "b" } }))).toEqual([["prompt.en", "tooLong"]]);
    expect(problems(schema.safeParse({ prompt: { en: "a".repeat(5000), es: "b" } }))).toEqual([["prompt.en", "tooLong"]]);
  });

  it("refuse control characters and direction overrides", () => {
    expect(problems(schema.safeParse({ prompt: { en: "Bell\u0007", es: "b" } }))).toEqual([["prompt.en", "invalidCharacters"]]);
    expect(problems(schema.safeParse({ prompt: { en: "a", es: "\u202Eevil" } }))).toEqual([["prompt.es", "invalidCharacters"]]);
  });

  it("need at least one supported language", () => {
    expect(() => configSchemaFor("brainstorm", [])).toThrow(RangeError);
    expect(() => activityConfigSchema(["fr"])).toThrow(RangeError);
    expect(configSchemaFor("nomination", ["fr", "es", "es"]).parse({ prompt }).prompt).toEqual({ es: prompt.es });
  });
});

describe("activity configs", () => {
  it("fill in the defaults", () => {
    expect(configSchemaFor("brainstorm", BOTH).parse({ prompt })).toEqual({ prompt, maxIdeasPerParticipant: 5 });
    expect(configSchemaFor("rate", BOTH).parse({ prompt, sourceActivityId: "cm123" })).toEqual({ prompt, sourceActivityId: "cm123", ratingsPerParticipant: 10 });
    expect(configSchemaFor("scale", BOTH).parse({ prompt })).toMatchObject({ prompt, min: 1, max: 5 });
    expect(configSchemaFor("wordcloud", BOTH).parse({ prompt })).toEqual({ prompt, maxWords: 3 });
    expect(configSchemaFor("poll", BOTH).parse({ prompt, options: choices(2) }).multiple).toBe(false);
  });

  it("read whole numbers from forms and check their range", () => {
    const brainstorm = configSchemaFor("brainstorm", BOTH);
    expect(brainstorm.parse({ prompt, maxIdeasPerParticipant: " 20 " }).maxIdeasPerParticipant).toBe(20);
    expect(brainstorm.parse({ prompt, maxIdeasPerParticipant: "" }).maxIdeasPerParticipant).toBe(5);
    expect(problems(brainstorm.safeParse({ prompt, maxIdeasPerParticipant: 21 }))).toEqual([["maxIdeasPerParticipant", "outOfRange"]]);
    expect(problems(brainstorm.safeParse({ prompt, maxIdeasPerParticipant: 0 }))).toEqual([["maxIdeasPerParticipant", "outOfRange"]]);
    expect(problems(brainstorm.safeParse({ prompt, maxIdeasPerParticipant: 2.5 }))).toEqual([["maxIdeasPerParticipant", "notWhole"]]);
    expect(problems(brainstorm.safeParse({ prompt, maxIdeasPerParticipant: "five" }))).toEqual([["maxIdeasPerParticipant", "notANumber"]]);
    expect(problems(brainstorm.safeParse({ prompt, maxIdeasPerParticipant: Number.NaN }))).toEqual([["maxIdeasPerParticipant", "notANumber"]]);

    const rate = configSchemaFor("rate", BOTH);
    expect(rate.parse({ prompt, sourceActivityId: "a", ratingsPerParticipant: 50 }).ratingsPerParticipant).toBe(50);
    expect(problems(rate.safeParse({ prompt, sourceActivityId: "a", ratingsPerParticipant: 51 }))).toEqual([["ratingsPerParticipant", "outOfRange"]]);
  });

  it("need the brainstorm a rating activity rates", () => {
    const rate = configSchemaFor("rate", BOTH);
    expect(problems(rate.safeParse({ prompt }))).toEqual([["sourceActivityId", "required"]]);
    expect(problems(rate.safeParse({ prompt, sourceActivityId: " " }))).toEqual([["sourceActivityId", "required"]]);
    expect(problems(rate.safeParse({ prompt, sourceActivityId: "../other" }))).toEqual([["sourceActivityId", "invalidId"]]);
    expect(problems(rate.safeParse({ prompt, sourceActivityId: "x".repeat(65) }))).toEqual([["sourceActivityId", "tooLong"]]);
  });

  it("give a poll 2 to 12 options with unique ids and labels in every language", () => {
    const poll = configSchemaFor("poll", BOTH);
    expect(poll.parse({ prompt, options: choices(12), multiple: "on" }).multiple).toBe(true);
    expect(problems(poll.safeParse({ prompt, options: choices(1) }))).toEqual([["options", "tooFew"]]);
    expect(problems(poll.safeParse({ prompt, options: choices(13) }))).toEqual([["options", "tooMany"]]);
    expect(problems(poll.safeParse({ prompt }))).toEqual([["options", "required"]]);
    const [first, second] = choices(2);
    expect(problems(poll.safeParse({ prompt, options: [first, { ...second, id: "c0" }] }))).toEqual([["options.1.id", "duplicateId"]]);
    expect(problems(poll.safeParse({ prompt, options: [first, { ...second, label: { en: "Yes" } }] }))).toEqual([["options.1.label.es", "required"]]);
    expect(problems(poll.safeParse({ prompt, options: [first, { ...second, label: { en: "x".repeat(121), es: "y" } }] }))).toEqual([
      ["options.1.label.en", "tooLong"],
    ]);
    expect(problems(poll.safeParse({ prompt, options: [first, "Yes"] }))).toEqual([["options.1", "required"]]);
    expect(problems(poll.safeParse({ prompt, options: choices(2), multiple: "maybe" }))).toEqual([["multiple", "invalid"]]);
  });

  it("tidy option labels onto one line", () => {
    const poll = configSchemaFor("poll", ["en"]);
    const parsed = poll.parse({ prompt, options: [{ id: "a", label: { en: " Yes,\n  please " } }, { id: "b", label: { en: "No" } }] });
    expect(parsed.options[0]?.label).toEqual({ en: "Yes, please" });
  });

  it("give a scale a fixed minimum of 1 and a maximum from 2 to 10", () => {
    const scale = configSchemaFor("scale", BOTH);
    expect(scale.parse({ prompt, max: "10" }).max).toBe(10);
    expect(problems(scale.safeParse({ prompt, max: 1 }))).toEqual([["max", "outOfRange"]]);
    expect(problems(scale.safeParse({ prompt, max: 11 }))).toEqual([["max", "outOfRange"]]);
    expect(problems(scale.safeParse({ prompt, min: 0 }))).toEqual([["min", "outOfRange"]]);
  });

  it("let a scale's end labels be left out, but not half translated", () => {
    const scale = configSchemaFor("scale", BOTH);
    const labelled = scale.parse({ prompt, minLabel: { en: "Disagree", es: "En desacuerdo" }, maxLabel: { en: "", es: "" } });
    expect(labelled.minLabel).toEqual({ en: "Disagree", es: "En desacuerdo" });
    expect(labelled.maxLabel).toBeUndefined();
    expect(problems(scale.safeParse({ prompt, minLabel: { en: "Disagree" } }))).toEqual([["minLabel.es", "required"]]);
    expect(problems(scale.safeParse({ prompt, maxLabel: { en: "x".repeat(61), es: "y" } }))).toEqual([["maxLabel.en", "tooLong"]]);
  });

  it("let a word cloud ask for one to three words", () => {
    const wordcloud = configSchemaFor("wordcloud", BOTH);
    expect(wordcloud.parse({ prompt, maxWords: 1 }).maxWords).toBe(1);
    expect(problems(wordcloud.safeParse({ prompt, maxWords: 4 }))).toEqual([["maxWords", "outOfRange"]]);
  });

  it("give a ranking 2 to 10 items with unique ids", () => {
    const ranking = configSchemaFor("ranking", BOTH);
    expect(ranking.parse({ prompt, items: choices(10) }).items).toHaveLength(10);
    expect(problems(ranking.safeParse({ prompt, items: choices(11) }))).toEqual([["items", "tooMany"]]);
    expect(problems(ranking.safeParse({ prompt, items: choices(1) }))).toEqual([["items", "tooFew"]]);
    expect(problems(ranking.safeParse({ prompt, items: [...choices(2), { id: "c1", label: { en: "a", es: "b" } }] }))).toEqual([
      ["items.2.id", "duplicateId"],
    ]);
  });

  it("drop fields that do not belong to the type", () => {
    expect(configSchemaFor("nomination", BOTH).parse({ prompt, options: choices(2), maxWords: 2 })).toEqual({ prompt });
  });
});

describe("activityConfigSchema", () => {
  const schema = activityConfigSchema(BOTH);

  it("checks the settings of the type it names", () => {
    const parsed = schema.parse({ type: "poll", prompt, options: choices(3), multiple: true });
    expect(parsed.type).toBe("poll");
    if (parsed.type === "poll") expect(parsed.options.map((option) => option.id)).toEqual(["c0", "c1", "c2"]);
    expect(problems(schema.safeParse({ type: "poll", prompt }))).toEqual([["options", "required"]]);
    expect(schema.parse({ type: "brainstorm", prompt })).toEqual({ type: "brainstorm", prompt, maxIdeasPerParticipant: 5 });
  });

  it("refuses an unknown or missing type", () => {
    expect(problems(schema.safeParse({ type: "quiz", prompt }))).toEqual([["type", "invalidType"]]);
    expect(problems(schema.safeParse({ prompt }))).toEqual([["type", "invalidType"]]);
    expect(schema.safeParse(null).success).toBe(false);
  });
});

// Configs as a facilitator would have saved them, to check submissions against.
const configs: ActivityConfigs = {
  brainstorm: { prompt, maxIdeasPerParticipant: 5 },
  rate: { prompt, sourceActivityId: "brainstorm1", ratingsPerParticipant: 10 },
  poll: { prompt, options: choices(3), multiple: false },
  scale: { prompt, min: 1, max: 7, minLabel: undefined, maxLabel: undefined },
  wordcloud: { prompt, maxWords: 2 },
  ranking: { prompt, items: choices(3) },
  nomination: { prompt },
};

describe("every submission", () => {
  const validPayloads: { [T in ActivityType]: Record<string, unknown> } = {
    brainstorm: { text: "Project-based learning" },
    rate: { ideaId: "idea1", value: 3 },
    poll: { optionIds: ["c1"] },
    scale: { value: 4 },
    wordcloud: { words: ["curious"] },
    ranking: { order: ["c2", "c0", "c1"] },
    nomination: { nomineeName: "Ana", reason: "She runs the robotics club", consent: true },
  };

  it.each(ACTIVITY_TYPES)("of a %s carries a client-generated UUID", (type) => {
    const schema = submissionSchemaFor(type, configs[type]);
    expect(schema.safeParse({ clientId: CLIENT_ID, ...validPayloads[type] }).success).toBe(true);
    expect(problems(schema.safeParse(validPayloads[type]))).toEqual([["clientId", "invalidClientId"]]);
    expect(problems(schema.safeParse({ clientId: "retry-1", ...validPayloads[type] }))).toEqual([["clientId", "invalidClientId"]]);
    expect(schema.safeParse(null).success).toBe(false);
    expect(schema.safeParse("payload").success).toBe(false);
  });
});

describe("brainstorm submissions", () => {
  const schema = submissionSchemaFor("brainstorm", configs.brainstorm);

  it("keep an idea of 1 to 280 characters, tidied onto one line", () => {
    expect(schema.parse({ clientId: CLIENT_ID, text: "  More time\n\nfor   projects  " })).toEqual({ clientId: CLIENT_ID, text: "More time for projects" });
    expect(schema.parse({ clientId: CLIENT_ID, text: "é".repeat(280) }).text).toHaveLength(280);
    expect(schema.parse({ clientId: CLIENT_ID, text: "e\u0301" }).text).toBe("é");
  });

  it("refuse empty, overlong and non-text ideas", () => {
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: "   " }))).toEqual([["text", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID }))).toEqual([["text", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: 42 }))).toEqual([["text", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: "a".repeat(281) }))).toEqual([["text", "tooLong"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: "a".repeat(100_000) }))).toEqual([["text", "tooLong"]]);
  });

  it("refuse control characters", () => {
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: "null\u0000byte" }))).toEqual([["text", "invalidCharacters"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, text: "escape \u001b[31m" }))).toEqual([["text", "invalidCharacters"]]);
    expect(schema.safeParse({ clientId: CLIENT_ID, text: "family 👨‍👩‍👧" }).success).toBe(true);
  });
});

describe("rate submissions", () => {
  const schema = submissionSchemaFor("rate", configs.rate);

  it("take a whole rating from 1 to 5 for an idea", () => {
    expect(schema.parse({ clientId: CLIENT_ID, ideaId: "idea1", value: 5 })).toEqual({ clientId: CLIENT_ID, ideaId: "idea1", value: 5 });
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, ideaId: "idea1", value: 0 }))).toEqual([["value", "outOfRange"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, ideaId: "idea1", value: 6 }))).toEqual([["value", "outOfRange"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, ideaId: "idea1", value: 4.5 }))).toEqual([["value", "notWhole"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, ideaId: "idea1", value: "5" }))).toEqual([["value", "notANumber"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, value: 3 }))).toEqual([["ideaId", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, ideaId: { $ne: null }, value: 3 }))).toEqual([["ideaId", "required"]]);
  });
});

describe("poll submissions", () => {
  const single = submissionSchemaFor("poll", configs.poll);
  const multiple = submissionSchemaFor("poll", { ...configs.poll, multiple: true });

  it("take exactly one option of a single-choice poll", () => {
    expect(single.parse({ clientId: CLIENT_ID, optionIds: ["c2"] }).optionIds).toEqual(["c2"]);
    expect(problems(single.safeParse({ clientId: CLIENT_ID, optionIds: ["c0", "c1"] }))).toEqual([["optionIds", "tooMany"]]);
    expect(problems(single.safeParse({ clientId: CLIENT_ID, optionIds: [] }))).toEqual([["optionIds", "required"]]);
    expect(problems(single.safeParse({ clientId: CLIENT_ID, optionIds: "c0" }))).toEqual([["optionIds", "required"]]);
  });

  it("take several distinct options of a multiple-choice poll", () => {
    expect(multiple.parse({ clientId: CLIENT_ID, optionIds: ["c2", "c0"] }).optionIds).toEqual(["c2", "c0"]);
    expect(multiple.safeParse({ clientId: CLIENT_ID, optionIds: ["c0", "c1", "c2"] }).success).toBe(true);
    expect(problems(multiple.safeParse({ clientId: CLIENT_ID, optionIds: ["c0", "c0"] }))).toEqual([["optionIds.1", "duplicateOption"]]);
    expect(problems(multiple.safeParse({ clientId: CLIENT_ID, optionIds: ["c0", "c1", "c2", "c0"] }))).toEqual([
      ["optionIds", "tooMany"],
      ["optionIds.3", "duplicateOption"],
    ]);
  });

  it("refuse options the poll does not have", () => {
    expect(problems(single.safeParse({ clientId: CLIENT_ID, optionIds: ["c9"] }))).toEqual([["optionIds.0", "invalidOption"]]);
    expect(problems(multiple.safeParse({ clientId: CLIENT_ID, optionIds: ["c0", 7] }))).toEqual([["optionIds.1", "invalidOption"]]);
  });
});

describe("scale submissions", () => {
  const schema = submissionSchemaFor("scale", configs.scale);

  it("take a whole number within the scale", () => {
    expect(schema.parse({ clientId: CLIENT_ID, value: 1 }).value).toBe(1);
    expect(schema.parse({ clientId: CLIENT_ID, value: 7 }).value).toBe(7);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, value: 8 }))).toEqual([["value", "outOfRange"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, value: 0 }))).toEqual([["value", "outOfRange"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, value: 2.5 }))).toEqual([["value", "notWhole"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, value: Number.POSITIVE_INFINITY }))).toEqual([["value", "notANumber"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID }))).toEqual([["value", "notANumber"]]);
  });
});

describe("word cloud submissions", () => {
  const schema = submissionSchemaFor("wordcloud", configs.wordcloud);

  it("take up to the activity's number of single words, leaving out blank boxes", () => {
    expect(schema.parse({ clientId: CLIENT_ID, words: [" Curious ", ""] }).words).toEqual(["Curious"]);
    expect(schema.parse({ clientId: CLIENT_ID, words: ["well-being", "l'avenir"] }).words).toEqual(["well-being", "l'avenir"]);
    expect(schema.parse({ clientId: CLIENT_ID, words: ["compasión", "2030"] }).words).toEqual(["compasión", "2030"]);
  });

  it("refuse no words, too many words and words that are not words", () => {
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: [] }))).toEqual([["words", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["", "  "] }))).toEqual([["words", "required"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["a", "b", "c"] }))).toEqual([["words", "tooMany"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["critical thinking"] }))).toEqual([["words.0", "oneWordOnly"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["x".repeat(31)] }))).toEqual([["words.0", "tooLong"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["ok", "<b>"] }))).toEqual([["words.1", "invalidWord"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: ["--"] }))).toEqual([["words.0", "invalidWord"]]);
    expect(problems(schema.safeParse({ clientId: CLIENT_ID, words: "curious" }))).toEqual([["words", "required"]]);
  });
});

describe("ranking submissions", () => {
  const schema = submissionSchemaFor("ranking", configs.ranking);

  it("take an order of every item exactly once", () => {
    expect(schema.parse({ clientId: CLIENT_ID, order: ["c1", "c2", "c0"] }).order).toEqual(["c1", "c2", "c0"]);
    for (const order of [["c0", "c1"], ["c0", "c1", "c1"], ["c0", "c1", "c9"], ["c0", "c1", "c2", "c0"], []]) {
      expect(problems(schema.safeParse({ clientId: CLIENT_ID, order }))).toEqual([["order", "notAPermutation"]]);
    }
    expect(problems(schema.safeParse({ clientId: CLIENT_ID }))).toEqual([["order", "required"]]);
  });
});

describe("nomination submissions", () => {
  const schema = submissionSchemaFor("nomination", configs.nomination);
  const nomination = { clientId: CLIENT_ID, nomineeName: " Ana  Pérez ", reason: "She runs\nthe robotics club", consent: true };

  it("take a name, a reason, an optional contact and the nominator's consent", () => {
    expect(schema.parse(nomination)).toEqual({ clientId: CLIENT_ID, nomineeName: "Ana Pérez", reason: "She runs\nthe robotics club", contact: null, consent: true });
    expect(schema.parse({ ...nomination, contact: "  " }).contact).toBeNull();
    expect(schema.parse({ ...nomination, contact: null }).contact).toBeNull();
    expect(schema.parse({ ...nomination, contact: " ana@example.org " }).contact).toBe("ana@example.org");
  });

  it("refuse contact details without the nominator's consent", () => {
    const withContact = { ...nomination, contact: "ana@example.org" };
    expect(problems(schema.safeParse({ ...withContact, consent: false }))).toEqual([["consent", "consentRequired"]]);
    expect(problems(schema.safeParse({ ...withContact, consent: "on" }))).toEqual([["consent", "consentRequired"]]);
    expect(problems(schema.safeParse({ ...withContact, consent: undefined }))).toEqual([["consent", "consentRequired"]]);
  });

  it("take a name and a reason alone without asking for consent: there is nothing to contact", () => {
    expect(schema.parse({ ...nomination, consent: undefined })).toMatchObject({ contact: null, consent: false });
    expect(schema.parse({ ...nomination, contact: "   ", consent: false })).toMatchObject({ contact: null, consent: false });
  });

  it("refuse missing and overlong fields", () => {
    expect(problems(schema.safeParse({ ...nomination, nomineeName: "" }))).toEqual([["nomineeName", "required"]]);
    expect(problems(schema.safeParse({ ...nomination, nomineeName: "n".repeat(121) }))).toEqual([["nomineeName", "tooLong"]]);
    expect(problems(schema.safeParse({ ...nomination, reason: undefined }))).toEqual([["reason", "required"]]);
    expect(problems(schema.safeParse({ ...nomination, reason: "r".repeat(501) }))).toEqual([["reason", "tooLong"]]);
    expect(problems(schema.safeParse({ ...nomination, contact: "c".repeat(201) }))).toEqual([["contact", "tooLong"]]);
    expect(problems(schema.safeParse({ ...nomination, contact: 5 }))).toEqual([["contact", "required"]]);
  });
});
