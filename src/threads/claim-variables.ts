// Variables handed out one at a time to whichever thread asks first: a shared counter, so a thread that
// starts late or runs slow simply takes fewer (cost per variable varies tenfold with its values).
import type { CodedVariable } from '../analysis/wave-data.js';

/**
 * @param counter `counter[0]`: the next unclaimed index, shared by every thread of one job
 * @param claimed receives the index of each variable handed out, in order
 */
export function* claimVariables(variables: readonly CodedVariable[], counter: Int32Array, claimed: number[]): Generator<CodedVariable> {
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= variables.length) return;
    claimed.push(index);
    yield variables[index]!;
  }
}
