// Conformance cases: analysisStamp changes with every change analysis can see (a submitted response, its
// answers — also an erasure without a new revision —, a submission, the register), and only then.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OpenFixture, register, unit, withStore } from './store-fixture.js';

const answers = { strategy_status: 'vorhanden', peer_exchange: 'ja', contact_email: 'cdo@kreis.example' };

export function analysisStampCases(open: OpenFixture): void {
  test('analysisStamp: stable while nothing changes; changes with responses, erasure, submission and the register', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([unit('01001000'), unit('01002000')]));
      await store.createWave({ id: 'w', title: 'Test', instrumentVersion: '2019' });
      await store.createWave({ id: 'v', title: 'Andere', instrumentVersion: '2019' });
      await store.setWaveStatus('w', 'open');
      const empty = await store.analysisStamp('w');
      assert.match(empty, /^[0-9a-f]{32}$/);
      assert.equal(await store.analysisStamp('w'), empty);
      await store.saveResponses('w', [{ ags: '01001000', answers }], { status: 'submitted', source: 'import', actor: 'a' });
      const one = await store.analysisStamp('w');
      assert.notEqual(one, empty);
      const other = await store.analysisStamp('v');
      await store.saveResponses('w', [{ ags: '01002000', answers: { strategy_status: 'geplant' } }], { status: 'draft', source: 'web', actor: 'a' });
      assert.equal(await store.analysisStamp('w'), one, 'a draft is not analysed');
      await store.saveResponses('w', [{ ags: '01002000', answers: { strategy_status: 'geplant' } }], { status: 'submitted', source: 'web', actor: 'a' });
      const two = await store.analysisStamp('w');
      assert.notEqual(two, one);
      await store.purgeContacts('w', ['contact_email'], { actor: 'system' });
      const erased = await store.analysisStamp('w');
      assert.notEqual(erased, two, 'erasure changes the answers without a new revision');
      assert.equal(await store.analysisStamp('v'), other, 'other waves keep their stamp');
      await store.replaceSyntheticUnits([unit('01999001', { synthetic: true })]);
      const synthetic = await store.analysisStamp('w');
      assert.notEqual(synthetic, erased);
      await store.replaceRegister(register([unit('01001000'), unit('01002000')], '2025-12-31'));
      assert.notEqual(await store.analysisStamp('w'), synthetic);
    }));
}
