import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegisterUnit, SizeClass } from '../register/unit.js';
import { resolvePeerGroups } from './peer-groups.js';
import { percentileOf, distributionOf } from './score-distribution.js';

function unit(ags: string, sizeClass: SizeClass, state = 'Hessen', unitType: RegisterUnit['unitType'] = 'kreisangehoerige_gemeinde'): RegisterUnit {
  return { ags, name: `G ${ags}`, stateCode: 'HE', state, districtAgs: ags.slice(0, 5), district: 'K', unitType, sourceType: 'x', population: 1000, areaKm2: 1, sizeClass, synthetic: true };
}

test('groups with at least k respondents stay as they are', () => {
  const units = Array.from({ length: 12 }, (_, i) => unit(`0600${String(i).padStart(4, '0')}`, i < 6 ? 'gk5' : 'gk6'));
  const groups = resolvePeerGroups(units[0]!, units, 5);
  assert.deepEqual(groups.map((g) => [g.dimension, g.by, g.groups, g.n, g.merged]), [
    ['all', 'all', ['all'], 12, null],
    ['size_class', 'size_class', ['gk5'], 6, null],
    ['state', 'state', ['Hessen'], 12, null],
    ['unit_type', 'unit_type', ['kreisangehoerige_gemeinde'], 12, null],
  ]);
});

test('a small size class is merged with its larger neighbour, a small Land into all respondents, and says so', () => {
  const units = [
    unit('06000001', 'gk3', 'Bremen'),
    unit('06000002', 'gk3'),
    ...Array.from({ length: 3 }, (_, i) => unit(`0600010${i}`, 'gk2')),
    ...Array.from({ length: 8 }, (_, i) => unit(`0600020${i}`, 'gk4')),
  ];
  const [, size, state] = resolvePeerGroups(units[0]!, units, 5);
  assert.deepEqual(size!.groups, ['gk3', 'gk4']);
  assert.equal(size!.n, 10);
  assert.match(size!.merged!, /GK 3: nur 2 Antworten \(weniger als 5\); zusammengefasst zu GK 3 bis GK 4\./);
  assert.deepEqual([state!.by, state!.groups, state!.n], ['all', ['all'], 13]);
  assert.match(state!.merged!, /Bremen: nur 1 Antwort \(weniger als 5\); zusammengefasst mit allen Befragten\./);
});

test('Landkreise are merged only with Landkreis classes', () => {
  const units = [unit('06001000', 'lk1', 'Hessen', 'landkreis'), ...Array.from({ length: 6 }, (_, i) => unit(`0600${i}000`, 'gk7'))];
  const [, size] = resolvePeerGroups(units[0]!, units, 5);
  assert.equal(size!.by, 'all');
  assert.match(size!.merged!, /Landkreise GK 1: nur 1 Antwort/);
});

test('percentile is the mid-rank share below; quartiles as R type 7', () => {
  const sorted = [10, 20, 20, 30, 40];
  assert.equal(percentileOf(20, sorted), 40);
  assert.equal(percentileOf(40, sorted), 90);
  assert.equal(percentileOf(5, sorted), 0);
  assert.deepEqual(distributionOf(sorted), { n: 5, mean: 24, p25: 20, median: 20, p75: 30 });
});
