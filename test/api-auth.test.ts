// API keys × roles through app.request(): a key acts with its account's role; missing, malformed,
// unknown, revoked, expired keys and keys of disabled accounts → 401 {code, message}; a cookie session
// is no API key; rate limits per key and for failed attempts per client.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sha256Hex } from '../src/tasks/access-code.js';
import { apiKeyUser, createApiKey } from '../src/tasks/api-keys.js';
import { createApp } from '../src/web/create-app.js';
import { tokenBucket } from '../src/web/rate-limit.js';
import { type ApiFixture, apiFixture, contractOf, request } from './api-fixture.js';
import { analystSession } from './support/analyst-session.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
});
after(() => f.close());

const INVALID = 'Der API-Schlüssel fehlt, ist unbekannt, abgelaufen oder widerrufen. Bitte „Authorization: Bearer <Schlüssel>“ mit einem gültigen Schlüssel senden (digitalmonitor apikey create).';

test('without a valid key every API route answers 401 DM_API_KEY_INVALID in German, before looking at the body', async () => {
  const headers = [
    null,
    'dm_zu-kurz',
    `dm_${'A'.repeat(43)}`,
    `${f.analystKey.slice(0, -1)}x`,
  ];
  let client = 0;
  for (const key of headers) {
    const reply = await f.call('GET', '/api/v1/waves', { key, client: `192.0.2.${++client}` });
    assert.deepEqual([reply.status, reply.json], [401, { code: 'DM_API_KEY_INVALID', message: INVALID, issues: [] }]);
  }
  const basic = await f.call('GET', '/api/v1/waves', { key: null, headers: { Authorization: `Basic ${f.analystKey}` }, client: '192.0.2.9' });
  assert.equal(basic.status, 401);
  const post = await f.call('POST', '/api/v1/waves', { key: null, body: 'kein json', type: 'text/plain', client: '192.0.2.10' });
  assert.equal(post.status, 401, '401 comes before 415');
  const login = await analystSession(f.app, f.store, { role: 'admin' });
  const cookie = await f.call('GET', '/api/v1/waves', { key: null, headers: { Cookie: login.cookie }, client: '192.0.2.11' });
  assert.equal(cookie.status, 401, 'a cookie session is not an API key');
});

test('roles: analyst and admin keys read and write; only admin keys get intern exports (403 otherwise)', async () => {
  for (const key of [f.analystKey, f.adminKey]) assert.equal((await f.call('GET', '/api/v1/waves/w', { key })).status, 200);
  const analyst = await f.call('GET', '/api/v1/waves/alt/exports/xlsx?intern=1');
  assert.deepEqual([analyst.status, analyst.json.code, analyst.json.message], [403, 'DM_FORBIDDEN', 'Für diese Seite oder Aktion fehlt Ihrem Konto die Berechtigung (nötig: Rolle „admin“).']);
  assert.equal((await f.call('GET', '/api/v1/waves/alt/exports/xlsx?intern=1', { key: f.adminKey })).status, 200);
});

test('revoked and expired keys and keys of disabled accounts → 401; the last use is recorded', async () => {
  const fresh = await createApiKey(f.store, { email: 'ana@test.example', name: 'kurzlebig' }, 'test');
  assert.match(fresh.key, /^dm_[A-Za-z0-9_-]{43}$/);
  assert.equal(fresh.apiKey.lastUsedAt, null);
  assert.equal((await f.call('GET', '/api/v1/register', { key: fresh.key })).status, 200);
  const used = (await f.store.apiKeys()).find((key) => key.id === fresh.apiKey.id);
  assert.notEqual(used?.lastUsedAt, null);
  await f.store.revokeApiKey(fresh.apiKey.id, 'test');
  assert.equal((await f.call('GET', '/api/v1/register', { key: fresh.key, client: '192.0.2.20' })).status, 401);

  const user = (await f.store.userByEmail('ana@test.example'))!;
  const expiring = 'dm_' + 'E'.repeat(43);
  await f.store.createApiKey({ userId: user.id, name: 'abgelaufen', keySha256: sha256Hex(expiring), expiresAt: new Date(Date.now() - 1000).toISOString() }, 'test');
  const expired = await f.call('GET', '/api/v1/register', { key: expiring, client: '192.0.2.21' });
  assert.deepEqual([expired.status, expired.json.code], [401, 'DM_API_KEY_INVALID']);
  const later = 'dm_' + 'L'.repeat(43);
  await f.store.createApiKey({ userId: user.id, name: 'läuft noch', keySha256: sha256Hex(later), expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, 'test');
  assert.equal((await f.call('GET', '/api/v1/register', { key: later })).status, 200);

  await analystSession(f.app, f.store, { email: 'weg@test.example' });
  const leaving = await createApiKey(f.store, { email: 'weg@test.example' }, 'test');
  assert.equal((await f.call('GET', '/api/v1/register', { key: leaving.key })).status, 200);
  await f.store.disableUser('weg@test.example', 'test');
  assert.equal((await f.call('GET', '/api/v1/register', { key: leaving.key, client: '192.0.2.22' })).status, 401);
  assert.equal(await apiKeyUser(f.store, `Bearer ${leaving.key}`), null);
  await assert.rejects(createApiKey(f.store, { email: 'weg@test.example' }, 'test'), { code: 'DM_USER_NOT_FOUND' });
});

test('rate limits: per key (429 with Retry-After, other keys unaffected) and for failed key attempts per client', async () => {
  const app = createApp({ store: f.store, log: () => {}, apiRequests: tokenBucket(2, 60_000), loginAttempts: { perClient: tokenBucket(3, 60_000), perAccount: tokenBucket(3, 60_000) } });
  const contract = await contractOf(app);
  const call = async (key: string | null, client = '198.51.100.1') => {
    const reply = await request(app, 'GET', '/api/v1/register', { client }, key);
    contract('GET', '/api/v1/register', reply);
    return reply;
  };
  assert.deepEqual([(await call(f.analystKey)).status, (await call(f.analystKey)).status], [200, 200]);
  const limited = await call(f.analystKey);
  assert.deepEqual([limited.status, limited.json.code, limited.headers.get('retry-after')], [429, 'DM_RATE_LIMITED', '60']);
  assert.match(limited.json.message, /Bitte warten Sie 60 Sekunden/);
  assert.equal((await call(f.adminKey)).status, 200, 'the limit is per key');
  const failures = [];
  for (let i = 0; i < 4; i++) failures.push((await call('dm_' + 'X'.repeat(43), '198.51.100.2')).status);
  assert.deepEqual(failures, [401, 401, 401, 429]);
  assert.equal((await call('dm_' + 'Y'.repeat(43), '198.51.100.3')).status, 401, 'another client has its own budget');
  assert.equal((await call(null, '198.51.100.2')).status, 401, 'no key at all is no guess and costs nothing');
});
