import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { otherWholeSolutions, type WholeSum } from './other-whole-solution.js';

/** Whether any other whole solution exists (the one-solution question of the checks below). */
const hasOtherWholeSolution = (truth: readonly number[], sums: readonly WholeSum[]): boolean => otherWholeSolutions(truth, sums, 1) > 0;

const sums = (...rows: number[][]): WholeSum[] => rows.map((coefficients) => ({ coefficients }));

test('community_count 3, 5, 8 hidden, 2 each (demo 2019, k = 3, Landkreise lk2): count and Σ value · n pin them', () => {
  assert.equal(hasOtherWholeSolution([2, 2, 2], sums([1, 1, 1], [3, 5, 8])), false);
  // One more of each: (0, 6, 0)+… moves are possible again.
  assert.equal(hasOtherWholeSolution([3, 3, 3], sums([1, 1, 1], [3, 5, 8])), true);
});

test('how many others: (3, 3, 3) has one, (0, 8, 1); counting stops at the number wanted', () => {
  assert.equal(otherWholeSolutions([3, 3, 3], sums([1, 1, 1], [3, 5, 8]), 3), 1);
  assert.equal(otherWholeSolutions([2, 2, 2], sums([1, 1, 1], [3, 5, 8]), 3), 0);
  // n1 + n2 + n3 = 9 alone: 55 whole solutions.
  assert.equal(otherWholeSolutions([3, 3, 3], sums([1, 1, 1]), 3), 3);
  assert.equal(otherWholeSolutions([3, 3, 3], sums([1, 1, 1]), 60), 54);
});

test('egov_count 1, 2, 3, 7 hidden, 3 each (k = 5, lk1): only with the band sums 1–2 and 3+ beside them pinned', () => {
  const column = sums([1, 1, 1, 1], [1, 2, 3, 7]);
  assert.equal(hasOtherWholeSolution([3, 3, 3, 3], column), true);
  assert.equal(hasOtherWholeSolution([3, 3, 3, 3], [...column, ...sums([1, 1, 0, 0], [0, 0, 1, 1])]), false);
});

test('large columns: a move along the null space answers at once; a lone small cell beside a large one stays pinned', () => {
  assert.equal(hasOtherWholeSolution([400, 300, 302], sums([1, 1, 1], [3, 5, 8])), true);
  assert.equal(hasOtherWholeSolution([400, 300, 302, 7], sums([1, 1, 1, 1], [3, 5, 8, 9], [1, 1, 0, 0])), true);
  // (2, 0, 1000): every move (±(3, −5, 2)) makes a count negative.
  assert.equal(hasOtherWholeSolution([2, 0, 1000], sums([1, 1, 1], [3, 5, 8])), false);
});

test('zeros and weight 0 take part: the count 0 row moves against the others', () => {
  assert.equal(hasOtherWholeSolution([1, 0, 1], sums([1, 1, 1], [0, 1, 2])), true);
  assert.equal(hasOtherWholeSolution([0, 0, 0], sums([1, 1, 1], [0, 1, 2])), false);
});

test('property: agrees with enumerating every whole solution, whether there is another and how many (up to 3)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }).chain((size) =>
      fc.record({
        truth: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: size, maxLength: size }),
        weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: size, maxLength: size }),
        nest: fc.array(fc.constantFrom(0, 1), { minLength: size, maxLength: size }),
      }),
    ), ({ truth, weights, nest }) => {
      const rows = sums(truth.map(() => 1), weights, nest);
      const total = truth.reduce((a, b) => a + b, 0);
      const value = (n: readonly number[], row: readonly number[]) => n.reduce((sum, x, i) => sum + x * row[i]!, 0);
      let others = 0;
      const visit = (prefix: number[]): void => {
        if (prefix.length === truth.length) {
          if (rows.every(({ coefficients }) => value(prefix, coefficients) === value(truth, coefficients)) && prefix.some((x, i) => x !== truth[i])) others++;
          return;
        }
        for (let n = 0; n <= total; n++) visit([...prefix, n]);
      };
      visit([]);
      assert.equal(hasOtherWholeSolution(truth, rows), others > 0);
      assert.equal(otherWholeSolutions(truth, rows, 3), Math.min(others, 3));
    }),
    { numRuns: 300, seed: 11 },
  );
});
