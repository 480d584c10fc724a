import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Z_95, wilsonInterval } from './wilson-interval.js';

// [x, n, lower, upper] from R 4.2.2: prop.test(x, n, correct = FALSE)$conf.int
const R_CASES = [
  [58, 412, 0.11050341874485115, 0.17768684290091788],
  [0, 10, 0, 0.27753279986288915],
  [10, 10, 0.72246720013711085, 1],
  [1, 3, 0.061491944720396291, 0.79234039919795229],
  [41, 214, 0.14448398812127911, 0.24957074914225733],
  [1, 1000000, 1.7652457674537213e-7, 5.6649118043114411e-6],
  [999999, 1000000, 0.99999433508819568, 0.99999982347542327],
  [5, 7, 0.35893445183261941, 0.91778107599594327],
] as const;

test('z is Φ⁻¹(0.975) as R qnorm(0.975)', () => {
  assert.ok(Math.abs(Z_95 - 1.9599639845400536) < 1e-15);
});

for (const [x, n, lower, upper] of R_CASES) {
  test(`Wilson interval ${x}/${n} matches R's prop.test`, () => {
    const [low, high] = wilsonInterval(x, n);
    assert.ok(Math.abs(low - lower) < 1e-12, `lower ${low} vs ${lower}`);
    assert.ok(Math.abs(high - upper) < 1e-12, `upper ${high} vs ${upper}`);
  });
}

test('0 of n starts at exactly 0, n of n ends at exactly 1', () => {
  assert.equal(wilsonInterval(0, 3)[0], 0);
  assert.equal(wilsonInterval(3, 3)[1], 1);
});
