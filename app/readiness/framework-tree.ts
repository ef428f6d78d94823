/** Pure helpers on a framework version's tree of dimensions and indicators. */

export type TreeIndicator = { id: string; key: string; position: number; retiredAt: Date | string | null };
export type TreeDimension<I extends TreeIndicator = TreeIndicator> = { id: string; key: string; position: number; indicators: readonly I[] };

function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** The indicators rated in a cycle: not retired, in framework order (dimension, then indicator). */
export function activeIndicators<I extends TreeIndicator>(dimensions: readonly TreeDimension<I>[]): (I & { dimensionKey: string; order: number })[] {
  let order = 0;
  return byPosition(dimensions).flatMap((dimension) =>
    byPosition(dimension.indicators)
      .filter((indicator) => !indicator.retiredAt)
      .map((indicator) => ({ ...indicator, dimensionKey: dimension.key, order: order++ })),
  );
}

/** "2.3" for the third active indicator of the second dimension: short column names for the heatmap and exports. */
export function indicatorCodes(dimensions: readonly TreeDimension[]): Map<string, string> {
  const codes = new Map<string, string>();
  byPosition(dimensions).forEach((dimension, d) => {
    byPosition(dimension.indicators)
      .filter((indicator) => !indicator.retiredAt)
      .forEach((indicator, i) => codes.set(indicator.id, `${d + 1}.${i + 1}`));
  });
  return codes;
}

/**
 * The new order of a list after moving one item up or down one place;
 * null when it is already first or last (or not in the list).
 */
export function moveInList(ids: readonly string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
