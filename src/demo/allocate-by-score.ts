// Exact quotas by construction: the published figures are counts, so the demo assigns them, never hopes.

/**
 * Sorts `ids` by descending score (ties by id) and hands out the values in order: the first `count`
 * ids get the first value, the next ones the second, and so on. The counts must add up to `ids.length`.
 */
export function allocateByScore<V>(
  ids: readonly number[],
  quotas: readonly (readonly [V, number])[],
  score: (id: number) => number,
): Map<number, V> {
  const total = quotas.reduce((sum, [, count]) => sum + count, 0);
  if (total !== ids.length) throw new Error(`allocateByScore: quotas add up to ${total}, not ${ids.length}`);
  const ranked = rankByScore(ids, score);
  const result = new Map<number, V>();
  let next = 0;
  for (const [value, count] of quotas) {
    for (const id of ranked.slice(next, next + count)) result.set(id, value);
    next += count;
  }
  return result;
}

/** The `count` ids with the highest scores. */
export function topByScore(ids: readonly number[], count: number, score: (id: number) => number): Set<number> {
  if (count > ids.length) throw new Error(`topByScore: ${count} of ${ids.length}`);
  return new Set(rankByScore(ids, score).slice(0, count));
}

export function rankByScore(ids: readonly number[], score: (id: number) => number): number[] {
  const scored = ids.map((id) => ({ id, score: score(id) }));
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  return scored.map((entry) => entry.id);
}
