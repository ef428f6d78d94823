/** The four levels of every readiness rubric, lowest first. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** The name of each level: its message key under "readiness.levels" and its descriptor column. */
export const LEVEL_NAMES = { 1: "notYet", 2: "emerging", 3: "developing", 4: "established" } as const satisfies Record<Level, string>;
export type LevelName = (typeof LEVEL_NAMES)[Level];

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** An indicator's four descriptors, in level order. */
export type Descriptors = Record<LevelName, string>;

export function descriptorOf(descriptors: Descriptors, level: Level): string {
  return descriptors[LEVEL_NAMES[level]];
}
