/**
 * An idea that may be served for rating. `ratingCount` should also count the
 * times it was served to someone who has not rated it yet: otherwise everyone
 * asking before those ratings arrive is served the same least-rated ideas.
 */
export type RatableIdea = { id: string; authorParticipantId: string; ratingCount: number };

export type RatingOrderRequest = {
  /** The ideas open for rating; the caller leaves out hidden and merged ones. */
  ideas: readonly RatableIdea[];
  participantId: string;
  alreadyRatedIds: ReadonlySet<string>;
  count: number;
  /** Fixed per rating activity (its id), so a participant's order is stable between requests. */
  seed: string;
};

/**
 * The next ideas a participant should rate, so every idea gets enough ratings:
 * least-rated first, never their own idea, never one they already rated. Ties
 * are broken by a shuffle particular to this participant, so participants
 * asking at the same moment are not all served the same idea.
 */
export function pickIdeasToRate({ ideas, participantId, alreadyRatedIds, count, seed }: RatingOrderRequest): string[] {
  const wanted = Number.isFinite(count) ? Math.floor(count) : 0;
  if (wanted <= 0) return [];
  const seen = new Set<string>();
  const candidates: { id: string; ratingCount: number; tieBreak: number }[] = [];
  for (const idea of ideas) {
    if (seen.has(idea.id) || idea.authorParticipantId === participantId || alreadyRatedIds.has(idea.id)) continue;
    seen.add(idea.id);
    candidates.push({ id: idea.id, ratingCount: validCount(idea.ratingCount), tieBreak: hash53(`${seed}\u0000${participantId}\u0000${idea.id}`) });
  }
  candidates.sort((a, b) => a.ratingCount - b.ratingCount || a.tieBreak - b.tieBreak || compareIds(a.id, b.id));
  return candidates.slice(0, wanted).map((candidate) => candidate.id);
}

function validCount(ratingCount: number): number {
  return Number.isFinite(ratingCount) && ratingCount > 0 ? ratingCount : 0;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** cyrb53: a fast, well-spread string hash (53 bits), the same in browsers and Node. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * How many ideas a participant is asked to rate: the activity's number, or
 * fewer when fewer ideas are open to them (not their own, not hidden or
 * merged), so the progress note never promises ideas that are not there.
 */
export function ratingGoal(ratingsPerParticipant: number, ratableCount: number): number {
  return Math.max(0, Math.min(ratingsPerParticipant, ratableCount));
}
