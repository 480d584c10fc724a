// Analyst accounts over the web, in-process: sign-in, cookie flags, same answer for unknown and wrong,
// limits per client and per account, roles, logout, CSRF (issue 6 "Analysts").
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { createApp } from '../src/web/create-app.js';
import { tokenBucket } from '../src/web/rate-limit.js';
import { analystSession } from './support/analyst-session.js';
import { Browser, type Reply, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let app: Hono;
before(async () => {
  f = await surveyFixture();
  app = createApp({ store: f.store, log: (line) => f.logged.push(line), baseUrl: 'http://localhost', loginAttempts: { perClient: tokenBucket(6, 60_000), perAccount: tokenBucket(3, 60_000) } });
  await addUser(f.store, { email: 'Ada@Example.de', role: 'admin', password: 'korrekt-pferd-batterie' }, 'test');
  await addUser(f.store, { email: 'bea@example.de', role: 'analyst', password: 'heftklammer-pferd-1' }, 'test');
});
after(() => f.close());

const signIn = (browser: Browser, email: string, passwort: string, weiter = '/verwaltung') => browser.post('/anmelden', { email, passwort, weiter });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const errorText = (reply: Reply) => /<p class="err" id="login-err">(.*?)<\/p>/.exec(reply.text)?.[1];

test('sign-in: Argon2id hash stored, HttpOnly SameSite=Lax cookie (Secure behind https), session id only as hash', async () => {
  const stored = await f.store.userByEmail('ada@example.de');
  assert.match(stored?.passwordHash ?? '', /^\$argon2id\$v=19\$/);
  const form = await new Browser(app, '192.0.2.1').get('/anmelden?weiter=/verwaltung/wellen/w');
  assert.equal(form.status, 200);
  assert.match(form.text, /<label for="email">[\s\S]*<input type="password" id="passwort" name="passwort" autocomplete="current-password">/);
  assert.match(form.text, /name="weiter" value="\/verwaltung\/wellen\/w"/);
  const browser = new Browser(app, '192.0.2.1');
  const reply = await signIn(browser, ' ADA@example.de ', 'korrekt-pferd-batterie', '/verwaltung/wellen/w');
  assert.equal(reply.status, 303, reply.text);
  assert.equal(reply.headers.get('location'), '/verwaltung/wellen/w');
  assert.match(reply.headers.get('set-cookie') ?? '', /^dm_konto=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
  const id = browser.cookie.split('=')[1]!;
  assert.equal((await f.store.analystSession(sha256(id)))?.user.email, 'ada@example.de');
  assert.equal(await f.store.analystSession(id), null);
  assert.equal((await f.store.auditLog(1))[0]?.action, 'user.login');
  const secure = createApp({ store: f.store, log: () => {}, baseUrl: 'https://umfrage.example.de' });
  const https = await secure.request('https://umfrage.example.de/anmelden', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://umfrage.example.de' },
    body: 'email=bea%40example.de&passwort=heftklammer-pferd-1&weiter=%2F',
  });
  assert.equal(https.status, 303);
  assert.match(https.headers.get('set-cookie') ?? '', /; HttpOnly; Secure; SameSite=Lax$/);
});

test('unknown account, wrong password and disabled account get the same German 401; nothing is set', async () => {
  await addUser(f.store, { email: 'gesperrt@example.de', role: 'analyst', password: 'gesperrtes-passwort' }, 'test');
  await f.store.disableUser('gesperrt@example.de', 'test');
  const replies = [
    await signIn(new Browser(app, '192.0.2.2'), 'niemand@example.de', 'korrekt-pferd-batterie'),
    await signIn(new Browser(app, '192.0.2.3'), 'ada@example.de', 'falsch-falsch-falsch'),
    await signIn(new Browser(app, '192.0.2.4'), 'gesperrt@example.de', 'gesperrtes-passwort'),
  ];
  for (const reply of replies) {
    assert.equal(reply.status, 401);
    assert.equal(reply.headers.get('set-cookie'), null);
    assert.equal(errorText(reply), '<span class="vh">Fehler: </span>E-Mail-Adresse, Passwort oder Bestätigungscode ist falsch, oder das Konto ist gesperrt. Bitte erneut versuchen.');
    assert.match(reply.text, /<title>Fehler: Anmelden/);
  }
  assert.match(replies[1]!.text, /value="ada@example.de"/, 'the address is kept, the password is not');
  assert.doesNotMatch(replies[1]!.text, /falsch-falsch/);
});

test('sign-in attempts are limited per client address and per account (429, Retry-After, German)', async () => {
  const one = new Browser(app, '198.51.100.1');
  for (let i = 0; i < 6; i++) assert.equal((await signIn(one, `rate${i}@example.de`, 'irgendein-passwort')).status, 401);
  const blocked = await signIn(one, 'bea@example.de', 'heftklammer-pferd-1');
  assert.equal(blocked.status, 429);
  assert.match(blocked.headers.get('retry-after') ?? '', /^\d+$/);
  assert.match(errorText(blocked) ?? '', /Zu viele Versuche/);
  for (let i = 0; i < 3; i++) assert.equal((await signIn(new Browser(app, `203.0.113.${i}`), 'konto@example.de', 'falsch-falsch-falsch')).status, 401);
  const account = await signIn(new Browser(app, '203.0.113.99'), 'Konto@example.de', 'falsch-falsch-falsch');
  assert.equal(account.status, 429, 'the same account from a fresh address');
  assert.equal((await signIn(new Browser(app, '203.0.113.98'), 'bea@example.de', 'heftklammer-pferd-1')).status, 303, 'other accounts still work');
});

test('roles: pages redirect to /anmelden, downloads answer 401, an analyst gets 403 on admin pages', async () => {
  const anonymous = new Browser(app, '192.0.2.50');
  const page = await anonymous.get('/verwaltung/wellen/w?x=1');
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), '/anmelden?weiter=%2Fverwaltung%2Fwellen%2Fw%3Fx%3D1');
  const download = await anonymous.get('/verwaltung/wellen/w/erinnerungen.csv');
  assert.equal(download.status, 401);
  assert.match(download.text, /Bitte melden Sie sich zuerst an/);
  const analyst = new Browser(app, '192.0.2.51');
  analyst.cookie = (await analystSession(app, f.store)).cookie;
  const home = await analyst.get('/verwaltung');
  assert.equal(home.status, 200);
  assert.match(home.text, /<nav aria-label="Verwaltung">[^]*<\/nav><\/header>\n<main id="inhalt">/, 'the skip link jumps over the navigation');
  const forbidden = await analyst.get('/verwaltung/konten');
  assert.equal(forbidden.status, 403);
  assert.match(forbidden.text, /fehlt Ihrem Konto die Berechtigung/);
  const admin = new Browser(app, '192.0.2.52');
  admin.cookie = (await analystSession(app, f.store, { role: 'admin' })).cookie;
  const users = await admin.get('/verwaltung/konten');
  assert.equal(users.status, 200);
  assert.match(users.text, /ada@example.de<\/th><td>Administration/);
  assert.equal(users.headers.get('cache-control'), 'no-store');
  const respondent = new Browser(app, '192.0.2.53');
  await respondent.signIn(f.letters.get('05111000')!);
  assert.equal((await respondent.get('/verwaltung')).status, 303, 'a respondent session is no analyst session');
});

test('logout ends the session on the server; login and logout need a same-origin post; redirects stay on the site', async () => {
  const app = createApp({ store: f.store, log: () => {}, baseUrl: 'http://localhost', loginAttempts: { perClient: tokenBucket(99, 1), perAccount: tokenBucket(99, 1) } });
  const browser = new Browser(app, '192.0.2.60');
  await signIn(browser, 'bea@example.de', 'heftklammer-pferd-1');
  const id = browser.cookie.split('=')[1]!;
  const stolen = browser.cookie;
  assert.equal((await browser.post('/abmelden', {}, { Origin: 'https://evil.example' })).status, 403);
  const out = await browser.post('/abmelden', {});
  assert.equal(out.status, 200);
  assert.match(out.headers.get('set-cookie') ?? '', /^dm_konto=; Max-Age=0; Path=\//);
  assert.equal(await f.store.analystSession(sha256(id)), null);
  browser.cookie = stolen;
  assert.equal((await browser.get('/verwaltung')).status, 303, 'the old cookie is worthless');
  const forged = await signIn(new Browser(app, '192.0.2.61'), 'bea@example.de', 'heftklammer-pferd-1');
  assert.equal(forged.status, 303);
  const csrf = await new Browser(app, '192.0.2.62').post('/anmelden', { email: 'bea@example.de', passwort: 'heftklammer-pferd-1', weiter: '/' }, { Origin: 'https://evil.example' });
  assert.equal(csrf.status, 403);
  for (const weiter of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    const reply = await signIn(new Browser(app, '192.0.2.63'), 'bea@example.de', 'heftklammer-pferd-1', weiter);
    assert.equal(reply.headers.get('location'), '/verwaltung', weiter);
  }
  const bad = await new Browser(app, '192.0.2.64').post('/anmelden', [['email', 'a@b.de'], ['email', 'c@d.de'], ['passwort', 'x']]);
  assert.equal(bad.status, 400);
});
