import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquareTest } from './chi-square-test.js';

const close = (actual: number, expected: number, relative = 1e-10) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-300), `${actual} vs ${expected}`);

// From R 4.2.2: chisq.test(matrix(counts, rows, byrow = TRUE), correct = FALSE)
const R_CASES = [
  { counts: [10, 20, 30, 12, 18, 40, 5, 5, 9], rows: 3, statistic: 1.9518835466756506, df: 4, p: 0.74460854519993847, minExpected: 3.4429530201342282 },
  { counts: [41, 115, 43, 15, 17, 70, 53, 58], rows: 2, statistic: 46.69648045367245, df: 3, p: 4.0326335007576281e-10, minExpected: 27.873786407766989 },
  { counts: [200, 10, 10, 200], rows: 2, statistic: 343.8095238095238, df: 1, p: 9.4457723512622127e-77, minExpected: 105 },
  { counts: [12, 5, 7, 9], rows: 2, statistic: 2.4305755196815575, df: 1, p: 0.1189892055321448, minExpected: 6.7878787878787881 },
] as const;

for (const c of R_CASES) {
  test(`Pearson X² of ${c.counts.join(',')} matches R's chisq.test`, () => {
    const result = chiSquareTest(c.counts, c.rows, c.counts.length / c.rows);
    close(result.statistic, c.statistic);
    assert.equal(result.df, c.df);
    close(result.p, c.p, 1e-9);
    close(result.minExpected, c.minExpected);
  });
}

test('all-zero rows and columns are ignored, as if dropped', () => {
  const padded = chiSquareTest([12, 0, 5, 0, 0, 0, 7, 0, 9], 3, 3);
  const plain = chiSquareTest([12, 5, 7, 9], 2, 2);
  assert.deepEqual({ ...padded }, { ...plain });
  assert.equal(padded.rows, 2);
  assert.equal(padded.cols, 2);
});

test('the far upper tail is exact, not 1 − CDF: R pchisq(200, 1, lower.tail = FALSE)', () => {
  const table = [100, 0, 0, 100];
  const result = chiSquareTest(table, 2, 2);
  close(result.statistic, 200);
  close(result.p, 2.0884875837625449e-45, 1e-9);
});
