// Conformance cases: imported instrument versions (migration 006) are stored once and never changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OpenFixture, withStore } from './store-fixture.js';

export function instrumentVersionCases(open: OpenFixture): void {
  test('instrument versions: stored once with the document; a second import and UPDATE are refused', () =>
    withStore(open, async ({ store, sql }) => {
      const document = { version: '2021', title: 'T', sections: [{ id: 's', title: 'S', questions: [] }], derived: ['vg_strategy'] };
      await store.saveInstrumentVersion('2021', document, 'analystin');
      await assert.rejects(store.saveInstrumentVersion('2021', { ...document, title: 'anders' }, 'x'), { code: 'DM_INSTRUMENT_VERSION_EXISTS' });
      await assert.rejects(sql.query(`UPDATE instrument_versions SET document = '{}'::jsonb`), /immutable/);
      const stored = await store.instrumentVersion('2021');
      assert.deepEqual(stored?.document, document);
      assert.equal(stored?.importedBy, 'analystin');
      assert.equal(await store.instrumentVersion('2030'), null);
      assert.deepEqual((await store.instrumentVersions()).map((row) => row.version), ['2021']);
      assert.equal((await store.auditLog(1))[0]?.action, 'instrument.import');
    }));
}
