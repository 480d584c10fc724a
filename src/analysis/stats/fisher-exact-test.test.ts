import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fisherExactTest } from './fisher-exact-test.js';

// [a, b, c, d, p] from R 4.2.2: fisher.test(matrix(c(a, b, c, d), 2, byrow = TRUE))$p.value
const R_CASES = [
  [3, 1, 1, 3, 0.48571428571428582],
  [0, 5, 5, 0, 0.0079365079365079395],
  [1, 9, 11, 3, 0.0027594561852200836],
  [2, 7, 8, 2, 0.023014137565221159],
  [3, 1000, 10, 2000, 0.56298526531079973],
  [25, 5, 35, 0, 0.017252776308831316],
  [0, 0, 3, 4, 1],
  [1, 2, 3, 4, 1],
  [10, 10, 10, 10, 0.99999999999999989],
  [0, 7, 2, 100, 1],
  [4, 1, 0, 5, 0.047619047619047623],
] as const;

for (const [a, b, c, d, p] of R_CASES) {
  test(`Fisher [[${a}, ${b}], [${c}, ${d}]] matches R's fisher.test`, () => {
    const got = fisherExactTest(a, b, c, d);
    assert.ok(Math.abs(got - p) < 1e-12, `${got} vs ${p}`);
  });
}

test('transposing the table keeps p (the test is symmetric in rows and columns)', () => {
  assert.ok(Math.abs(fisherExactTest(1, 9, 11, 3) - fisherExactTest(1, 11, 9, 3)) < 1e-15);
});
