// The analysis API reuses its results document while the wave's responses and the register are unchanged
// (store.analysisStamp), and recomputes as soon as they change — never a stale table.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyze } from '../src/tasks/analyze.js';
import { analyzeCached } from '../src/tasks/analyze-cached.js';
import { AnalysisThreads } from '../src/threads/analysis-threads.js';
import { createApp } from '../src/web/create-app.js';
import { type ApiFixture, apiFixture, request } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
  await f.store.createWave({ id: 'cache', title: 'Cache', instrumentVersion: '2019' });
});
after(() => f.close());

const importCsv = (csv: string) => f.call('POST', '/api/v1/waves/cache/responses', { body: csv, type: 'text/csv' });

test('the same (wave, weighted, by) is computed once; concurrent requests share it; other keys are separate', async () => {
  const [a, b] = await Promise.all([analyzeCached(f.store, { waveId: 'alt' }), analyzeCached(f.store, { waveId: 'alt' })]);
  assert.equal(a, b);
  assert.equal(await analyzeCached(f.store, { waveId: 'alt' }), a);
  const weighted = await analyzeCached(f.store, { waveId: 'alt', weighted: true });
  assert.notEqual(weighted, a);
  assert.equal(weighted.weighted, true);
  assert.notEqual(await analyzeCached(f.store, { waveId: 'alt', by: ['state'] }), a);
});

test('through the API: errors are not kept, every change of the responses shows at once', async () => {
  const none = await f.call('GET', '/api/v1/waves/cache/analysis');
  assert.deepEqual([none.status, none.json.code], [409, 'DM_WAVE_NO_RESPONSES']);
  assert.equal((await importCsv('ags,strategy_status\n05111000,vorhanden\n05113000,kein_thema\n')).status, 200);
  const two = await f.call('GET', '/api/v1/waves/cache/analysis');
  assert.deepEqual([two.status, two.json.n], [200, 2]);
  assert.deepEqual((await f.call('GET', '/api/v1/waves/cache/analysis')).json, two.json);
  assert.equal((await importCsv('ags,strategy_status\n05158000,geplant\n')).status, 200);
  assert.equal((await f.call('GET', '/api/v1/waves/cache/analysis')).json.n, 3);
  const before = await analyzeCached(f.store, { waveId: 'cache' });
  assert.equal((await importCsv('ags,strategy_status\n05158000,vorhanden\n')).status, 200, 'same units, new answer');
  const after = await analyzeCached(f.store, { waveId: 'cache' });
  assert.notEqual(after, before);
  assert.notDeepEqual(after.tables, before.tables);
});

test('an app with analysis threads answers the weighted analysis with the one-thread document', async () => {
  const threads = AnalysisThreads.start({ threads: 2 });
  try {
    const app = createApp({ store: f.store, log: (line) => f.logged.push(line), analysisThreads: threads });
    const reply = await request(app, 'GET', '/api/v1/waves/alt/analysis?weighted=true&by=broadband_grade', {}, f.analystKey);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json, JSON.parse(JSON.stringify(await analyze(f.store, { waveId: 'alt', weighted: true, by: ['broadband_grade'] }))));
  } finally {
    await threads.close();
  }
});
