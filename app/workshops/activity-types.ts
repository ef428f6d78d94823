import { z } from "zod";
import { isLocale, type Locale } from "~/i18n/i18n";

/** The kinds of activity a workshop agenda can hold; the same list as the database enum ActivityType. */
export const ACTIVITY_TYPES = ["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activityTypeSchema = z.enum(ACTIVITY_TYPES, { error: "invalidType" });

/** Text written once per language the workshop offers: a prompt, a poll option, a scale label. */
export type LocalizedText = Partial<Record<Locale, string>>;

export const PROMPT_MAX = 500;
export const CHOICE_LABEL_MAX = 120;
export const SCALE_LABEL_MAX = 60;
export const IDEA_TEXT_MAX = 280;
export const WORD_MAX = 30;
export const NOMINEE_NAME_MAX = 120;
export const NOMINATION_REASON_MAX = 500;
export const NOMINATION_CONTACT_MAX = 200;
export const ID_MAX = 64;

/**
 * Every message key the schemas of this module produce, so the pages and the
 * socket layer can check that each one is translated.
 */
export const ACTIVITY_MESSAGE_KEYS = [
  "required",
  "tooLong",
  "tooFew",
  "tooMany",
  "notANumber",
  "notWhole",
  "outOfRange",
  "invalid",
  "invalidType",
  "invalidCharacters",
  "invalidId",
  "duplicateId",
  "invalidClientId",
  "invalidOption",
  "duplicateOption",
  "invalidWord",
  "oneWordOnly",
  "notAPermutation",
  "consentRequired",
] as const;
export type ActivityMessageKey = (typeof ACTIVITY_MESSAGE_KEYS)[number];

/** The text to show a reader of `locale`: their language, else the first one written. */
export function pickTranslation(text: LocalizedText, locale: Locale): string {
  return text[locale] || Object.values(text).find((value) => value !== undefined && value !== "") || "";
}

// ---------------------------------------------------------------------------
// Text rules shared by configs and submissions

// Control characters and the bidirectional overrides that could garble an idea wall shown to the whole room.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
// Raw input longer than this many times the limit is refused before any cleaning work.
const RAW_LENGTH_FACTOR = 4;

function tidySingleLine(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

function tidyMultiline(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
function characterCount(value: string): number {
  return [...value].length;
}

type TextRules = { max: number; multiline?: boolean };

/** Cleans one text and reports its problem on `ctx`; "" means it was left empty. */
function cleanText(value: string, { max, multiline = false }: TextRules, ctx: z.RefinementCtx, path: PropertyKey[] = []): string {
  const cleaned = multiline ? tidyMultiline(value) : tidySingleLine(value);
  const checked = multiline ? cleaned.replaceAll("\n", "") : cleaned;
  if (FORBIDDEN_CHARACTERS.test(checked)) {
    ctx.addIssue({ code: "custom", message: "invalidCharacters", path });
  } else if (characterCount(cleaned) > max) {
    ctx.addIssue({ code: "custom", message: "tooLong", path });
  }
  return cleaned;
}

function rawText(max: number) {
  return z.string({ error: "required" }).superRefine((value, ctx) => {
    if (value.length > max * RAW_LENGTH_FACTOR) ctx.addIssue({ code: "custom", message: "tooLong" });
  });
}

/**
 * Checks the number of items of a list. Zod's own .min/.max on an array also
 * measure a string sent in its place, which would add a second, misleading problem.
 */
function countBetween(min: number, max: number, messages: { tooFew: ActivityMessageKey; tooMany: ActivityMessageKey }) {
  return (items: readonly unknown[], ctx: z.RefinementCtx) => {
    if (items.length < min) ctx.addIssue({ code: "custom", message: messages.tooFew });
    else if (items.length > max) ctx.addIssue({ code: "custom", message: messages.tooMany });
  };
}

/** A required text of 1 to `max` characters, whitespace tidied, without control characters. */
function requiredText(rules: TextRules) {
  return rawText(rules.max).transform((value, ctx) => {
    const cleaned = cleanText(value, rules, ctx);
    if (cleaned === "") ctx.addIssue({ code: "custom", message: "required" });
    return cleaned;
  });
}

/** An optional text: missing or blank becomes null. */
function optionalText(rules: TextRules) {
  return z.preprocess(
    (value) => value ?? "",
    rawText(rules.max).transform((value, ctx) => cleanText(value, rules, ctx) || null),
  );
}

function translationsInput(max: number) {
  const translation = rawText(max).optional();
  return z.object({ en: translation, es: translation }, { error: "required" }).optional();
}

/** Keeps and cleans the translations of the languages the workshop offers (a form may send empty fields for the others). */
function cleanTranslations(
  text: Partial<Record<Locale, string>> | undefined,
  languages: readonly Locale[],
  rules: TextRules,
  ctx: z.RefinementCtx,
): LocalizedText {
  const cleaned: LocalizedText = {};
  for (const language of languages) {
    const value = cleanText(text?.[language] ?? "", rules, ctx, [language]);
    if (value !== "") cleaned[language] = value;
  }
  return cleaned;
}

function requireEveryLanguage(text: LocalizedText, languages: readonly Locale[], ctx: z.RefinementCtx) {
  for (const language of languages) {
    if (text[language] === undefined) ctx.addIssue({ code: "custom", message: "required", path: [language] });
  }
}

/** A text written in every language the workshop offers. */
function localizedText(languages: readonly Locale[], rules: TextRules) {
  return translationsInput(rules.max).transform((text, ctx) => {
    const cleaned = cleanTranslations(text, languages, rules, ctx);
    requireEveryLanguage(cleaned, languages, ctx);
    return cleaned;
  });
}

/** A text that may be left out altogether, but once written, is written in every language offered. */
function optionalLocalizedText(languages: readonly Locale[], rules: TextRules) {
  return translationsInput(rules.max).transform((text, ctx) => {
    const cleaned = cleanTranslations(text, languages, rules, ctx);
    if (Object.keys(cleaned).length === 0) return undefined;
    requireEveryLanguage(cleaned, languages, ctx);
    return cleaned;
  });
}

// ---------------------------------------------------------------------------
// Other field rules

const idSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { message: "required", abort: true })
  .max(ID_MAX, { message: "tooLong", abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, "invalidId");

/** A whole number typed in a form or sent as JSON; blank or missing takes the default. */
function wholeNumber(min: number, max: number, fallback: number) {
  return z.preprocess(
    (value) => {
      if (value === "" || value === null) return undefined;
      if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
      return value;
    },
    z.number({ error: "notANumber" }).int("notWhole").min(min, "outOfRange").max(max, "outOfRange").default(fallback),
  );
}

/** A checkbox: true, "true" or "on" ticks it; absent leaves it unticked. */
const checkbox = z.preprocess(
  (value) => {
    if (value === "on" || value === "true") return true;
    if (value === undefined || value === null || value === "" || value === "false") return false;
    return value;
  },
  z.boolean({ error: "invalid" }),
);

function choiceList(languages: readonly Locale[], min: number, max: number) {
  const choice = z.object(
    { id: idSchema, label: localizedText(languages, { max: CHOICE_LABEL_MAX }) },
    { error: "required" },
  );
  return z
    .array(choice, { error: "required" })
    .superRefine(countBetween(min, max, { tooFew: "tooFew", tooMany: "tooMany" }))
    .superRefine((choices, ctx) => {
      const seen = new Set<string>();
      choices.forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: "duplicateId", path: [index, "id"] });
        seen.add(item.id);
      });
    });
}

// ---------------------------------------------------------------------------
// Configs: what the facilitator sets up for each activity

function workshopLanguages(languages: readonly string[]): Locale[] {
  const offered = [...new Set(languages)].filter(isLocale);
  if (offered.length === 0) throw new RangeError(`A workshop offers at least one supported language, got ${JSON.stringify(languages)}`);
  return offered;
}

const promptSchema = (languages: readonly Locale[]) => localizedText(languages, { max: PROMPT_MAX, multiline: true });
const scaleLabelSchema = (languages: readonly Locale[]) => optionalLocalizedText(languages, { max: SCALE_LABEL_MAX });

const configBuilders = {
  brainstorm: (languages: readonly Locale[]) =>
    z.object({ prompt: promptSchema(languages), maxIdeasPerParticipant: wholeNumber(1, 20, 5) }),
  rate: (languages: readonly Locale[]) =>
    z.object({ prompt: promptSchema(languages), sourceActivityId: idSchema, ratingsPerParticipant: wholeNumber(1, 50, 10) }),
  poll: (languages: readonly Locale[]) =>
    z.object({ prompt: promptSchema(languages), options: choiceList(languages, 2, 12), multiple: checkbox }),
  scale: (languages: readonly Locale[]) =>
    z.object({
      prompt: promptSchema(languages),
      min: wholeNumber(1, 1, 1),
      max: wholeNumber(2, 10, 5),
      minLabel: scaleLabelSchema(languages),
      maxLabel: scaleLabelSchema(languages),
    }),
  wordcloud: (languages: readonly Locale[]) => z.object({ prompt: promptSchema(languages), maxWords: wholeNumber(1, 3, 3) }),
  ranking: (languages: readonly Locale[]) => z.object({ prompt: promptSchema(languages), items: choiceList(languages, 2, 10) }),
  nomination: (languages: readonly Locale[]) => z.object({ prompt: promptSchema(languages) }),
} satisfies Record<ActivityType, (languages: readonly Locale[]) => z.ZodType>;

type ConfigSchemas = { [T in ActivityType]: ReturnType<(typeof configBuilders)[T]> };
const typedConfigBuilders: { [T in ActivityType]: (languages: readonly Locale[]) => ConfigSchemas[T] } = configBuilders;

/** The settings of each type of activity, as stored in Activity.config. */
export type ActivityConfigs = { [T in ActivityType]: z.output<ConfigSchemas[T]> };
export type BrainstormConfig = ActivityConfigs["brainstorm"];
export type RateConfig = ActivityConfigs["rate"];
export type PollConfig = ActivityConfigs["poll"];
export type ScaleConfig = ActivityConfigs["scale"];
export type WordcloudConfig = ActivityConfigs["wordcloud"];
export type RankingConfig = ActivityConfigs["ranking"];
export type NominationConfig = ActivityConfigs["nomination"];

/** An activity's type with its settings, as the facilitator's agenda editor sends it. */
export type ActivityConfig = { [T in ActivityType]: { type: T } & ActivityConfigs[T] }[ActivityType];

/**
 * The schema of one activity type's settings for a workshop offering
 * `languages`: prompts and labels must be written in each of them. Use it to
 * read Activity.config back with the activity's type.
 */
export function configSchemaFor<T extends ActivityType>(type: T, languages: readonly string[]): ConfigSchemas[T] {
  const build: (languages: readonly Locale[]) => ConfigSchemas[T] = typedConfigBuilders[type];
  return build(workshopLanguages(languages));
}

/**
 * The schema of an activity as the agenda editor sends it, `{ type, prompt,
 * …settings }`, for a workshop offering `languages`. Throws when none of
 * `languages` is supported, since no prompt could be written.
 */
export function activityConfigSchema(languages: readonly string[]) {
  const offered = workshopLanguages(languages);
  return z.discriminatedUnion(
    "type",
    [
      configBuilders.brainstorm(offered).extend({ type: z.literal("brainstorm") }),
      configBuilders.rate(offered).extend({ type: z.literal("rate") }),
      configBuilders.poll(offered).extend({ type: z.literal("poll") }),
      configBuilders.scale(offered).extend({ type: z.literal("scale") }),
      configBuilders.wordcloud(offered).extend({ type: z.literal("wordcloud") }),
      configBuilders.ranking(offered).extend({ type: z.literal("ranking") }),
      configBuilders.nomination(offered).extend({ type: z.literal("nomination") }),
    ],
    { error: "invalidType" },
  );
}

// ---------------------------------------------------------------------------
// Submissions: what a participant sends to the open activity

/** Generated by the participant's device for each submission, so a retried one is saved once. */
export const clientIdSchema = z.uuid({ error: "invalidClientId" });

const WORD_PATTERN = /^[\p{L}\p{M}\p{N}'’-]+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function uniqueIds(values: readonly string[], ctx: z.RefinementCtx, message: ActivityMessageKey) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: "custom", message, path: [index] });
    seen.add(value);
  });
}

const submissionBuilders = {
  brainstorm: (_config: BrainstormConfig) =>
    z.object({ clientId: clientIdSchema, text: requiredText({ max: IDEA_TEXT_MAX }) }),

  rate: (_config: RateConfig) =>
    z.object({
      clientId: clientIdSchema,
      ideaId: idSchema,
      value: z.number({ error: "notANumber" }).int("notWhole").min(1, "outOfRange").max(5, "outOfRange"),
    }),

  poll: (config: PollConfig) => {
    const known = new Set(config.options.map((option) => option.id));
    return z.object({
      clientId: clientIdSchema,
      optionIds: z
        .array(z.string({ error: "invalidOption" }), { error: "required" })
        .superRefine(countBetween(1, config.multiple ? config.options.length : 1, { tooFew: "required", tooMany: "tooMany" }))
        .superRefine((optionIds, ctx) => {
          optionIds.forEach((id, index) => {
            if (!known.has(id)) ctx.addIssue({ code: "custom", message: "invalidOption", path: [index] });
          });
          uniqueIds(optionIds, ctx, "duplicateOption");
        }),
    });
  },

  scale: (config: ScaleConfig) =>
    z.object({
      clientId: clientIdSchema,
      value: z.number({ error: "notANumber" }).int("notWhole").min(config.min, "outOfRange").max(config.max, "outOfRange"),
    }),

  wordcloud: (config: WordcloudConfig) =>
    z.object({
      clientId: clientIdSchema,
      words: z
        .array(rawText(WORD_MAX), { error: "required" })
        .superRefine(countBetween(0, config.maxWords, { tooFew: "required", tooMany: "tooMany" }))
        .transform((words, ctx) => {
          const kept: string[] = [];
          words.forEach((word, index) => {
            const cleaned = word.normalize("NFC").trim();
            if (cleaned === "") return;
            if (/\s/.test(cleaned)) ctx.addIssue({ code: "custom", message: "oneWordOnly", path: [index] });
            else if (characterCount(cleaned) > WORD_MAX) ctx.addIssue({ code: "custom", message: "tooLong", path: [index] });
            else if (!WORD_PATTERN.test(cleaned) || !HAS_LETTER_OR_DIGIT.test(cleaned)) {
              ctx.addIssue({ code: "custom", message: "invalidWord", path: [index] });
            }
            kept.push(cleaned);
          });
          if (kept.length === 0) ctx.addIssue({ code: "custom", message: "required" });
          return kept;
        }),
    }),

  ranking: (config: RankingConfig) => {
    const itemIds = new Set(config.items.map((item) => item.id));
    return z.object({
      clientId: clientIdSchema,
      order: z
        .array(z.string({ error: "notAPermutation" }), { error: "required" })
        .superRefine((order, ctx) => {
          const isPermutation = order.length === itemIds.size && new Set(order).size === order.length && order.every((id) => itemIds.has(id));
          if (!isPermutation) ctx.addIssue({ code: "custom", message: "notAPermutation" });
        }),
    });
  },

  nomination: (_config: NominationConfig) =>
    z
      .object({
        clientId: clientIdSchema,
        nomineeName: requiredText({ max: NOMINEE_NAME_MAX }),
        reason: requiredText({ max: NOMINATION_REASON_MAX, multiline: true }),
        contact: optionalText({ max: NOMINATION_CONTACT_MAX }),
        consent: z.boolean({ error: "consentRequired" }).optional().default(false),
      })
      // Contact details come with the nominator's word that the person agreed to be contacted, or that they are public.
      // A name and a reason alone need no such statement.
      .superRefine((submission, ctx) => {
        if (submission.contact && !submission.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "consentRequired" });
      }),
};

/** What a participant submits to each type of activity, after parsing. */
export type Submissions = { [T in ActivityType]: z.output<ReturnType<(typeof submissionBuilders)[T]>> };
export type BrainstormSubmission = Submissions["brainstorm"];
export type RateSubmission = Submissions["rate"];
export type PollSubmission = Submissions["poll"];
export type ScaleSubmission = Submissions["scale"];
export type WordcloudSubmission = Submissions["wordcloud"];
export type RankingSubmission = Submissions["ranking"];
export type NominationSubmission = Submissions["nomination"];

const typedSubmissionBuilders: { [T in ActivityType]: (config: ActivityConfigs[T]) => z.ZodType<Submissions[T]> } = submissionBuilders;

/**
 * The schema a participant's payload for an activity must pass: it checks the
 * payload against that activity's settings (poll options, scale range, ranking
 * items…), and every message is a message key. Whether a rated idea belongs
 * to the activity's brainstorm, and is not the participant's own, is the
 * caller's check against the database.
 */
export function submissionSchemaFor<T extends ActivityType>(activityType: T, config: ActivityConfigs[T]): z.ZodType<Submissions[T]> {
  const build: (config: ActivityConfigs[T]) => z.ZodType<Submissions[T]> = typedSubmissionBuilders[activityType];
  return build(config);
}
