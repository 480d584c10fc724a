// Two people saved the same page: a three-way merge of base (what both started from), current (what the
// other person saved) and mine (what this person posted), so nothing is overwritten silently.
import type { FlatResponse } from './model.js';

export interface ConcurrentMerge {
  /** current, with this person's changes where the other person left the variable alone. */
  readonly proposal: FlatResponse;
  /** Changed differently by both (or base unknown and different): this person must choose. */
  readonly conflicts: readonly string[];
  /** Changed only by the other person: taken over into the proposal. */
  readonly takenOver: readonly string[];
}

/** Merges the variables `names` (one page); all other variables come from `current`. `base` null = unknown. */
export function mergeConcurrent(
  base: FlatResponse | null,
  current: FlatResponse,
  mine: FlatResponse,
  names: readonly string[],
): ConcurrentMerge {
  const proposal: Record<string, string | undefined> = { ...current };
  const conflicts: string[] = [];
  const takenOver: string[] = [];
  for (const name of names) {
    const [b, c, m] = [base?.[name] ?? '', current[name] ?? '', mine[name] ?? ''];
    if (m === c) continue;
    if (base !== null && c === b) proposal[name] = m || undefined;
    else if (base !== null && m === b) takenOver.push(name);
    else {
      proposal[name] = m || undefined;
      conflicts.push(name);
    }
  }
  return { proposal, conflicts, takenOver };
}
