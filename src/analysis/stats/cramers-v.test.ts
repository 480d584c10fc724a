import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cramersV } from './cramers-v.js';

// V = sqrt(X² / (N (min(r, c) − 1))) with X² from R's chisq.test(correct = FALSE).
test("Cramér's V of a 3 × 3 and a 2 × 4 table as computed in R", () => {
  assert.ok(Math.abs(cramersV(1.9518835466756506, 149, 3, 3) - 0.080931729176523734) < 1e-12);
  assert.ok(Math.abs(cramersV(46.69648045367245, 412, 2, 4) - 0.33666150949422941) < 1e-12);
});

test('perfect association is 1, never more', () => {
  assert.equal(cramersV(200, 200, 2, 2), 1);
  assert.ok(cramersV(200.00000000000003, 200, 2, 2) <= 1);
});
