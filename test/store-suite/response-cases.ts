// Conformance cases: saving and reading responses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseInput } from '../../src/store/store.js';
import { ISO_TIMESTAMP, type OpenFixture, withStore } from './store-fixture.js';

const wave = { id: 'w', title: 'Test', instrumentVersion: '2019' };
const web = { status: 'draft', source: 'web', actor: 'respondent:01001000' } as const;
const imported = { status: 'submitted', source: 'import', actor: 'analyst@test' } as const;

/** 10,000 responses with 60 answered variables each (a realistic flat row). */
function manyResponses(count: number): ResponseInput[] {
  return Array.from({ length: count }, (_, i) => ({
    ags: String(1_000_000 + i).padStart(8, '0'),
    answers: Object.fromEntries(Array.from({ length: 60 }, (_, v) => [`q${v}__option_${v}`, String((i + v) % 3)])),
  }));
}

export function responseCases(open: OpenFixture): void {
  test('responses: insert, then update with revision + 1; created stays, updated and submitted move', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      const first = await store.saveResponses('w', [{ ags: '01001000', answers: { strategy_status: 'geplant', x: undefined } }], web);
      assert.deepEqual(first, { inserted: 1, updated: 0 });
      const [draft] = await store.responsesForWave('w');
      assert.ok(draft);
      assert.deepEqual({ ...draft, createdAt: '', updatedAt: '' }, {
        waveId: 'w',
        ags: '01001000',
        status: 'draft',
        revision: 1,
        answers: { strategy_status: 'geplant' },
        source: 'web',
        createdAt: '',
        updatedAt: '',
        submittedAt: null,
        receipt: null,
      });
      assert.match(draft.createdAt, ISO_TIMESTAMP);
      const batch = [
        { ags: '01001000', answers: { strategy_status: 'vorhanden', comments: 'Ä "quoted" \\ ü' } },
        { ags: '01002000', answers: {} },
      ];
      assert.deepEqual(await store.saveResponses('w', batch, imported), { inserted: 1, updated: 1 });
      assert.deepEqual(await store.saveResponses('w', batch, imported), { inserted: 0, updated: 2 });
      const [updated, other] = await store.responsesForWave('w');
      assert.equal(updated?.revision, 3);
      assert.equal(other?.revision, 2);
      assert.equal(updated?.status, 'submitted');
      assert.equal(updated?.source, 'import');
      assert.deepEqual(updated?.answers, batch[0]?.answers);
      assert.equal(updated?.createdAt, draft.createdAt);
      assert.ok(updated!.updatedAt >= draft.updatedAt);
      assert.match(updated?.submittedAt ?? '', ISO_TIMESTAMP);
    }));

  test('responses: a submitted response keeps its first submission time; a draft clears it', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      const one = [{ ags: '01001000', answers: {} }];
      await store.saveResponses('w', one, imported);
      const submittedAt = (await store.responsesForWave('w'))[0]?.submittedAt;
      await store.saveResponses('w', one, imported);
      assert.equal((await store.responsesForWave('w'))[0]?.submittedAt, submittedAt);
      await store.saveResponses('w', one, web);
      assert.equal((await store.responsesForWave('w'))[0]?.submittedAt, null);
    }));

  test('responses: all or nothing — one bad row or a duplicate AGS writes nothing', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      await store.saveResponses('w', [{ ags: '01001000', answers: { a: '1' } }], web);
      const before = { rows: await store.responsesForWave('w'), audit: await store.auditLog() };
      const bad = [{ ags: '01001000', answers: { a: '2' } }, { ags: '01002000', answers: {} }, { ags: '123', answers: {} }];
      await assert.rejects(store.saveResponses('w', bad, imported), { code: 'DM_DATA_REJECTED', message: /8 Ziffern/ });
      const twice = [{ ags: '01003000', answers: {} }, { ags: '01003000', answers: {} }];
      await assert.rejects(store.saveResponses('w', twice, imported), { code: 'DM_DATA_REJECTED', message: /mehrfach/ });
      assert.deepEqual({ rows: await store.responsesForWave('w'), audit: await store.auditLog() }, before);
    }));

  test('responses: an unknown wave is DM_WAVE_NOT_FOUND, even for an empty batch', () =>
    withStore(open, async ({ store }) => {
      const one = [{ ags: '01001000', answers: {} }];
      await assert.rejects(store.saveResponses('nope', one, web), { code: 'DM_WAVE_NOT_FOUND', message: /„nope“/ });
      await assert.rejects(store.saveResponses('nope', [], web), { code: 'DM_WAVE_NOT_FOUND' });
      await assert.rejects(store.responsesForWave('nope'), { code: 'DM_WAVE_NOT_FOUND' });
      await store.createWave(wave);
      assert.deepEqual(await store.saveResponses('w', [], web), { inserted: 0, updated: 0 });
      assert.deepEqual(await store.responsesForWave('w'), []);
    }));

  test('responses: each save appends one audit entry in the same transaction', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      await store.saveResponses('w', [{ ags: '01001000', answers: {} }, { ags: '01002000', answers: {} }], imported);
      const [entry] = await store.auditLog(1);
      assert.equal(entry?.actor, 'analyst@test');
      assert.equal(entry?.action, 'responses.save');
      assert.equal(entry?.subject, 'w');
      assert.deepEqual(entry?.details, { inserted: 2, updated: 0, status: 'submitted', source: 'import' });
    }));

  test('responses: 10,000 rows are saved in one go, then updated in one go', (t) =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      const rows = manyResponses(10_000);
      let started = performance.now();
      assert.deepEqual(await store.saveResponses('w', rows, imported), { inserted: 10_000, updated: 0 });
      const insertMs = performance.now() - started;
      started = performance.now();
      assert.deepEqual(await store.saveResponses('w', rows, imported), { inserted: 0, updated: 10_000 });
      const updateMs = performance.now() - started;
      started = performance.now();
      const stored = await store.responsesForWave('w');
      const readMs = performance.now() - started;
      assert.equal(stored.length, 10_000);
      assert.deepEqual(stored[9_999]?.answers, rows[9_999]?.answers);
      t.diagnostic(`10,000 rows: insert ${insertMs.toFixed(0)} ms, update ${updateMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms`);
      assert.ok(insertMs < 20_000 && updateMs < 20_000, 'bulk save is far too slow');
    }));
}
