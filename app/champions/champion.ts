import type { ChampionKind, ChampionSource, ChampionStage, ConsentMethod, Role } from "~/generated/prisma/enums";

export const CHAMPION_STAGES = ["identified", "invited", "committed", "active", "stepped_back"] as const satisfies readonly ChampionStage[];
export const CHAMPION_KINDS = ["person", "organisation"] as const satisfies readonly ChampionKind[];
export const CONSENT_METHODS = ["in_person", "phone", "email", "written", "nomination"] as const satisfies readonly ConsentMethod[];
export const CHAMPION_SOURCES = ["manual", "csv", "nomination"] as const satisfies readonly ChampionSource[];

/** Champions who said yes: the coverage view counts only these. */
export const COMMITTED_STAGES: readonly ChampionStage[] = ["committed", "active"];

export function isCommitted(stage: ChampionStage): boolean {
  return COMMITTED_STAGES.includes(stage);
}

export const CHAMPION_NAME_MAX = 120;
export const CHAMPION_ROLE_MAX = 120;
export const AFFILIATION_MAX = 120;
export const REACH_MAX = 500;
export const NOTES_MAX = 2000;
export const STAGE_NOTE_MAX = 500;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;
export const CONTACT_OTHER_MAX = 200;
export const TAG_MAX = 40;
export const TAGS_MAX = 10;
export const AUDIENCE_SIZE_MAX = 10_000_000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Leaders and facilitators keep the directory (and review nominations); school team members read it. */
export const CHAMPION_MANAGER_ROLES = ["leader", "facilitator"] as const satisfies readonly Role[];

export function canManageChampions(role: Role): boolean {
  return (CHAMPION_MANAGER_ROLES as readonly Role[]).includes(role);
}

/**
 * Contact details (and the consent and notes kept with them) are read only by
 * leaders and facilitators: a school team member sees the directory without them.
 */
export function canSeeContactDetails(role: Role): boolean {
  return role === "leader" || role === "facilitator";
}

/** Tags typed as "parent leader, faith, Spanish radio": tidied, without repeats in any letter case, at most TAGS_MAX. */
export function parseTags(text: string): { ok: true; tags: string[] } | { ok: false; problem: "tagTooLong" | "tooManyTags" } {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const tag = raw.normalize("NFC").trim().replace(/\s+/g, " ");
    if (tag === "") continue;
    if (tag.length > TAG_MAX) return { ok: false, problem: "tagTooLong" };
    const key = tag.toLocaleLowerCase("en");
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > TAGS_MAX) return { ok: false, problem: "tooManyTags" };
  return { ok: true, tags };
}

/** Addresses of the champion pages, in one place. */
export const championPaths = {
  directory: "/champions",
  person: (id: string) => `/champions/${id}`,
  add: "/champions/new",
  import: "/champions/import",
  export: "/champions.csv",
  nominations: "/champions/nominations",
  matrix: "/champions/matrix",
  pipeline: "/champions/pipeline",
  coverage: "/champions/coverage",
  criteria: "/champions/criteria",
} as const;
