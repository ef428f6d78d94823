/** Figures for the benchmark report: pure, so they are unit tested. */

export type Summary = { count: number; p50: number | null; p95: number | null; p99: number | null; max: number | null };

/** Nearest-rank percentile of values already sorted in ascending order. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? null) : null,
  };
}

export type Timed = { sentAt: number; ackedAt: number };
export type CountUpdate = { at: number; count: number };

/**
 * How long each acknowledged submission took to show on the facilitator's
 * screen. The facilitator receives counts, not ids: the k-th submission to be
 * acknowledged is on screen in the first update, received after it was sent,
 * whose count reaches `baseCount + k`. Returns the latencies of the
 * submissions some update covered, and how many no update covered.
 */
export function updateLatencies(submissions: readonly Timed[], updates: readonly CountUpdate[], baseCount = 0): { latencies: number[]; uncovered: number } {
  const acked = [...submissions].sort((a, b) => a.ackedAt - b.ackedAt);
  const inOrder = [...updates].sort((a, b) => a.at - b.at);
  const latencies: number[] = [];
  let uncovered = 0;
  acked.forEach((submission, index) => {
    const needed = baseCount + index + 1;
    const update = inOrder.find((candidate) => candidate.count >= needed && candidate.at >= submission.sentAt);
    if (update) latencies.push(update.at - submission.sentAt);
    else uncovered += 1;
  });
  return { latencies, uncovered };
}

export function formatMs(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)} ms`;
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
