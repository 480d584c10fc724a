// Multiple-choice answers with exact option counts and at most `max` choices per respondent.
import { rankByScore } from './allocate-by-score.js';

export interface OptionQuota {
  readonly option: string;
  readonly count: number;
  readonly score: (id: number) => number;
  /** Respondents without any choice yet come first, so that everybody ends up with at least one. */
  readonly coverFirst?: boolean;
}

/**
 * Walks the quotas in order; each option goes to the `count` best-scoring respondents that still have
 * room. Throws when an option cannot be placed, so an infeasible plan fails loudly, never silently.
 */
export function allocateMulti(
  ids: readonly number[],
  quotas: readonly OptionQuota[],
  max = Number.POSITIVE_INFINITY,
): Map<number, Set<string>> {
  const chosen = new Map(ids.map((id) => [id, new Set<string>()]));
  const size = (id: number) => chosen.get(id)?.size ?? 0;
  for (const quota of quotas) {
    const open = ids.filter((id) => size(id) < max);
    const priority = (id: number) => (quota.coverFirst && size(id) === 0 ? 10 : 0) + quota.score(id);
    const ranked = rankByScore(open, priority);
    if (ranked.length < quota.count) throw new Error(`allocateMulti: ${quota.option} needs ${quota.count}, ${ranked.length} open`);
    for (const id of ranked.slice(0, quota.count)) chosen.get(id)?.add(quota.option);
  }
  return chosen;
}
