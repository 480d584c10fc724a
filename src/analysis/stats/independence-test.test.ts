import assert from 'node:assert/strict';
import { test } from 'node:test';
import { independenceTest } from './independence-test.js';

test('Pearson X² for tables beyond 2 × 2, even with small expected counts (statistics.md)', () => {
  const result = independenceTest([10, 20, 30, 12, 18, 40, 5, 5, 9], 3, 3);
  assert.equal(result?.method, 'chi2');
  assert.ok(result?.method === 'chi2' && Math.abs(result.p - 0.74460854519993847) < 1e-10);
});

test("Fisher for a 2 × 2 table with an expected count below 5, with Cramér's V from X²", () => {
  const result = independenceTest([25, 5, 35, 0], 2, 2);
  assert.equal(result?.method, 'fisher');
  assert.ok(Math.abs((result?.p ?? 0) - 0.017252776308831316) < 1e-12);
  assert.ok(!('statistic' in (result ?? {})));
  assert.ok(Math.abs((result?.cramers_v ?? 0) - 0.311804782231162) < 1e-12); // R, fixture q_flag × g2
});

test('X² for a 2 × 2 table whose expected counts are all ≥ 5', () => {
  assert.equal(independenceTest([12, 5, 7, 9], 2, 2)?.method, 'chi2');
});

test('a 2 × 2 table that needs Fisher only after dropping an all-zero column', () => {
  const result = independenceTest([25, 0, 5, 35, 0, 0], 2, 3);
  assert.equal(result?.method, 'fisher');
  assert.ok(Math.abs((result?.p ?? 0) - 0.017252776308831316) < 1e-12);
});

test('null when fewer than 2 rows or columns are left', () => {
  assert.equal(independenceTest([5, 0, 7, 0], 2, 2), null);
  assert.equal(independenceTest([0, 0, 0, 0], 2, 2), null);
  assert.equal(independenceTest([3, 4, 5], 1, 3), null);
  assert.equal(independenceTest([], 0, 0), null);
});
