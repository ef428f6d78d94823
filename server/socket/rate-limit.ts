/**
 * A sliding-window limit kept in this process's memory: at most `limit` hits
 * per key in any `windowMs`. It is per node: behind a load balancer each node
 * counts only the events its own sockets sent, which is enough because a
 * participant's socket lives on one node at a time (the limit exists to stop a
 * runaway phone or script, not to meter fairly across a cluster).
 */
export type SlidingWindowLimiter = {
  /** Counts a hit and says whether it is allowed; a refused hit is not counted. */
  hit(key: string): boolean;
  /** Keys currently tracked (for tests and monitoring). */
  readonly size: number;
};

export type SlidingWindowOptions = { limit: number; windowMs: number; now?: () => number };

// Every this many hits, keys whose newest hit has left the window are forgotten.
const SWEEP_EVERY = 1024;

export function createSlidingWindowLimiter({ limit, windowMs, now = Date.now }: SlidingWindowOptions): SlidingWindowLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive whole number");
  if (!(windowMs > 0)) throw new RangeError("windowMs must be positive");
  const hits = new Map<string, number[]>();
  let sinceSweep = 0;

  function sweep(at: number) {
    for (const [key, times] of hits) {
      if ((times[times.length - 1] ?? 0) <= at - windowMs) hits.delete(key);
    }
  }

  return {
    hit(key) {
      const at = now();
      sinceSweep += 1;
      if (sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        sweep(at);
      }
      const times = hits.get(key) ?? [];
      // Timestamps are in order, so the expired ones are at the front.
      let expired = 0;
      while (expired < times.length && (times[expired] as number) <= at - windowMs) expired += 1;
      if (expired > 0) times.splice(0, expired);
      if (times.length >= limit) {
        hits.set(key, times);
        return false;
      }
      times.push(at);
      hits.set(key, times);
      return true;
    },
    get size() {
      return hits.size;
    },
  };
}
