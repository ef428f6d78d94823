/** How many of the district's criteria a champion meets. Checks of criteria that no longer exist do not count. */
export function criteriaScore(
  criteriaIds: readonly string[],
  metIds: Iterable<string>,
): { met: number; total: number; share: number | null } {
  const current = new Set(criteriaIds);
  const met = new Set([...metIds].filter((id) => current.has(id))).size;
  const total = current.size;
  return { met, total, share: total === 0 ? null : met / total };
}
