import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fUpperTail } from './f-upper-tail.js';
import { xlogitInterval } from './xlogit-interval.js';

const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected), `${actual} vs ${expected}`);

test('xlogit interval as R: expit(logit(p) ± qt(0.975, df) · se / (p(1 − p)))', () => {
  const [lower, upper] = xlogitInterval(0.3, 0.05, 10);
  near(lower, 0.20136141827856283);
  near(upper, 0.42145858697261557);
});

test('p = 0 or 1 gives a degenerate interval, also with df = 0', () => {
  assert.deepEqual(xlogitInterval(0, 0, 0), [0, 0]);
  assert.deepEqual(xlogitInterval(1, 0, 0), [1, 1]);
  const [lower, upper] = xlogitInterval(0.4, 0, 5);
  assert.ok(Math.abs(lower - 0.4) < 1e-15 && lower === upper);
});

test('F upper tail as R pf(lower.tail = FALSE), far tail included', () => {
  near(fUpperTail(0.5, 2.7, 150.3), 6.6329749740118837e-1);
  near(fUpperTail(3.2, 2.7, 150.3), 2.9576300488864914e-2);
  near(fUpperTail(40, 2.7, 150.3), 8.0444145515058702e-18);
  near(fUpperTail(60, 1.3, 500), 3.8049476066336978e-17);
  assert.equal(fUpperTail(0, 2, 10), 1);
});
