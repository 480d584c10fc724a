// Variables handed out one at a time to whichever thread asks first: a shared counter, so a thread that
// starts late or runs slow simply takes fewer (cost per variable varies tenfold with its values).
import type { CodedVariable } from '../analysis/wave-data.js';

/**
 * @param counter `counter[0]`: the next unclaimed position in `order`, shared by every thread of one job
 * @param claimed receives the index of each variable handed out, in order
 * @param order the indices of `variables` in the order they are handed out (claimOrder)
 */
export function* claimVariables(variables: readonly CodedVariable[], counter: Int32Array, claimed: number[], order: readonly number[]): Generator<CodedVariable> {
  for (;;) {
    const position = Atomics.add(counter, 0, 1);
    if (position >= order.length) return;
    const index = order[position]!;
    claimed.push(index);
    yield variables[index]!;
  }
}

/**
 * Variables with the most values first, so that the last ones claimed are small and the threads finish
 * together (longest processing time first; a table's cost grows with its values).
 */
export function claimOrder(variables: readonly CodedVariable[]): number[] {
  return variables.map((_, i) => i).sort((a, b) => variables[b]!.values.length - variables[a]!.values.length || a - b);
}
