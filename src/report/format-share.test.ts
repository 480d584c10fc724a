import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capitalise, describeShare, formatDecimal, formatPercent } from './format-share.js';

test('formatPercent: whole percent, German spacing', () => {
  assert.equal(formatPercent(58 / 412), '14\u00a0%');
  assert.equal(formatPercent(0.045), '5\u00a0%');
  assert.equal(formatPercent(1), '100\u00a0%');
});

test('describeShare: fractions, rund, knapp, gut (seed wording)', () => {
  assert.equal(describeShare(0.25), 'ein Viertel'); // seed: "Ein Viertel der Kommunen"
  assert.equal(describeShare(0.237), 'rund ein Viertel');
  assert.equal(describeShare(0.29), 'knapp 30\u00a0%'); // seed: "knapp 30 %"
  assert.equal(describeShare(0.48), 'rund die Hälfte');
  assert.equal(describeShare(0.333), 'ein Drittel');
  assert.equal(describeShare(0.75), 'drei Viertel');
  assert.equal(describeShare(0.415), 'gut 40\u00a0%');
  assert.equal(describeShare(0.14), '14\u00a0%');
});

test('formatDecimal and capitalise', () => {
  assert.equal(formatDecimal(1.25, 2), '1,25');
  assert.equal(capitalise('ein Viertel'), 'Ein Viertel');
});
