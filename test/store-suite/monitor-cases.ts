// Conformance cases: the response monitor (counts by Land and size class).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OpenFixture, register, unit, withStore } from './store-fixture.js';

const nw = { stateCode: 'NW', state: 'Nordrhein-Westfalen' } as const;
const by = { stateCode: 'BY', state: 'Bayern' } as const;
const units = [
  unit('01001001', { sizeClass: 'gk7' }),
  unit('01001002', { sizeClass: 'gk6' }),
  unit('05111000', { ...nw, unitType: 'kreisfreie_stadt', sizeClass: 'gk2' }),
  unit('05111001', { ...nw, sizeClass: 'gk5' }),
  unit('09162000', { ...by, unitType: 'kreisfreie_stadt', sizeClass: 'gk1' }),
  unit('09171000', { ...by, unitType: 'landkreis', sizeClass: 'lk2' }),
];

export function monitorCases(open: OpenFixture): void {
  test('monitor: counts by Land and size class over the target population, zero rows included', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register(units));
      await store.replaceSyntheticUnits([unit('09999001', { ...by, sizeClass: 'gk3', synthetic: true })]);
      await store.createWave({ id: 'w', title: 'Test', instrumentVersion: '2019' });
      const submitted = { status: 'submitted', source: 'import', actor: 't' } as const;
      await store.saveResponses('w', [{ ags: '01001001', answers: {} }, { ags: '99999999', answers: {} }], submitted);
      await store.saveResponses('w', [{ ags: '05111001', answers: {} }], { ...submitted, status: 'draft' });
      const monitor = await store.responseMonitor('w');
      // Only kreisangehörige Gemeinden answered: their Länder and size classes; no kreisfreie, no Landkreis.
      assert.deepEqual(monitor.byState, [
        { key: 'SH', responses: 1, submitted: 1 },
        { key: 'NW', responses: 1, submitted: 0 },
      ]);
      assert.deepEqual(monitor.bySizeClass, [
        { key: 'gk5', responses: 1, submitted: 0 },
        { key: 'gk6', responses: 0, submitted: 0 },
        { key: 'gk7', responses: 1, submitted: 1 },
      ]);
      assert.deepEqual(monitor.total, { key: 'total', responses: 3, submitted: 2 });
    }));

  test('monitor: synthetic respondents count; a wave without responses has empty breakdowns', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register(units));
      await store.replaceSyntheticUnits([unit('09999001', { ...by, unitType: 'landkreis', sizeClass: 'lk1', synthetic: true })]);
      await store.createWave({ id: 'demo', title: 'Demo', instrumentVersion: '2019', demo: true });
      assert.deepEqual(await store.responseMonitor('demo'), {
        byState: [],
        bySizeClass: [],
        total: { key: 'total', responses: 0, submitted: 0 },
      });
      await store.saveResponses('demo', [{ ags: '09999001', answers: {} }], { status: 'submitted', source: 'demo', actor: 't' });
      const monitor = await store.responseMonitor('demo');
      assert.deepEqual(monitor.byState, [{ key: 'BY', responses: 1, submitted: 1 }]);
      assert.deepEqual(monitor.bySizeClass, [
        { key: 'lk1', responses: 1, submitted: 1 },
        { key: 'lk2', responses: 0, submitted: 0 },
      ]);
      await assert.rejects(store.responseMonitor('nope'), { code: 'DM_WAVE_NOT_FOUND' });
    }));
}
