// GET /api/v1/trends?…&weighted=true: the weighted trend document (as `analyze --waves … --weighted`),
// validated against the OpenAPI document by the fixture's call() and against the results schema.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ApiFixture, apiFixture } from './api-fixture.js';
import { assertValidResults } from './support/validate-results.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
});
after(() => f.close());

test('weighted=true: each wave raked, Rao-Scott tests of change, method named; a bad flag → 422', async () => {
  await f.store.createWave({ id: 'alt2', title: 'Zweite', instrumentVersion: '2019' });
  const earlier = await f.store.responsesForWave('alt');
  await f.store.saveResponses('alt2', earlier.slice(0, 200).map(({ ags, answers }) => ({ ags, answers })), { status: 'submitted', source: 'import', actor: 'test' });
  const reply = await f.call('GET', '/api/v1/trends?waves=alt,alt2&weighted=true');
  assert.equal(reply.status, 200, reply.text);
  assertValidResults(reply.text);
  assert.equal(reply.json.weighted, true);
  assert.equal(reply.json.trend_method.changes, 'rao-scott-stacked-strata');
  assert.ok(reply.json.waves.every((wave: { weights?: { method: string } }) => wave.weights?.method === 'raking'));
  const plain = await f.call('GET', '/api/v1/trends?waves=alt,alt2&weighted=0');
  assert.equal(plain.json.weighted, false);
  const bad = await f.call('GET', '/api/v1/trends?waves=alt,alt2&weighted=ja');
  assert.deepEqual([bad.status, bad.json.issues[0].path], [422, ['query', 'weighted']]);
});
