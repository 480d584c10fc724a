import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegisterUnit } from '../../register/unit.js';
import { MISSING } from '../wave-data.js';
import { rakeWeights } from './rake-weights.js';
import { targetMargins } from './target-margins.js';

const SIZE = ['gk6', 'gk7'];
const STATE = ['Bayern', 'Bremen', 'Hessen'];

/** 2 × 3 population; Bremen has units but no respondent. */
const target = { sizeClasses: SIZE, states: STATE, units: Float64Array.from([30, 1, 20, 40, 1, 60]), unitTypes: [] };

function respondents(pairs: readonly (readonly [number, number])[]) {
  return {
    sizeClass: { values: SIZE, codes: Uint8Array.from(pairs, ([k]) => k) },
    state: { values: STATE, codes: Uint8Array.from(pairs, ([, t]) => t) },
  };
}

const sample = respondents([[0, 0], [0, 0], [0, 2], [1, 0], [1, 2], [1, 2], [1, 2], [0, 2]]);

function marginOf(weights: Float64Array, codes: Uint8Array, code: number): number {
  return weights.reduce((sum, weight, i) => sum + (codes[i] === code ? weight : 0), 0);
}

test('raked weights reproduce both margins of the remaining population', () => {
  const result = rakeWeights({ ...sample, target });
  assert.ok(result.converged);
  assert.ok(result.iterations >= 2);
  // Bremen leaves: gk6 = 30 + 20, gk7 = 40 + 60, Bayern = 70, Hessen = 80.
  for (const [code, total] of [[0, 50], [1, 100]] as const) assert.ok(Math.abs(marginOf(result.weights, sample.sizeClass.codes, code) - total) < 1e-9);
  for (const [code, total] of [[0, 70], [2, 80]] as const) assert.ok(Math.abs(marginOf(result.weights, sample.state.codes, code) - total) < 1e-9);
  assert.deepEqual(result.excluded, [{ variable: 'state', value: 'Bremen', units: 2 }]);
  const sum = result.weights.reduce((a, b) => a + b, 0);
  const squares = result.weights.reduce((a, b) => a + b * b, 0);
  assert.ok(Math.abs(result.designEffect - (8 * squares) / sum ** 2) < 1e-12);
  assert.deepEqual(result.design.states, ['Bayern', 'Hessen']);
});

test('a size class without respondents leaves with its units, counted once', () => {
  const result = rakeWeights({ ...respondents([[1, 0], [1, 2], [1, 2]]), target });
  assert.deepEqual(result.excluded, [
    { variable: 'size_class', value: 'gk6', units: 51 },
    { variable: 'state', value: 'Bremen', units: 1 },
  ]);
  assert.ok(Math.abs(result.weights.reduce((a, b) => a + b, 0) - 100) < 1e-9);
});

test('a respondent outside the target population is an error, not a NaN', () => {
  const codes = { values: STATE, codes: Uint8Array.from([0, MISSING]) };
  assert.throws(() => rakeWeights({ sizeClass: { values: SIZE, codes: Uint8Array.from([0, 1]) }, state: codes, target }), /Land „fehlt“/);
});

test('trim-and-rerake: within the bounds where they can be met, else flagged; margins always met', () => {
  const sizeClasses = ['gk5', 'gk6', 'gk7'];
  const states = ['Bayern', 'Hessen', 'Sachsen'];
  const pairs = [6, 1, 2, 2, 3, 2, 1, 2, 6].flatMap((count, h) => Array.from({ length: count }, () => [Math.floor(h / 3), h % 3] as const));
  const input = {
    sizeClass: { values: sizeClasses, codes: Uint8Array.from(pairs, ([k]) => k) },
    state: { values: states, codes: Uint8Array.from(pairs, ([, t]) => t) },
    target: { sizeClasses, states, units: Float64Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90]), unitTypes: [] },
  };
  const mean = 450 / pairs.length;
  const margins = (weights: Float64Array) =>
    [0, 1, 2].flatMap((code) => [marginOf(weights, input.sizeClass.codes, code), marginOf(weights, input.state.codes, code)]);
  const free = rakeWeights(input);
  assert.ok(Math.min(...free.weights) < 0.3 * mean);
  const trimmed = rakeWeights({ ...input, trim: { lower: 0.3, upper: 2.2 } });
  assert.ok(trimmed.converged && trimmed.trimRounds > 0);
  assert.ok(Math.min(...trimmed.weights) >= 0.3 * mean * (1 - 1e-9) && Math.max(...trimmed.weights) <= 2.2 * mean * (1 + 1e-9));
  margins(trimmed.weights).forEach((total, i) => assert.ok(Math.abs(total - margins(free.weights)[i]!) < 1e-9));
  const infeasible = rakeWeights({ ...input, trim: { lower: 0.5, upper: 2 } });
  assert.equal(infeasible.converged, false);
  margins(infeasible.weights).forEach((total, i) => assert.ok(Math.abs(total - margins(free.weights)[i]!) < 1e-9));
});

test('target margins: real units of the respondents’ unit types plus real respondents outside them; synthetic respondents stand in for real units', () => {
  const unit = (ags: string, unitType: RegisterUnit['unitType'], sizeClass: RegisterUnit['sizeClass'], state: string, synthetic = false) =>
    ({ ags, unitType, sizeClass, state, synthetic }) as const;
  const register = [
    unit('01', 'kreisangehoerige_gemeinde', 'gk7', 'Hessen'),
    unit('02', 'kreisangehoerige_gemeinde', 'gk7', 'Bayern'),
    unit('03', 'landkreis', 'lk3', 'Bayern'),
    unit('04', 'kreisangehoerige_gemeinde', 'gk6', 'Bayern', true),
    unit('05', 'kreisangehoerige_gemeinde', 'gk6', 'Hessen', true),
    unit('06', 'kreisangehoerige_gemeinde', 'gk6', 'Hessen'),
  ];
  const outsider = unit('07', 'kreisangehoerige_gemeinde', 'gk6', 'Bayern');
  const margins = targetMargins(register, [register[1]!, register[3]!, register[3]!, outsider]);
  assert.deepEqual(margins.sizeClasses, ['gk6', 'gk7']);
  assert.deepEqual(margins.states, ['Hessen', 'Bayern']);
  // gk6 Bayern: the outsider only, not the synthetic respondent 04 (the demo rakes to the real register).
  assert.deepEqual([...margins.units], [1, 1, 1, 1]);
  assert.deepEqual(margins.unitTypes, ['kreisangehoerige_gemeinde']);
  // A register without real gk6 units cannot stand behind the demo: its units count as their own.
  const uncovered = targetMargins(register.slice(0, 5), [register[1]!, register[3]!]);
  assert.deepEqual(uncovered.sizeClasses, ['gk6', 'gk7']);
  assert.deepEqual([...uncovered.units], [0, 1, 1, 1]);
});
