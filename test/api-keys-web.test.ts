// API keys on /verwaltung/api-schluessel through app.request(): an analyst creates a key (shown exactly
// once, working at once with the API), sees only their own keys, revokes them (audited, 401 afterwards);
// bad input re-renders the form in German; foreign keys are 404; CSRF and sign-in are enforced.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiKey } from '../src/tasks/api-keys.js';
import { analystSession } from './support/analyst-session.js';
import { Browser, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let browser: Browser;
let email: string;
before(async () => {
  f = await surveyFixture();
  const login = await analystSession(f.app, f.store);
  email = login.email;
  browser = new Browser(f.app, '192.0.2.77');
  browser.cookie = login.cookie;
});
after(() => f.close());

const newKey = (text: string) => /<code id="new-key">(dm_[A-Za-z0-9_-]{43})<\/code>/.exec(text)?.[1];
const apiStatus = async (key: string) => (await f.app.request('/api/v1/waves', { headers: { Authorization: `Bearer ${key}` } })).status;

test('create: the key is shown exactly once and works with the API; the list shows it without the key', async () => {
  const empty = await browser.get('/verwaltung/api-schluessel');
  assert.equal(empty.status, 200);
  assert.match(empty.text, /Sie haben noch keinen API-Schlüssel\./);
  assert.match(empty.text, /<a href="\/verwaltung\/api-schluessel">API-Schlüssel<\/a>/, 'in the navigation');
  const created = await browser.post('/verwaltung/api-schluessel', { name: 'Auswertung <Skript>', expires: '' });
  assert.equal(created.status, 200);
  assert.equal(created.headers.get('cache-control'), 'no-store');
  const key = newKey(created.text);
  assert.ok(key, created.text);
  assert.match(created.text, /Er wird nur jetzt angezeigt/);
  assert.match(created.text, /„Auswertung &lt;Skript&gt;“/, 'the name is escaped');
  assert.equal(await apiStatus(key), 200);
  const listed = await browser.get('/verwaltung/api-schluessel');
  assert.equal(newKey(listed.text), undefined);
  assert.equal(listed.text.includes(key), false, 'the key is never shown again');
  assert.match(listed.text, /<th scope="row">Auswertung &lt;Skript&gt;<\/th><td>[^<]+<\/td><td>aktiv, unbefristet<\/td>/);
  const [entry] = await f.store.auditLog(1);
  assert.deepEqual([entry?.action, entry?.actor], ['apikey.create', `user:${email}`]);
});

test('bad input: empty name, past or malformed expiry → 400 with the form kept and a German message; nothing created', async () => {
  const before = (await f.store.apiKeys()).length;
  const empty = await browser.post('/verwaltung/api-schluessel', { name: '', expires: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /<p class="err" id="key-err"><span class="vh">Fehler: <\/span>API-Schlüssel ungültig: der Name braucht 1 bis 100 Zeichen\.<\/p>/);
  assert.match(empty.text, /aria-invalid="true"/);
  const past = await browser.post('/verwaltung/api-schluessel', { name: 'Alt', expires: '2020-01-01' });
  assert.equal(past.status, 400);
  assert.match(past.text, /Ablaufdatum „2020-01-01“ liegt nicht in der Zukunft\./);
  assert.match(past.text, /value="Alt"/);
  const malformed = await browser.post('/verwaltung/api-schluessel', { name: 'X', expires: 'morgen' });
  assert.equal(malformed.status, 400);
  const twice = await browser.post('/verwaltung/api-schluessel', [['name', 'a'], ['name', 'b']]);
  assert.equal(twice.status, 400);
  assert.equal((await f.store.apiKeys()).length, before);
});

test('revoke: audited, the key stops working at once; other accounts\' keys are neither listed nor revocable (404)', async () => {
  const other = await createApiKey(f.store, { email: (await analystSession(f.app, f.store)).email, name: 'Fremd' }, 'test');
  const page = await browser.get('/verwaltung/api-schluessel');
  assert.equal(page.text.includes('Fremd'), false);
  const created = await browser.post('/verwaltung/api-schluessel', { name: 'Kurzlebig', expires: '2099-12-31' });
  const key = newKey(created.text)!;
  const id = (await f.store.apiKeys()).find((k) => k.name === 'Kurzlebig')!.id;
  const revoked = await browser.post(`/verwaltung/api-schluessel/${id}/widerrufen`, {});
  assert.deepEqual([revoked.status, revoked.headers.get('location')], [303, '/verwaltung/api-schluessel?widerrufen=1']);
  const [entry] = await f.store.auditLog(1);
  assert.deepEqual([entry?.action, entry?.actor], ['apikey.revoke', `user:${email}`]);
  assert.equal(await apiStatus(key), 401);
  const after = await browser.get('/verwaltung/api-schluessel?widerrufen=1');
  assert.match(after.text, /Der Schlüssel ist widerrufen/);
  assert.match(after.text, /<th scope="row">Kurzlebig<\/th><td>[^<]+<\/td><td>widerrufen \(/);
  const foreign = await browser.post(`/verwaltung/api-schluessel/${other.apiKey.id}/widerrufen`, {});
  assert.equal(foreign.status, 404);
  assert.equal(await apiStatus(other.key), 200, 'the other account\'s key still works');
  assert.equal((await browser.post('/verwaltung/api-schluessel/abc/widerrufen', {})).status, 404);
});

test('CSRF and sign-in: a cross-site post is refused and changes nothing; signed out → login', async () => {
  const before = (await f.store.apiKeys()).length;
  const cross = await browser.post('/verwaltung/api-schluessel', { name: 'Angriff' }, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
  assert.equal(cross.status, 403);
  assert.equal((await f.store.apiKeys()).length, before);
  const anonymous = await new Browser(f.app, '192.0.2.78').get('/verwaltung/api-schluessel');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/anmelden/);
});
