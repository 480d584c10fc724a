// One key per respondent over all grouping variables at once, so that each table variable is counted in
// a single pass and its tables by every grouping are marginals of that one joint table (issue 4).
import type { CodedVariable } from './wave-data.js';

export interface JointKey {
  /** Joint cell of each respondent, dense in order of first appearance: 0 … size − 1. */
  readonly key: Int32Array;
  readonly size: number;
  /** Per grouping, per joint cell: the grouping's code, or `values.length` where it is missing. */
  readonly levels: readonly Uint8Array[];
}

/** Mixed radix over the groupings (each with a missing level), renumbered densely grouping by grouping. */
export function jointKey(groupings: readonly CodedVariable[], n: number): JointKey {
  const key = new Int32Array(n);
  let size = n > 0 ? 1 : 0;
  let levels: Uint8Array[] = [];
  for (const grouping of groupings) {
    const missingLevel = grouping.values.length;
    const radix = missingLevel + 1;
    const codes = grouping.codes;
    const lookup = new Int32Array(size * radix).fill(-1);
    const parents: number[] = [];
    const own: number[] = [];
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      const level = code < missingLevel ? code : missingLevel;
      const raw = key[i]! * radix + level;
      let cell = lookup[raw]!;
      if (cell < 0) {
        cell = lookup[raw] = parents.length;
        parents.push(key[i]!);
        own.push(level);
      }
      key[i] = cell;
    }
    levels = levels.map((previous) => Uint8Array.from(parents, (parent) => previous[parent]!));
    levels.push(Uint8Array.from(own));
    size = parents.length;
  }
  return { key, size, levels };
}
