import { z } from "zod";
import type { ChampionStage } from "~/generated/prisma/enums";
import { CHAMPION_STAGES } from "./champion";
import { normaliseName } from "./duplicates";

export type ChampionFilter = {
  q: string;
  group: string | null;
  school: string | null;
  language: string | null;
  stage: ChampionStage | null;
  tag: string | null;
};

export const NO_FILTER: ChampionFilter = { q: "", group: null, school: null, language: null, stage: null, tag: null };

const optionalParam = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ?? "").trim().slice(0, max))
    .transform((value) => (value === "" ? null : value));

const filterSchema = z.object({
  q: z
    .string()
    .nullish()
    .transform((value) => (value ?? "").trim().slice(0, 100)),
  group: optionalParam(64),
  school: optionalParam(64),
  language: optionalParam(8),
  stage: z
    .string()
    .nullish()
    .transform((value) => CHAMPION_STAGES.find((stage) => stage === value) ?? null),
  tag: optionalParam(40),
});

/** The filter in a page address (?q=&group=&school=&language=&stage=&tag=); anything unknown is ignored. */
export function filterFromSearchParams(params: URLSearchParams): ChampionFilter {
  const parsed = filterSchema.safeParse({
    q: params.get("q"),
    group: params.get("group"),
    school: params.get("school"),
    language: params.get("language"),
    stage: params.get("stage"),
    tag: params.get("tag"),
  });
  return parsed.success ? parsed.data : NO_FILTER;
}

export function isFiltered(filter: ChampionFilter): boolean {
  return filter.q !== "" || Boolean(filter.group || filter.school || filter.language || filter.stage || filter.tag);
}

export type FilterableChampion = {
  name: string;
  role: string | null;
  affiliation: string | null;
  reach: string | null;
  tags: readonly string[];
  stakeholderGroupId: string | null;
  schoolId: string | null;
  languages: readonly string[];
  stage: ChampionStage;
};

/**
 * The champions a filter keeps. The search looks in names, roles,
 * affiliations, reach and tags, ignoring case and accents, every word
 * anywhere ("perez lincoln" finds Ana Pérez, PTA at Lincoln).
 */
export function filterChampions<T extends FilterableChampion>(champions: readonly T[], filter: ChampionFilter): T[] {
  const words = normaliseName(filter.q).split(" ").filter(Boolean);
  const tag = filter.tag?.toLocaleLowerCase("en") ?? null;
  return champions.filter((champion) => {
    if (filter.group && champion.stakeholderGroupId !== filter.group) return false;
    if (filter.school && champion.schoolId !== filter.school) return false;
    if (filter.language && !champion.languages.includes(filter.language)) return false;
    if (filter.stage && champion.stage !== filter.stage) return false;
    if (tag && !champion.tags.some((candidate) => candidate.toLocaleLowerCase("en") === tag)) return false;
    if (words.length === 0) return true;
    const haystack = normaliseName([champion.name, champion.role, champion.affiliation, champion.reach, ...champion.tags].filter(Boolean).join(" "));
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag used in the directory, once, in alphabetical order (for the tag filter). */
export function allTags(champions: readonly { tags: readonly string[] }[]): string[] {
  const byKey = new Map<string, string>();
  for (const champion of champions) {
    for (const tag of champion.tags) {
      const key = tag.toLocaleLowerCase("en");
      if (!byKey.has(key)) byKey.set(key, tag);
    }
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
