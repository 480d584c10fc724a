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
  // One array, filled in place: while each grouping replaced it by a map() copy, the weighted counting's
  // optimised code deoptimised on `levels[m]` ("wrong map") in 26 of 30 runs.
  const levels: Uint8Array[] = [];
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
    for (let g = 0; g < levels.length; g++) levels[g] = regrouped(levels[g]!, parents);
    levels.push(Uint8Array.from(own));
    size = parents.length;
  }
  return { key, size, levels };
}

function regrouped(previous: Uint8Array, parents: readonly number[]): Uint8Array {
  const out = new Uint8Array(parents.length);
  for (let cell = 0; cell < parents.length; cell++) out[cell] = previous[parents[cell]!]!;
  return out;
}
