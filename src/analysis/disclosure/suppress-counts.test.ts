import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppressedCounts } from './suppress-counts.js';

test('counts 1 … k − 1 are suppressed; zeros and counts ≥ k are shown', () => {
  assert.deepEqual(suppressedCounts([0, 3, 4, 5, 12], 5), [false, true, true, false, false]);
});

test('a single suppressed count gets the smallest other one as complement, a zero preferred', () => {
  assert.deepEqual(suppressedCounts([40, 1, 9, 0, 7], 5), [false, true, false, true, false]);
  assert.deepEqual(suppressedCounts([40, 1, 9, 7], 5), [false, true, false, true]);
});

test('nothing suppressed, or already two: unchanged; a lone cell cannot be complemented', () => {
  assert.deepEqual(suppressedCounts([10, 20], 5), [false, false]);
  assert.deepEqual(suppressedCounts([2, 3, 30], 5), [true, true, false]);
  assert.deepEqual(suppressedCounts([3], 5), [true]);
});
