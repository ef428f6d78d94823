export type Coalescer<K> = {
  /** Marks that the aggregate for `key` (an activity id) changed. */
  touch(key: K): void;
  /** Flushes every key with changes not yet flushed, at once (an activity closing, the server stopping). */
  flushAll(): void;
  /** Cancels every timer; later touches are ignored. */
  dispose(): void;
};

type TimerFunctions<H> = {
  setTimer: (callback: () => void, ms: number) => H;
  clearTimer: (handle: H) => void;
};

export type CoalescerOptions<K, H> = {
  intervalMs: number;
  flush: (key: K) => void;
  /** Called when `flush` throws, so one failing activity neither stops the others nor crashes the server. */
  onError?: (error: unknown, key: K) => void;
} & (TimerFunctions<H> | { setTimer?: undefined; clearTimer?: undefined });

type Cancel = () => void;

/**
 * Sends live results at most once per `intervalMs` per key instead of once per
 * vote: the first change after a quiet interval is flushed at once, and the
 * changes that follow within the interval are merged into one flush at its
 * end, so the last change is always sent. Each key is forgotten once it has
 * been quiet for an interval.
 */
export function createCoalescer<K = string, H = ReturnType<typeof setTimeout>>(options: CoalescerOptions<K, H>): Coalescer<K> {
  const { intervalMs, flush, onError = reportFlushError } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
  const schedule = options.setTimer
    ? scheduler({ setTimer: options.setTimer, clearTimer: options.clearTimer })
    : scheduler({ setTimer: (callback, ms) => setTimeout(callback, ms), clearTimer: (handle) => clearTimeout(handle) });

  // A key is here while it cools down after a flush; `pending` says it changed since.
  const cooling = new Map<K, { pending: boolean; cancel: Cancel }>();
  let disposed = false;

  function flushNow(key: K) {
    // The cool-down starts first, so a touch made by `flush` itself waits for the next interval.
    cooling.set(key, { pending: false, cancel: schedule(() => endCoolDown(key), intervalMs) });
    try {
      flush(key);
    } catch (error) {
      onError(error, key);
    }
  }

  function endCoolDown(key: K) {
    const entry = cooling.get(key);
    cooling.delete(key);
    if (entry?.pending) flushNow(key);
  }

  return {
    touch(key) {
      if (disposed) return;
      const entry = cooling.get(key);
      if (entry) entry.pending = true;
      else flushNow(key);
    },
    flushAll() {
      const pendingKeys = [...cooling].filter(([, entry]) => entry.pending);
      for (const [key, entry] of pendingKeys) {
        entry.cancel();
        flushNow(key);
      }
    },
    dispose() {
      disposed = true;
      for (const entry of cooling.values()) entry.cancel();
      cooling.clear();
    },
  };
}

function scheduler<H>({ setTimer, clearTimer }: TimerFunctions<H>): (callback: () => void, ms: number) => Cancel {
  return (callback, ms) => {
    const handle = setTimer(callback, ms);
    return () => clearTimer(handle);
  };
}

function reportFlushError(error: unknown, key: unknown) {
  console.error(`Flushing live results for ${String(key)} failed`, error);
}
