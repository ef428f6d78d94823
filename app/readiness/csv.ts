import type { Level } from "./levels";

/** An indicator as the export names it. */
export type ExportIndicator = { id: string; code: string; dimension: string; title: string };

export type ExportSchool = {
  name: string;
  /** Submitted responses only: a draft is not a rating yet. */
  responses: {
    memberName: string;
    memberEmail: string;
    submittedAt: Date;
    ratings: { indicatorId: string; level: Level | null; note: string; links: readonly string[] }[];
  }[];
  consensus: { indicatorId: string; level: Level; rationale: string; decidedBy: string | null; updatedAt: Date }[];
};

/** Column headings and words in the reader's language. */
export type ExportLabels = {
  columns: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  memberRating: string;
  consensus: string;
  levelName: (level: Level) => string;
};

const collator = new Intl.Collator(undefined, { sensitivity: "base" });

/**
 * Every submitted rating and every consensus of a cycle, one row each: by
 * school, then indicator in framework order, the members' ratings (by name)
 * before the team's consensus.
 */
export function readinessCsvRows(cycleName: string, indicators: readonly ExportIndicator[], schools: readonly ExportSchool[], labels: ExportLabels): string[][] {
  const rows: string[][] = [[...labels.columns]];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  for (const school of schools) {
    const responses = [...school.responses].sort((a, b) => collator.compare(a.memberName, b.memberName));
    for (const indicator of indicators) {
      const base = [cycleName, school.name, indicator.dimension, indicator.code, indicator.title];
      for (const response of responses) {
        const rating = response.ratings.find((candidate) => candidate.indicatorId === indicator.id);
        if (!rating || rating.level === null) continue;
        rows.push([
          ...base,
          labels.memberRating,
          `${response.memberName} <${response.memberEmail}>`,
          String(rating.level),
          labels.levelName(rating.level),
          rating.note,
          rating.links.join(" "),
          day(response.submittedAt),
        ]);
      }
      const agreed = school.consensus.find((candidate) => candidate.indicatorId === indicator.id);
      if (agreed) {
        rows.push([
          ...base,
          labels.consensus,
          agreed.decidedBy ?? "",
          String(agreed.level),
          labels.levelName(agreed.level),
          agreed.rationale,
          "",
          day(agreed.updatedAt),
        ]);
      }
    }
  }
  return rows;
}
