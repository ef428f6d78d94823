/**
 * The rating form's autosave queue, free of React so it can be tested: each
 * indicator is sent on its own, one request at a time per indicator, and a
 * change made while one is in flight is sent (with the newest values) right
 * after it — an older save never lands after a newer one. Typing is sent
 * after a pause. A failed send keeps its state so it can be retried.
 */

export type SaveState = "dirty" | "saving" | "saved" | "error" | "offline";

export type AutosaveAnswer = { ok: true; rated: number; total: number } | { ok: false; errors?: Record<string, string> };

export type AutosaverOptions = {
  /** Sends one indicator's current values; rejects when the network fails. */
  send: (indicatorId: string) => Promise<AutosaveAnswer>;
  onState: (indicatorId: string, state: SaveState, error?: string) => void;
  onProgress: (progress: { rated: number; total: number }) => void;
  debounceMs?: number;
  timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
};

export type Autosaver = {
  /** A definite change (a level chosen, a field left): send now. */
  save(indicatorId: string): Promise<void>;
  /** Typing: send after a pause. */
  typed(indicatorId: string): void;
  /** Sends again every indicator whose last send failed for want of a connection. */
  retryOffline(): void;
  dispose(): void;
};

export function createAutosaver({ send, onState, onProgress, debounceMs = 1500, timers }: AutosaverOptions): Autosaver {
  const clock = timers ?? { set: (run: () => void, ms: number) => setTimeout(run, ms), clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  const waiting = new Map<string, unknown>();
  const inFlight = new Set<string>();
  const again = new Set<string>();
  const offline = new Set<string>();
  let disposed = false;

  const cancelTimer = (indicatorId: string) => {
    if (waiting.has(indicatorId)) clock.clear(waiting.get(indicatorId));
    waiting.delete(indicatorId);
  };

  async function save(indicatorId: string): Promise<void> {
    cancelTimer(indicatorId);
    if (disposed) return;
    if (inFlight.has(indicatorId)) {
      again.add(indicatorId);
      return;
    }
    inFlight.add(indicatorId);
    offline.delete(indicatorId);
    onState(indicatorId, "saving");
    try {
      const answer = await send(indicatorId);
      if (disposed) return;
      if (answer.ok) {
        onProgress({ rated: answer.rated, total: answer.total });
        onState(indicatorId, "saved");
      } else {
        onState(indicatorId, "error", answer.errors?.[indicatorId] ?? answer.errors?.form ?? "invalid");
      }
    } catch {
      if (disposed) return;
      offline.add(indicatorId);
      onState(indicatorId, "offline");
    } finally {
      inFlight.delete(indicatorId);
      if (again.delete(indicatorId)) await save(indicatorId);
    }
  }

  return {
    save,
    typed(indicatorId) {
      if (disposed) return;
      cancelTimer(indicatorId);
      onState(indicatorId, "dirty");
      waiting.set(
        indicatorId,
        clock.set(() => {
          waiting.delete(indicatorId);
          void save(indicatorId);
        }, debounceMs),
      );
    },
    retryOffline() {
      for (const indicatorId of [...offline]) void save(indicatorId);
    },
    dispose() {
      disposed = true;
      for (const handle of waiting.values()) clock.clear(handle);
      waiting.clear();
    },
  };
}
