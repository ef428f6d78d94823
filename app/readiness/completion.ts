/** Where a school team is in a cycle, for progress lists and the heatmap. */
export type CompletionState = "notStarted" | "rating" | "submitted" | "consensus" | "complete";

export type CompletionCounts = {
  /** Members of the school team (active school accounts). */
  members: number;
  /** Members who saved at least one rating, submitted or not. */
  started: number;
  submitted: number;
  /** Indicators of the cycle's framework version that are rated. */
  indicators: number;
  /** Indicators with a consensus level. */
  agreed: number;
};

export type Completion = CompletionCounts & { state: CompletionState; /** 0–1: consensus reached on this share of indicators. */ share: number };

/**
 * A team is complete when every indicator has a consensus level; before that,
 * any consensus means the team is agreeing, every member submitted means it is
 * ready to agree, any saved rating means it is rating.
 */
export function completionOf(counts: CompletionCounts): Completion {
  const share = counts.indicators > 0 ? Math.min(1, counts.agreed / counts.indicators) : 0;
  let state: CompletionState = "notStarted";
  if (counts.indicators > 0 && counts.agreed >= counts.indicators) state = "complete";
  else if (counts.agreed > 0) state = "consensus";
  else if (counts.members > 0 && counts.submitted >= counts.members) state = "submitted";
  else if (counts.started > 0 || counts.submitted > 0) state = "rating";
  return { ...counts, state, share };
}

/** Order of the states, for sorting: furthest along last. */
export const COMPLETION_ORDER: Record<CompletionState, number> = { notStarted: 0, rating: 1, submitted: 2, consensus: 3, complete: 4 };

/** How many of a member's answers are in: rated indicators (a level chosen) out of the indicators to rate. */
export function memberProgress(levels: readonly (number | null)[], indicators: number): { rated: number; total: number; done: boolean } {
  const rated = levels.filter((level) => level !== null).length;
  return { rated, total: indicators, done: indicators > 0 && rated >= indicators };
}
