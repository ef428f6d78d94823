import type { ChampionStage } from "~/generated/prisma/enums";
import { isCommitted } from "./champion";

export type CoverageChampion = {
  id: string;
  stage: ChampionStage;
  stakeholderGroupId: string | null;
  schoolId: string | null;
  languages: readonly string[];
};

export type CoverageInput = {
  /** The district's active stakeholder groups, in its order. */
  groups: readonly { id: string; key: string | null }[];
  /** The district's active schools, in the order to list them. */
  schools: readonly { id: string }[];
  /** The languages the district offers its community. */
  languages: readonly string[];
  champions: readonly CoverageChampion[];
};

export type CoverageGap =
  | { kind: "group"; groupId: string }
  | { kind: "language"; language: string }
  | { kind: "school"; schoolId: string }
  | { kind: "schoolLanguage"; schoolId: string; language: string };

export type Coverage = {
  byGroup: { groupId: string; championIds: string[] }[];
  bySchool: { schoolId: string; championIds: string[] }[];
  byLanguage: { language: string; championIds: string[] }[];
  bySchoolLanguage: { schoolId: string; language: string; championIds: string[] }[];
  /** Gaps first, in plain terms: groups, then languages, then schools, then a language at a school. */
  gaps: CoverageGap[];
};

/**
 * Which of the district's groups, languages and schools have a committed or
 * active champion. A champion reaches "Spanish-speaking families at Lincoln"
 * when they are at Lincoln and speak Spanish, whatever their own group: a
 * Spanish-speaking teacher or student carries the message home too. That gap
 * is listed only for schools that have a champion at all (otherwise the school
 * gap says it already). The catch-all "other" group is counted but never a gap.
 */
export function championCoverage({ groups, schools, languages, champions }: CoverageInput): Coverage {
  const committed = champions.filter((champion) => isCommitted(champion.stage));
  const ids = (predicate: (champion: CoverageChampion) => boolean) => committed.filter(predicate).map((champion) => champion.id);

  const byGroup = groups.map((group) => ({ groupId: group.id, championIds: ids((c) => c.stakeholderGroupId === group.id) }));
  const bySchool = schools.map((school) => ({ schoolId: school.id, championIds: ids((c) => c.schoolId === school.id) }));
  const byLanguage = languages.map((language) => ({ language, championIds: ids((c) => c.languages.includes(language)) }));
  const bySchoolLanguage = schools.flatMap((school) =>
    languages.map((language) => ({
      schoolId: school.id,
      language,
      championIds: ids((c) => c.schoolId === school.id && c.languages.includes(language)),
    })),
  );

  const catchAll = new Set(groups.filter((group) => group.key === "other").map((group) => group.id));
  const schoolsWithChampions = new Set(bySchool.filter((row) => row.championIds.length > 0).map((row) => row.schoolId));
  const gaps: CoverageGap[] = [
    ...byGroup
      .filter((row) => row.championIds.length === 0 && !catchAll.has(row.groupId))
      .map((row) => ({ kind: "group" as const, groupId: row.groupId })),
    ...byLanguage.filter((row) => row.championIds.length === 0).map((row) => ({ kind: "language" as const, language: row.language })),
    ...bySchool.filter((row) => row.championIds.length === 0).map((row) => ({ kind: "school" as const, schoolId: row.schoolId })),
    ...bySchoolLanguage
      .filter((row) => row.championIds.length === 0 && schoolsWithChampions.has(row.schoolId))
      .map((row) => ({ kind: "schoolLanguage" as const, schoolId: row.schoolId, language: row.language })),
  ];
  return { byGroup, bySchool, byLanguage, bySchoolLanguage, gaps };
}
