// Conformance cases: waves and their status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISO_TIMESTAMP, type OpenFixture, withStore } from './store-fixture.js';

const base = { title: 'Digitalmonitor 2026', instrumentVersion: '2019' };

export function waveCases(open: OpenFixture): void {
  test('waves: create with defaults, get, list', () =>
    withStore(open, async ({ store }) => {
      const created = await store.createWave({ id: '2026', ...base });
      assert.match(created.createdAt, ISO_TIMESTAMP);
      assert.deepEqual({ ...created, createdAt: '' }, {
        id: '2026',
        ...base,
        opensAt: null,
        closesAt: null,
        status: 'draft',
        demo: false,
        minCellCount: 5,
        target: null,
        createdAt: '',
        publishedAt: null,
      });
      assert.deepEqual(await store.getWave('2026'), created);
      assert.equal(await store.getWave('2027'), null);
      await store.createWave({ id: '2027', ...base, demo: true });
      assert.deepEqual((await store.listWaves()).map((w) => w.id), ['2026', '2027']);
    }));

  test('waves: period and options are stored; timestamps come back as UTC ISO strings', () =>
    withStore(open, async ({ store }) => {
      const wave = await store.createWave({
        id: 'w1',
        ...base,
        opensAt: '2018-12-01T00:00:00+01:00',
        closesAt: '2019-02-28T22:59:59.000Z',
        demo: true,
        minCellCount: 3,
      });
      assert.equal(wave.opensAt, '2018-11-30T23:00:00.000Z');
      assert.equal(wave.closesAt, '2019-02-28T22:59:59.000Z');
      assert.equal(wave.demo, true);
      assert.equal(wave.minCellCount, 3);
    }));

  test('waves: duplicate id, bad id and bad period are coded errors', () =>
    withStore(open, async ({ store }) => {
      await store.createWave({ id: '2026', ...base });
      await assert.rejects(store.createWave({ id: '2026', ...base, title: 'Noch eine' }), { code: 'DM_WAVE_EXISTS', message: /„2026“/ });
      await assert.rejects(store.createWave({ id: 'Welle 1', ...base }), { code: 'DM_WAVE_ID_INVALID' });
      const reversed = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' };
      await assert.rejects(store.createWave({ id: 'w2', ...base, ...reversed }), { code: 'DM_WAVE_PERIOD_INVALID' });
      await assert.rejects(store.createWave({ id: 'w3', ...base, opensAt: 'morgen' }), { code: 'DM_WAVE_PERIOD_INVALID' });
      await assert.rejects(store.createWave({ id: 'w4', ...base, closesAt: 'infinity' }), { code: 'DM_WAVE_PERIOD_INVALID' });
      assert.deepEqual((await store.listWaves()).map((w) => w.title), [base.title]);
    }));

  test('waves: status moves draft → open → closed → open; other moves are refused', () =>
    withStore(open, async ({ store }) => {
      await store.createWave({ id: 'w', ...base });
      const params = { wave: 'w', status: 'draft', target: 'closed' };
      await assert.rejects(store.setWaveStatus('w', 'closed'), { code: 'DM_WAVE_STATUS', params });
      assert.equal((await store.setWaveStatus('w', 'open')).status, 'open');
      assert.equal((await store.setWaveStatus('w', 'open')).status, 'open');
      await assert.rejects(store.setWaveStatus('w', 'draft'), { code: 'DM_WAVE_STATUS' });
      assert.equal((await store.setWaveStatus('w', 'closed')).status, 'closed');
      assert.equal((await store.setWaveStatus('w', 'open')).status, 'open');
      assert.equal((await store.getWave('w'))?.status, 'open');
      await assert.rejects(store.setWaveStatus('nope', 'open'), { code: 'DM_WAVE_NOT_FOUND', message: /„nope“/ });
    }));

  test('waves: delete removes the wave and its responses; a missing wave is a no-op', () =>
    withStore(open, async ({ store, sql }) => {
      await store.createWave({ id: 'w', ...base });
      await store.saveResponses('w', [{ ags: '01001000', answers: { a: '1' } }], { status: 'draft', source: 'web', actor: 't' });
      await store.deleteWave('w');
      await store.deleteWave('w');
      assert.equal(await store.getWave('w'), null);
      assert.deepEqual(await sql.query('SELECT * FROM responses'), []);
      await store.createWave({ id: 'w', ...base });
      assert.deepEqual(await store.responsesForWave('w'), []);
    }));

  test('publication: the first close copies the submitted responses without the left-out keys; later changes stay out of it', () =>
    withStore(open, async ({ store, sql }) => {
      await store.createWave({ id: 'w', ...base });
      const save = (ags: string, answers: Record<string, string>, status: 'draft' | 'submitted') => store.saveResponses('w', [{ ags, answers }], { status, source: 'import', actor: 't' });
      await save('01001000', { a: '1', contact_email: 'x@example.de' }, 'submitted');
      await save('01002000', { a: '2' }, 'draft');
      await store.setWaveStatus('w', 'open');
      assert.deepEqual(await store.publishedResponses('w'), []);
      const closed = await store.setWaveStatus('w', 'closed', { omitKeys: ['contact_email'], actor: 'analyst@test' });
      assert.match(closed.publishedAt ?? '', ISO_TIMESTAMP);
      assert.deepEqual(await store.publishedResponses('w'), [{ ags: '01001000', answers: { a: '1' } }]);
      const [entry] = await sql.query<{ actor: string; details: unknown }>(`SELECT actor, details FROM audit_log WHERE action = 'wave.publish'`);
      assert.deepEqual(entry, { actor: 'analyst@test', details: { responses: 1, previous: null } });

      await save('01001000', { a: '9' }, 'submitted');
      await save('01003000', { a: '3' }, 'submitted');
      await store.setWaveStatus('w', 'open');
      const again = await store.setWaveStatus('w', 'closed', { omitKeys: [], actor: 't' });
      assert.equal(again.publishedAt, closed.publishedAt);
      assert.deepEqual(await store.publishedResponses('w'), [{ ags: '01001000', answers: { a: '1' } }]);
      assert.equal((await store.publishWave('w', { omitKeys: [], actor: 't', replace: false })).publishedAt, closed.publishedAt);

      const republished = await store.publishWave('w', { omitKeys: [], actor: 't', replace: true });
      assert.ok(republished.publishedAt! >= closed.publishedAt!);
      assert.deepEqual(await store.publishedResponses('w'), [
        { ags: '01001000', answers: { a: '9' } },
        { ags: '01003000', answers: { a: '3' } },
      ]);
      assert.deepEqual(await store.getWave('w'), republished);
      const monitor = await store.responseMonitor('w', { published: true });
      assert.deepEqual([monitor.total.responses, monitor.total.submitted], [2, 2]);
      assert.deepEqual((await store.responseMonitor('w')).total, { key: 'total', responses: 3, submitted: 2 });
    }));

  test('publication: only closed waves; a wave closed before publications existed is published once on request', () =>
    withStore(open, async ({ store, sql }) => {
      await store.createWave({ id: 'w', ...base });
      const publication = { omitKeys: [], actor: 't', replace: false };
      await assert.rejects(store.publishWave('w', publication), { code: 'DM_WAVE_NOT_CLOSED', message: /„w“ ist nicht geschlossen/ });
      await assert.rejects(store.publishWave('nope', publication), { code: 'DM_WAVE_NOT_FOUND' });
      await assert.rejects(store.publishedResponses('nope'), { code: 'DM_WAVE_NOT_FOUND' });
      await store.saveResponses('w', [{ ags: '01001000', answers: { a: '1' } }], { status: 'submitted', source: 'import', actor: 't' });
      await store.setWaveStatus('w', 'open');
      await store.setWaveStatus('w', 'closed');
      // As after migration 011 on a wave that was already closed.
      await sql.query('DELETE FROM published_responses');
      await sql.query('UPDATE waves SET published_at = NULL');
      assert.equal((await store.getWave('w'))?.publishedAt, null);
      const published = await store.publishWave('w', publication);
      assert.match(published.publishedAt ?? '', ISO_TIMESTAMP);
      assert.deepEqual(await store.publishedResponses('w'), [{ ags: '01001000', answers: { a: '1' } }]);
      await store.deleteWave('w');
      assert.deepEqual(await sql.query('SELECT * FROM published_responses'), []);
    }));
}
