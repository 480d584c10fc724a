// Two-factor login over the web, in-process (issue 11 "Two-factor login"): setup on /verwaltung/konto,
// login with a code or a recovery code, no replay, German messages that change nothing, lockout that
// survives a restart, session fixation. The app's clock is moved, never waited for.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Store } from '../src/store/store.js';
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from '../src/tasks/two-factor-login.js';
import { totpCode } from '../src/tasks/two-factor.js';
import { createApp } from '../src/web/create-app.js';
import { tokenBucket } from '../src/web/rate-limit.js';
import { analystSession } from './support/analyst-session.js';
import { Browser, type Reply, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let clock = Date.now();
const now = () => new Date(clock);
const later = (seconds: number) => void (clock += seconds * 1000);
const newApp = (): Hono =>
  createApp({ store: f.store, log: (line) => f.logged.push(line), baseUrl: 'http://localhost', now, loginAttempts: { perClient: tokenBucket(10_000, 1), perAccount: tokenBucket(10_000, 1) } });
let app: Hono;
let browsers = 0;
before(async () => {
  f = await surveyFixture();
  app = newApp();
});
after(() => f.close());

const LOGIN_FAILED = 'E-Mail-Adresse, Passwort oder Bestätigungscode ist falsch, oder das Konto ist gesperrt. Bitte erneut versuchen.';
const TOTP_INVALID = /Der Bestätigungscode ist falsch, abgelaufen oder wurde schon benutzt\. .* Es wurde nichts geändert\./;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const loginError = (reply: Reply) => /<p class="err" id="login-err"><span class="vh">Fehler: <\/span>(.*?)<\/p>/.exec(reply.text)?.[1];
const pageError = (reply: Reply) => /<p class="err" id="code-err"><span class="vh">Fehler: <\/span>(.*?)<\/p>/.exec(reply.text)?.[1] ?? '';
/** A well-formed code that is valid for none of the steps −1, 0, +1. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((step) => totpCode(secret, new Date(clock + step * 30_000))));
  let n = 0;
  while (valid.has(String(n).padStart(6, '0'))) n++;
  return String(n).padStart(6, '0');
}
const signIn = (browser: Browser, email: string, passwort: string, code?: string) =>
  browser.post('/anmelden', { email, passwort, weiter: '/verwaltung', ...(code === undefined ? {} : { code }) });

/** A signed-in browser whose account has two-factor login on; returns its secret and recovery codes. */
async function withTwoFactor(store: Store, role: 'analyst' | 'admin' = 'analyst') {
  const login = await analystSession(app, store, { role });
  const browser = new Browser(app, `192.0.2.${++browsers + 20}`);
  browser.cookie = login.cookie;
  assert.equal((await browser.post('/verwaltung/konto/zwei-faktor/einrichten', {})).status, 303);
  const { totpSecret } = await store.twoFactorState(login.user.id);
  const done = await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', { code: totpCode(totpSecret!, now()) });
  assert.equal(done.status, 200, done.text);
  const codes = [...done.text.matchAll(/<li><code>([0-9A-Z-]+)<\/code><\/li>/g)].map((m) => m[1]!);
  later(30);
  return { ...login, browser, secret: totpSecret!, codes };
}

test('setup: secret as QR code (inline SVG) and text, confirmed with a code; 10 recovery codes shown once, stored as SHA-256', async () => {
  const login = await analystSession(app, f.store);
  const browser = new Browser(app, '192.0.2.10');
  browser.cookie = login.cookie;
  const off = await browser.get('/verwaltung/konto');
  assert.equal(off.status, 200);
  assert.match(off.text, /ist <strong>ausgeschaltet<\/strong>/);
  assert.match(off.text, /<a href="\/verwaltung\/konto">Mein Konto<\/a>/);
  assert.equal((await browser.post('/verwaltung/konto/zwei-faktor/einrichten', {}, { Origin: 'https://evil.example' })).status, 403, 'CSRF-checked');
  const started = await browser.post('/verwaltung/konto/zwei-faktor/einrichten', {});
  assert.equal(started.status, 303);
  assert.equal(started.headers.get('location'), '/verwaltung/konto');
  const { totpSecret } = await f.store.twoFactorState(login.user.id);
  assert.match(totpSecret ?? '', /^[A-Z2-7]{32}$/);
  const pending = await browser.get('/verwaltung/konto');
  assert.match(pending.text, /<svg [^>]*role="img" aria-label="QR-Code zum Einrichten der Authenticator-App"[^>]*viewBox/);
  assert.match(pending.text, new RegExp(`<code id="secret">${totpSecret!.match(/.{4}/g)!.join(' ')}</code>`));
  assert.doesNotMatch(pending.text, /<script/);
  assert.equal(pending.headers.get('cache-control'), 'no-store');
  const done = await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', { code: totpCode(totpSecret!, now()) });
  assert.equal(done.status, 200);
  const codes = [...done.text.matchAll(/<li><code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(new Set(codes).size, 10);
  const state = await f.store.twoFactorState(login.user.id);
  assert.equal(state.recoveryCodesLeft, 10);
  assert.ok(state.totpEnabledAt);
  const snapshot = JSON.stringify(await f.store.snapshot());
  for (const code of codes) assert.ok(!snapshot.includes(code) && !snapshot.includes(code.replaceAll('-', '')), 'only hashes are stored');
  assert.ok(snapshot.includes(sha256(codes[0]!.replaceAll('-', ''))));
  const on = await browser.get('/verwaltung/konto');
  assert.match(on.text, /ist <strong>eingeschaltet<\/strong>/);
  assert.match(on.text, /Unbenutzte Wiederherstellungscodes: 10 von 10/);
  assert.doesNotMatch(on.text, new RegExp(codes[0]!), 'shown once');
  assert.equal((await f.store.auditLog(1))[0]?.action, 'user.2fa_on');
});

test('setup: an expired, wrong, malformed or missing code gets a German message and changes nothing', async () => {
  const login = await analystSession(app, f.store);
  const browser = new Browser(app, '192.0.2.11');
  browser.cookie = login.cookie;
  await browser.post('/verwaltung/konto/zwei-faktor/einrichten', {});
  const before = await f.store.twoFactorState(login.user.id);
  const secret = before.totpSecret!;
  const right = totpCode(secret, now());
  const wrong = wrongCode(secret);
  for (const code of [totpCode(secret, new Date(clock - 90_000)), totpCode(secret, new Date(clock + 90_000)), wrong, '12345', 'abcdef', '1234567', '', '<script>']) {
    const reply = await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', { code });
    assert.equal(reply.status, 400, code);
    assert.match(pageError(reply), TOTP_INVALID, code);
    assert.match(reply.text, /aria-invalid="true"/);
    assert.deepEqual(await f.store.twoFactorState(login.user.id), before, `nothing changed: ${code}`);
  }
  const missing = await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', {});
  assert.equal(missing.status, 400);
  assert.match(pageError(missing), /Das Feld „code“ fehlt/);
  assert.deepEqual(await f.store.twoFactorState(login.user.id), before);
  const offWithoutOn = await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code: right });
  assert.equal(offWithoutOn.status, 409);
  assert.match(pageError(offWithoutOn), /nicht \(mehr\) in Einrichtung oder nicht eingeschaltet/);
  const oneStepOld = await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', { code: totpCode(secret, new Date(clock - 30_000)) });
  assert.equal(oneStepOld.status, 200, 'one step of clock drift is allowed');
});

test('login with two-factor on: password alone, a wrong, expired or replayed code fail alike; a fresh code or an unused recovery code passes', async () => {
  const { email, password, secret, codes, user } = await withTwoFactor(f.store);
  const attempt = (code?: string) => signIn(new Browser(app, '192.0.2.12'), email, password, code);
  const fresh = totpCode(secret, now());
  const failures = [
    await attempt(),
    await attempt(''),
    await attempt(totpCode(secret, new Date(clock - 90_000))),
    await attempt(wrongCode(secret)),
    await attempt('12 34'),
    await attempt('x'.repeat(100)),
    await signIn(new Browser(app, '192.0.2.12'), email, 'falsches-passwort-123', fresh),
  ];
  for (const reply of failures) {
    assert.equal(reply.status, 401);
    assert.equal(loginError(reply), LOGIN_FAILED);
    assert.equal(reply.headers.get('set-cookie'), null);
  }
  const browser = new Browser(app, '192.0.2.12');
  const ok = await signIn(browser, email, password, ` ${fresh.slice(0, 3)} ${fresh.slice(3)} `);
  assert.equal(ok.status, 303, 'a wrong password did not use up the code');
  assert.equal((await browser.get('/verwaltung')).status, 200);
  const replay = await attempt(fresh);
  assert.equal(replay.status, 401, 'the same code (same time step) twice');
  assert.equal(loginError(replay), LOGIN_FAILED);
  const recovery = await attempt(codes[0]!.toLowerCase());
  assert.equal(recovery.status, 303, 'a recovery code, lower case');
  assert.equal((await attempt(codes[0]!)).status, 401, 'a recovery code used twice');
  const state = await f.store.twoFactorState(user.id);
  assert.equal(state.recoveryCodesLeft, 9);
  assert.equal(state.failedLogins, 1, 'the success after failures restarted the count; the reused code counted');
  const audit = (await f.store.auditLog(20)).filter((e) => e.subject === `user:${email}`).map((e) => e.action);
  assert.ok(audit.includes('user.recovery_code_used'));
});

test('switching off needs a valid code; a recovery code works; a used one and an expired code change nothing', async () => {
  const { browser, secret, codes, user } = await withTwoFactor(f.store);
  for (const code of [totpCode(secret, new Date(clock - 90_000)), wrongCode(secret), 'ABCD-EFGH']) {
    const reply = await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code });
    assert.equal(reply.status, 400, code);
    assert.match(pageError(reply), TOTP_INVALID);
    assert.ok((await f.store.twoFactorState(user.id)).totpEnabledAt, 'still on');
  }
  const offWithRecovery = await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code: codes[1]! });
  assert.equal(offWithRecovery.status, 303);
  const page = await browser.get(offWithRecovery.headers.get('location')!);
  assert.match(page.text, /Die Zwei-Faktor-Anmeldung ist ausgeschaltet\./);
  assert.equal((await f.store.twoFactorState(user.id)).totpEnabledAt, null);
  assert.deepEqual((await f.store.auditLog(2)).map((e) => e.action), ['user.2fa_off', 'user.recovery_code_used']);
});

test(`lockout: ${LOCKOUT_FAILURES} failures in a row lock the account for ${LOCKOUT_MINUTES} minutes, with the same message, across a restart`, async () => {
  const { email, password, secret, user } = await withTwoFactor(f.store, 'admin');
  for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) assert.equal((await signIn(new Browser(app, `198.51.100.${i}`), email, i % 2 ? password : 'falsch-falsch-falsch', wrongCode(secret))).status, 401);
  assert.equal((await f.store.twoFactorState(user.id)).failedLogins, LOCKOUT_FAILURES - 1);
  await signIn(new Browser(app, '198.51.100.99'), email, password, 'kaputt');
  const state = await f.store.twoFactorState(user.id);
  assert.equal(Date.parse(state.lockedUntil!), clock + LOCKOUT_MINUTES * 60_000);
  assert.deepEqual((await f.store.auditLog(2)).map((e) => [e.action, e.subject]), [['user.login_failed', `user:${email}`], ['user.locked', `user:${email}`]]);
  later(30);
  const restarted = newApp();
  const locked = await signIn(new Browser(restarted, '198.51.100.100'), email, password, totpCode(secret, now()));
  assert.equal(locked.status, 401, 'right password and code, but locked — also in a new process');
  assert.equal(loginError(locked), LOGIN_FAILED);
  assert.equal(loginError(await signIn(new Browser(restarted, '198.51.100.101'), 'niemand@example.de', password)), LOGIN_FAILED, 'unknown: same text');
  later(LOCKOUT_MINUTES * 60);
  const open = await signIn(new Browser(restarted, '198.51.100.102'), email, password, totpCode(secret, now()));
  assert.equal(open.status, 303, 'the lock has run out');
  assert.deepEqual(await f.store.twoFactorState(user.id).then((s) => [s.failedLogins, s.lockedUntil]), [0, null]);
});

test(`switching off: ${LOCKOUT_FAILURES} wrong codes in a row lock the account like failed logins; a locked account cannot switch off or sign in`, async () => {
  const { browser, email, password, secret, user } = await withTwoFactor(f.store);
  for (let i = 0; i < LOCKOUT_FAILURES; i++) assert.equal((await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code: wrongCode(secret) })).status, 400);
  assert.equal(Date.parse((await f.store.twoFactorState(user.id)).lockedUntil!), clock + LOCKOUT_MINUTES * 60_000);
  later(30);
  const refused = await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code: totpCode(secret, now()) });
  assert.equal(refused.status, 429);
  assert.equal(pageError(refused), `Zu viele falsche Codes in Folge: Das Konto ist vorübergehend gesperrt. Bitte in ${LOCKOUT_MINUTES} Minuten erneut versuchen. Es wurde nichts geändert.`);
  assert.ok((await f.store.twoFactorState(user.id)).totpEnabledAt, 'still on');
  assert.equal(loginError(await signIn(new Browser(app, '198.51.100.150'), email, password, totpCode(secret, now()))), LOGIN_FAILED);
  later(LOCKOUT_MINUTES * 60);
  assert.equal((await browser.post('/verwaltung/konto/zwei-faktor/ausschalten', { code: totpCode(secret, now()) })).status, 303);
  assert.deepEqual(await f.store.twoFactorState(user.id).then((s) => [s.totpEnabledAt, s.failedLogins, s.lockedUntil]), [null, 0, null]);
});

test('session fixation: a login gets a new session id and ends the session of the cookie it was sent with', async () => {
  const { cookie, email, password } = await analystSession(app, f.store);
  const old = cookie.split('=')[1]!;
  const browser = new Browser(app, '192.0.2.13');
  browser.cookie = cookie;
  const again = await signIn(browser, email, password);
  assert.equal(again.status, 303);
  assert.notEqual(browser.cookie, cookie);
  assert.equal(await f.store.analystSession(sha256(old)), null, 'the old session is gone');
  const planted = new Browser(app, '192.0.2.14');
  planted.cookie = 'dm_konto=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  assert.equal((await signIn(planted, email, password)).status, 303);
  assert.notEqual(planted.cookie, 'dm_konto=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'a planted id is never adopted');
  const failed = new Browser(app, '192.0.2.15');
  failed.cookie = browser.cookie;
  assert.equal((await signIn(failed, email, 'falsch-falsch-falsch')).status, 401);
  assert.equal((await failed.get('/verwaltung')).status, 200, 'a failed attempt does not end a live session');
});

test('switching two-factor login on ends every other session of the account; the confirming browser stays signed in', async () => {
  const first = await analystSession(app, f.store);
  const other = new Browser(app, '192.0.2.16');
  assert.equal((await signIn(other, first.email, first.password)).status, 303);
  assert.equal((await other.get('/verwaltung')).status, 200, 'a second session opened with the password alone');
  const stranger = await analystSession(app, f.store);
  const browser = new Browser(app, '192.0.2.17');
  browser.cookie = first.cookie;
  await browser.post('/verwaltung/konto/zwei-faktor/einrichten', {});
  const { totpSecret } = await f.store.twoFactorState(first.user.id);
  assert.equal((await browser.post('/verwaltung/konto/zwei-faktor/bestaetigen', { code: totpCode(totpSecret!, now()) })).status, 200);
  later(30);
  assert.equal((await browser.get('/verwaltung')).status, 200, 'the confirming browser stays signed in');
  const ended = await other.get('/verwaltung');
  assert.equal(ended.status, 303, 'the other session has ended');
  assert.match(ended.headers.get('location') ?? '', /^\/anmelden/);
  const strangerBrowser = new Browser(app, '192.0.2.18');
  strangerBrowser.cookie = stranger.cookie;
  assert.equal((await strangerBrowser.get('/verwaltung')).status, 200, 'other accounts keep their sessions');
  const entry = (await f.store.auditLog(1))[0]!;
  assert.equal(entry.action, 'user.2fa_on');
  assert.deepEqual(entry.details, { recoveryCodes: 10, endedSessions: 1 });
});
