// Conformance cases: the municipality register.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISO_TIMESTAMP, type OpenFixture, register, unit, withStore } from './store-fixture.js';

const kiel = unit('01002000', {
  name: 'Kiel, Landeshauptstadt',
  unitType: 'kreisfreie_stadt',
  sourceType: 'Kreisfreie Stadt',
  population: 248873,
  areaKm2: 118.65,
  sizeClass: 'gk3',
});
const flensburg = unit('01001000', { unitType: 'kreisfreie_stadt', population: 92667, areaKm2: 56.73, sizeClass: 'gk4' });
const demo = unit('01099001', { name: 'Musterstadt 001', synthetic: true });

export function registerCases(open: OpenFixture): void {
  test('register: empty database has no register', () =>
    withStore(open, async ({ store }) => {
      assert.equal(await store.registerInfo(), null);
      assert.deepEqual(await store.registerUnits(), []);
    }));

  test('register: replace stores units, dates and counts; units come back ordered and typed', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([kiel, flensburg]));
      assert.deepEqual(await store.registerUnits(), [flensburg, kiel]);
      assert.deepEqual(await store.registerUnits([kiel.ags, '09999999']), [kiel]);
      assert.deepEqual(await store.registerUnits([]), []);
      assert.deepEqual(await store.registerAgs(), new Set([flensburg.ags, kiel.ags]));
      const info = await store.registerInfo();
      assert.ok(info);
      assert.match(info.importedAt, ISO_TIMESTAMP);
      assert.deepEqual({ ...info, importedAt: '' }, {
        referenceDate: '2024-12-31',
        populationDate: '2023-12-31',
        source: 'Testdaten',
        importedAt: '',
        unitCount: 2,
        syntheticCount: 0,
      });
    }));

  test('register: a new replace drops old real units, keeps synthetic ones, moves the reference date', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([kiel, flensburg]));
      await store.replaceSyntheticUnits([demo]);
      await store.replaceRegister(register([kiel], '2025-12-31'));
      assert.deepEqual(await store.registerUnits(), [kiel, demo]);
      const info = await store.registerInfo();
      assert.equal(info?.referenceDate, '2025-12-31');
      assert.equal(info?.unitCount, 1);
      assert.equal(info?.syntheticCount, 1);
      const [entry] = await store.auditLog(1);
      assert.equal(entry?.action, 'register.replace');
      assert.equal(entry?.actor, 'analyst@test');
      assert.deepEqual(entry?.details, { referenceDate: '2025-12-31', populationDate: '2023-12-31', source: 'Testdaten', units: 1, removed: 2 });
    }));

  test('register: a failing replace (duplicate AGS late in the list) leaves the old register intact', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([kiel]));
      const before = { info: await store.registerInfo(), audit: await store.auditLog() };
      const units = [flensburg, unit('01003000'), unit('01004000'), unit('01003000', { name: 'Doppelt' })];
      await assert.rejects(store.replaceRegister(register(units, '2025-12-31')), {
        code: 'DM_DATA_REJECTED',
        message: /mehrfach.*01003000/,
      });
      assert.deepEqual(await store.registerUnits(), [kiel]);
      assert.deepEqual({ info: await store.registerInfo(), audit: await store.auditLog() }, before);
    }));

  test('register: units violating a rule are rejected as a whole', () =>
    withStore(open, async ({ store }) => {
      await assert.rejects(store.replaceRegister(register([kiel, unit('1234')])), { code: 'DM_DATA_REJECTED', message: /8 Ziffern/ });
      await assert.rejects(store.replaceRegister(register([unit('01003000', { population: -1 })])), { code: 'DM_DATA_REJECTED' });
      assert.equal(await store.registerInfo(), null);
      assert.deepEqual(await store.registerUnits(), []);
    }));

  test('register: synthetic units are added and replaced, never over a real unit', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([kiel]));
      await store.replaceSyntheticUnits([demo]);
      const renamed = { ...demo, name: 'Musterstadt 001a', population: 999 };
      await store.replaceSyntheticUnits([renamed, unit('01099002', { synthetic: true })]);
      assert.deepEqual((await store.registerUnits()).map((u) => [u.ags, u.name, u.synthetic]), [
        [kiel.ags, kiel.name, false],
        [demo.ags, 'Musterstadt 001a', true],
        ['01099002', 'Gemeinde 01099002', true],
      ]);
      const clash = unit(kiel.ags, { name: 'Fake', synthetic: true });
      await assert.rejects(store.replaceSyntheticUnits([unit('01099003', { synthetic: true }), clash]), {
        code: 'DM_DATA_REJECTED',
        message: /01002000/,
      });
      assert.equal((await store.registerUnits()).length, 3);
      assert.equal((await store.registerUnits([kiel.ags]))[0]?.name, kiel.name);
    }));
}
