import { z } from "zod";
import type { Locale, Translate } from "~/i18n/i18n";
import { toSpreadsheetCsv } from "~/utils/csv";
import type { ActivityType } from "./activity-types";
import { ideaRatingStats } from "./aggregate";
import { translated, type LiveActivity } from "./live-view";
import { ideaRoots, ratingsOnRoots, type ResultsIdea } from "./results";

/*
 * A workshop's raw results as spreadsheet files: one row per idea, per
 * rating, or per answer, each with the stakeholder group and the time. Never
 * a display name, device, participant id or anything of a nomination: a
 * district can share these files. Cells go through toSpreadsheetCsv, whose
 * neutralizeFormula keeps a participant's "=…" from running as a formula.
 */

export const EXPORT_KINDS = ["ideas", "ratings", "responses"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const exportKindSchema = z.enum(EXPORT_KINDS);

/** Where one export is downloaded, for every group or one. */
export function exportPath(workshopId: string, kind: ExportKind, groupId: string | null): string {
  const query = new URLSearchParams({ kind });
  if (groupId) query.set("group", groupId);
  return `/workshops/${encodeURIComponent(workshopId)}/export.csv?${query.toString()}`;
}

export type CsvIdea = ResultsIdea;
export type CsvRating = { activityId: string; ideaId: string; value: number; stakeholderGroupId: string; createdAt: Date };
export type CsvResponse = { activityId: string; stakeholderGroupId: string; payload: unknown; createdAt: Date };

export type ExportInput = {
  activities: readonly LiveActivity[];
  ideas: readonly CsvIdea[];
  ratings: readonly CsvRating[];
  responses: readonly CsvResponse[];
  themes: readonly { id: string; name: string }[];
  groupLabels: Readonly<Record<string, string>>;
  /** Only this group's rows, or every group's. */
  groupId: string | null;
};

/** Times in UTC, as spreadsheets and scripts read them without guessing a time zone. */
function isoTime(date: Date): string {
  return date.toISOString();
}

function number2(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** How an answer reads in a cell: option labels, a number, the words, or the ranked items in order. */
export function answerText(activity: LiveActivity | undefined, payload: unknown, locale: Locale): string {
  const answer = asObject(payload);
  switch (activity?.type) {
    case "poll": {
      const labels = new Map(activity.config.options.map((option) => [option.id, translated(option.label, locale).text]));
      return stringList(answer.optionIds)
        .map((id) => labels.get(id) ?? id)
        .join("; ");
    }
    case "scale":
      return typeof answer.value === "number" ? String(answer.value) : "";
    case "wordcloud":
      return stringList(answer.words).join(" ");
    case "ranking": {
      const labels = new Map(activity.config.items.map((item) => [item.id, translated(item.label, locale).text]));
      return stringList(answer.order)
        .map((id) => labels.get(id) ?? id)
        .join(" > ");
    }
    default:
      return "";
  }
}

/** The rows of one export, header first, before they become CSV text. */
export function exportRows(kind: ExportKind, input: ExportInput, t: Translate, locale: Locale): string[][] {
  const inGroup = (row: { stakeholderGroupId: string }) => input.groupId === null || row.stakeholderGroupId === input.groupId;
  const group = (id: string) => input.groupLabels[id] ?? "";
  const activities = new Map(input.activities.map((activity) => [activity.id, activity]));
  const number = (activityId: string) => {
    const activity = activities.get(activityId);
    return activity ? String(activity.position + 1) : "";
  };
  const prompt = (activityId: string) => translated(activities.get(activityId)?.config.prompt, locale).text;
  const type = (activityId: string) => {
    const activityType: ActivityType | undefined = activities.get(activityId)?.type;
    return activityType ? t(`workshops.types.${activityType}`) : "";
  };
  const roots = ideaRoots(input.ideas);

  switch (kind) {
    case "ideas": {
      const themes = new Map(input.themes.map((theme) => [theme.id, theme.name]));
      const stats = new Map(ideaRatingStats(ratingsOnRoots(input.ratings, roots)).map((entry) => [entry.ideaId, entry]));
      const byId = new Map(input.ideas.map((idea) => [idea.id, idea]));
      const header = [
        t("results.csv.ideaId"),
        t("results.csv.activity"),
        t("results.csv.prompt"),
        t("results.csv.idea"),
        t("results.csv.language"),
        t("results.csv.group"),
        t("results.csv.submittedAt"),
        t("results.csv.status"),
        t("results.csv.mergedInto"),
        t("results.csv.themeId"),
        t("results.csv.theme"),
        t("results.csv.ratings"),
        t("results.csv.average"),
      ];
      const rows = [...input.ideas]
        .filter(inGroup)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
        .map((idea) => {
          const root = roots.get(idea.id);
          const status = idea.hidden ? "hidden" : idea.mergedIntoId ? "merged" : "shown";
          // A merged duplicate is in its target's theme and shares its target's ratings.
          const themeId = root ? (byId.get(root)?.themeId ?? null) : idea.themeId;
          const own = root === idea.id ? stats.get(idea.id) : undefined;
          return [
            idea.id,
            number(idea.activityId),
            prompt(idea.activityId),
            idea.text,
            idea.language,
            group(idea.stakeholderGroupId),
            isoTime(idea.createdAt),
            t(`results.csv.statuses.${status}`),
            idea.mergedIntoId ?? "",
            themeId ?? "",
            themeId ? (themes.get(themeId) ?? "") : "",
            own ? String(own.count) : "",
            own ? number2(own.mean) : "",
          ];
        });
      return [header, ...rows];
    }
    case "ratings": {
      const ideaText = new Map(input.ideas.map((idea) => [idea.id, idea.text]));
      const header = [
        t("results.csv.activity"),
        t("results.csv.ideaId"),
        t("results.csv.idea"),
        t("results.csv.rating"),
        t("results.csv.group"),
        t("results.csv.ratedAt"),
      ];
      const rows = input.ratings
        .filter(inGroup)
        .map((rating) => [
          number(rating.activityId),
          rating.ideaId,
          ideaText.get(rating.ideaId) ?? "",
          String(rating.value),
          group(rating.stakeholderGroupId),
          isoTime(rating.createdAt),
        ]);
      return [header, ...rows];
    }
    case "responses": {
      const header = [
        t("results.csv.activity"),
        t("results.csv.type"),
        t("results.csv.prompt"),
        t("results.csv.answer"),
        t("results.csv.group"),
        t("results.csv.answeredAt"),
      ];
      const rows = input.responses
        .filter(inGroup)
        .map((response) => [
          number(response.activityId),
          type(response.activityId),
          prompt(response.activityId),
          answerText(activities.get(response.activityId), response.payload, locale),
          group(response.stakeholderGroupId),
          isoTime(response.createdAt),
        ]);
      return [header, ...rows];
    }
  }
}

/** One export as CSV text for spreadsheets (formula cells neutralized). */
export function exportCsv(kind: ExportKind, input: ExportInput, t: Translate, locale: Locale): string {
  return toSpreadsheetCsv(exportRows(kind, input, t, locale));
}
