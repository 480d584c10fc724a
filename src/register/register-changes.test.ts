import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerChanges } from './register-changes.js';
import type { RegisterUnit } from './unit.js';

const unit = (ags: string, changes: Partial<RegisterUnit> = {}): RegisterUnit => ({
  ags,
  name: `Gemeinde ${ags}`,
  stateCode: 'NW',
  state: 'Nordrhein-Westfalen',
  districtAgs: '05158000',
  district: 'Mettmann',
  unitType: 'kreisangehoerige_gemeinde',
  sourceType: 'Stadt',
  population: 20_000,
  areaKm2: 30,
  sizeClass: 'gk6',
  synthetic: false,
  ...changes,
});

test('added, removed and changed units by AGS; synthetic demo units and area changes do not count', () => {
  const before = [unit('05158004'), unit('05158008'), unit('05158012'), unit('09999001', { synthetic: true })];
  const after = [unit('05158004'), unit('05158008', { population: 26_000, sizeClass: 'gk5' }), unit('05158016'), unit('05158012', { areaKm2: 31 })];
  assert.deepEqual(registerChanges(before, after), { added: 1, removed: 0, changed: 1 });
  assert.deepEqual(registerChanges(after, before.slice(0, 2)), { added: 0, removed: 2, changed: 1 });
  assert.deepEqual(registerChanges([], after), { added: 4, removed: 0, changed: 0 });
});
