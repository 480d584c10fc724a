// The respondent form under attack and misuse, in-process: session exchange, CSRF, another unit's data,
// revision conflicts between two staff members, rate limiting, and every kind of malformed request.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createApp } from '../src/web/create-app.js';
import { Browser, ORIGIN, type Reply, revisionIn, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
before(async () => {
  f = await surveyFixture({ codeAttempts: 5 });
});
after(() => f.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const code = (ags: string) => f.letters.get(ags)!.code;

async function signedIn(ags: string, ip = '192.0.2.10'): Promise<Browser> {
  const browser = new Browser(f.app, ip);
  const reply = await browser.signIn(f.letters.get(ags)!);
  assert.equal(reply.status, 303, reply.text);
  return browser;
}

async function snapshot() {
  return { responses: await f.store.responsesForWave('w'), audit: (await f.store.auditLog()).length };
}

function assertGerman(reply: Reply, status: number, pattern: RegExp) {
  assert.equal(reply.status, status, reply.text.slice(0, 500));
  assert.match(reply.text, /<html lang="de">/);
  assert.match(reply.text, pattern);
}

test('the code is exchanged for an HttpOnly session cookie and leaves the address; pages carry strict headers', async () => {
  const browser = new Browser(f.app, '192.0.2.20');
  const reply = await browser.signIn(f.letters.get('05111000')!);
  assert.equal(reply.status, 303);
  assert.equal(reply.headers.get('location'), '/umfrage');
  const cookie = reply.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^dm_sitzung=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/umfrage; HttpOnly; SameSite=Lax$/);
  const sessionId = browser.cookie.split('=')[1]!;
  assert.ok(!cookie.includes(code('05111000').replace(/-/g, '')));
  assert.equal((await f.store.respondentSession(sha256(sessionId)))?.ags, '05111000', 'stored as SHA-256');
  assert.equal(await f.store.respondentSession(sessionId), null);
  const page = await browser.get('/umfrage/seite/1');
  assert.equal(page.headers.get('content-security-policy')?.split(';')[0], "default-src 'self'");
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.doesNotMatch(page.text, /<script|<style|\sstyle=|\son[a-z]+=/i, 'no inline script or style');
  const css = await browser.get('/static/app.css');
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  const secure = createApp({ store: f.store, log: () => {}, baseUrl: 'https://umfrage.example.de' });
  const https = await secure.request(`https://umfrage.example.de/umfrage/${code('05113000')}`);
  assert.match(https.headers.get('set-cookie') ?? '', /; Secure/);
});

test('unknown, revoked and closed-wave codes get German pages with the right status; guessing is rate-limited', async () => {
  const guesser = new Browser(f.app, '198.51.100.7');
  assertGerman(await guesser.get('/umfrage/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG'), 404, /Dieser Zugangscode ist nicht gültig/);
  const typed = await guesser.post('/umfrage/anmelden', { code: 'falsch-aber-lang-genug-1234' });
  assertGerman(typed, 404, /nicht gültig/);
  assert.match(typed.text, /aria-invalid="true"/);
  await f.store.issueInvitations('w', [{ ags: '05158000', codeSha256: sha256('X'.repeat(28)) }], { actor: 't', replaceActive: true });
  assertGerman(await guesser.get(new URL(f.letters.get('05158000')!.link).pathname), 403, /widerrufen/);
  for (let i = 0; i < 2; i += 1) await guesser.get('/umfrage/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');
  const limited = await guesser.get(new URL(f.letters.get('05113000')!.link).pathname);
  assertGerman(limited, 429, /Zu viele Versuche\. Bitte warten Sie \d+ Sekunden/);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.equal(guesser.cookie, '', 'even a right code is refused while limited');
  assert.equal((await new Browser(f.app, '198.51.100.8').signIn(f.letters.get('05113000')!)).status, 303, 'other addresses are not affected');
});

test('every POST route refuses cross-site requests (Origin / Sec-Fetch-Site) and changes nothing', async () => {
  const browser = await signedIn('05113000');
  const page = await browser.get('/umfrage/seite/2');
  const before = await snapshot();
  const posts: [string, Record<string, string>][] = [
    ['/umfrage/seite/2', { revision: revisionIn(page.text), strategy_status: 'geplant' }],
    ['/umfrage/start', {}],
    ['/umfrage/abschicken', { revision: revisionIn(page.text) }],
    ['/umfrage/anmelden', { code: code('05113000') }],
    ['/umfrage/abmelden', {}],
  ];
  const attacks: Record<string, string>[] = [
    { Origin: '' },
    { Origin: 'https://evil.example' },
    { Origin: ORIGIN, 'Sec-Fetch-Site': 'cross-site' },
    { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-site' },
  ];
  for (const [path, fields] of posts) {
    for (const headers of attacks) {
      const init = headers.Origin === '' ? { 'Sec-Fetch-Site': 'cross-site', Origin: 'null' } : headers;
      const reply = await browser.post(path, fields, init);
      assertGerman(reply, 403, /Die Anfrage kam nicht von dieser Seite/);
    }
  }
  const noHeaders = await browser.send('/umfrage/start', { method: 'POST', body: '', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(noHeaders.status, 403, 'neither Origin nor Sec-Fetch-Site');
  assert.deepEqual(await snapshot(), before);
  const sameOrigin = await browser.send('/umfrage/start', { method: 'POST', body: '', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' } });
  assert.equal(sameOrigin.status, 303, 'a browser that sends only Sec-Fetch-Site: same-origin is fine');
});

test("a respondent can never read or write another unit's answers", async () => {
  const essen = await signedIn('05113000');
  const secret = `GEHEIM-${'05113000'}`;
  const page = await essen.get('/umfrage/seite/9');
  assert.equal((await essen.post('/umfrage/seite/9', { revision: revisionIn(page.text), comments: secret })).status, 303);
  const duesseldorf = await signedIn('05111000');
  const gets = ['/umfrage', '/umfrage/pruefen', '/umfrage/quittung', '/umfrage/gespeichert?seite=9', ...Array.from({ length: 9 }, (_, i) => `/umfrage/seite/${i + 1}`)];
  for (const path of gets) {
    for (const query of ['', `${path.includes('?') ? '&' : '?'}ags=05113000&wave=w&welle=w`]) {
      const reply = await duesseldorf.get(path + query);
      assert.ok(reply.status < 500);
      assert.ok(!reply.text.includes(secret) && !reply.text.includes('Essen') && !reply.text.includes('05113000'), `${path}${query} leaks`);
    }
  }
  const before = await f.store.responseFor('w', '05113000');
  const own = await duesseldorf.get('/umfrage/seite/9');
  const extras: Record<string, string>[] = [{ ags: '05113000' }, { wave: 'w' }, { welle: 'w', ags: '05113000' }];
  for (const extra of extras) {
    const reply = await duesseldorf.post('/umfrage/seite/9', { revision: revisionIn(own.text), comments: 'übernommen', ...extra });
    assertGerman(reply, 400, /unerwartete Felder/);
  }
  const forged = new Browser(f.app);
  forged.cookie = `dm_sitzung=${'A'.repeat(43)}`;
  assertGerman(await forged.get('/umfrage/seite/9'), 403, /Sitzung ist abgelaufen oder ungültig/);
  assertGerman(await forged.post('/umfrage/seite/9', { revision: '1', comments: 'x' }), 403, /Es wurde nichts gespeichert/);
  assert.deepEqual(await f.store.responseFor('w', '05113000'), before);
  await f.store.revokeInvitations('w', ['05113000'], 'test');
  assertGerman(await essen.get('/umfrage/seite/9'), 403, /Sitzung/);
});

test('two staff members of one unit: a stale save is never silently applied; the page shows what changed (409)', async () => {
  await f.store.issueInvitations('w', [{ ags: '05113000', codeSha256: sha256('Y'.repeat(28)) }], { actor: 't', replaceActive: true });
  const signIn = async () => {
    const browser = new Browser(f.app, '192.0.2.30');
    assert.equal((await browser.get(`/umfrage/${'Y'.repeat(28)}`)).status, 303);
    return browser;
  };
  const [anna, ben] = [await signIn(), await signIn()];
  const annaPage = await anna.get('/umfrage/seite/9');
  const benPage = await ben.get('/umfrage/seite/9');
  const base = revisionIn(annaPage.text);
  assert.equal(revisionIn(benPage.text), base);
  assert.equal((await ben.post('/umfrage/seite/9', { revision: base, peer_exchange: 'nein', comments: 'Ben war hier' })).status, 303);
  const benSaved = await f.store.responseFor('w', '05113000');
  const stale = await anna.post('/umfrage/seite/9', { revision: base, peer_exchange: 'ja', comments: 'Anna schreibt' });
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Jemand anderes hat diese Seite inzwischen gespeichert/);
  assert.match(stale.text, /<title>Fehler: [^<]*\(Seite 9 von 9\)/, 'the title says nothing was saved');
  assert.match(stale.text, /aria-labelledby="konflikt-titel" tabindex="-1" autofocus>/, 'focus on the notice');
  assert.match(stale.text, /Dürfen andere teilnehmende Kommunen[^<]*<\/a>: gespeichert „Nein“, Ihre Eingabe „Ja“/);
  assert.match(stale.text, /Anmerkungen<\/a>: gespeichert „Ben war hier“, Ihre Eingabe „Anna schreibt“/);
  assert.match(stale.text, /Inzwischen von anderer Person gespeichert: „Nein“/);
  assert.match(stale.text, /name="peer_exchange" value="ja"(?: id="[^"]+")? checked/, 'the form keeps her input');
  assert.equal(revisionIn(stale.text), String(benSaved?.revision), 'the form is now based on the current revision');
  assert.deepEqual(await f.store.responseFor('w', '05113000'), benSaved, 'nothing was overwritten');
  const chosen = await anna.post('/umfrage/seite/9', { revision: revisionIn(stale.text), peer_exchange: 'nein', comments: 'Ben war hier; Anna auch' });
  assert.equal(chosen.status, 303);
  assert.equal((await f.store.responseFor('w', '05113000'))?.answers.comments, 'Ben war hier; Anna auch');

  // Only Ben changes the comment; Anna (stale) changes another question: his change is taken over, nothing to choose.
  const annaAgain = await anna.get('/umfrage/seite/9');
  const benAgain = await ben.get('/umfrage/seite/9');
  await ben.post('/umfrage/seite/9', { revision: revisionIn(benAgain.text), peer_exchange: 'nein', comments: 'Neu von Ben' });
  const merged = await anna.post('/umfrage/seite/9', { revision: revisionIn(annaAgain.text), peer_exchange: 'ja', comments: 'Ben war hier; Anna auch' });
  assert.equal(merged.status, 409);
  assert.match(merged.text, /Nur von der anderen Person geändert und ins Formular übernommen: Anmerkungen\./);
  assert.match(merged.text, /<textarea[^>]*>Neu von Ben<\/textarea>/);
  const stale2 = await anna.post('/umfrage/abschicken', { revision: revisionIn(annaAgain.text) });
  assertGerman(stale2, 409, /Inzwischen hat jemand anderes Antworten gespeichert/);
  assert.equal((await f.store.responseFor('w', '05113000'))?.status, 'draft');
});

test('malformed requests get German messages with 400/404/405/409/413, never 500, and change nothing', async () => {
  const browser = await signedIn('05111000', '192.0.2.40');
  const page = await browser.get('/umfrage/seite/1');
  const revision = revisionIn(page.text);
  const before = await snapshot();
  const raw = (body: string | Uint8Array, type = 'application/x-www-form-urlencoded') =>
    browser.send('/umfrage/seite/1', { method: 'POST', body: body as BodyInit, headers: { 'Content-Type': type, Origin: ORIGIN } });
  assertGerman(await raw(`revision=${revision}&respondent_role=%FF%FE`), 400, /nicht in UTF-8/);
  assertGerman(await raw(Uint8Array.from([...Buffer.from(`revision=${revision}&respondent_role=`), 0xc3, 0x28])), 400, /nicht in UTF-8/);
  assertGerman(await raw(`revision=${revision}&respondent_role=%E2%82`), 400, /nicht in UTF-8/);
  assertGerman(await raw(`revision=${revision}&respondent_role=a%00b`), 400, /Steuerzeichen/);
  assertGerman(await raw(`revision=${revision}&respondent_role=%G1`), 400, /%-Kodierung/);
  assertGerman(await raw('respondent_role=cdo'), 400, /Das Feld „revision“ fehlt/);
  assertGerman(await raw(`revision=${revision}&revision=${revision}`), 400, /mehrfach/);
  assertGerman(await raw('revision=eins'), 400, /keine Zahl/);
  assertGerman(await raw(`revision=${revision}&aktion=loeschen`), 400, /Wert von „aktion“/);
  assertGerman(await raw(`revision=${revision}&respondent_role=cdo&respondent_role=cio`), 400, /unerwartete Felder oder Werte: respondent_role/);
  assertGerman(await raw(JSON.stringify({ revision }), 'application/json'), 400, /Formulardaten/);
  assertGerman(await raw(`revision=${revision}&comments=${'x'.repeat(70_000)}`), 413, /zu groß/);
  const missing = await browser.get('/umfrage/seite/10');
  assertGerman(missing, 404, /Nicht gefunden/);
  assert.match(missing.text, /<title>Fehler: Nicht gefunden – Kommunaler Digitalmonitor<\/title>/, 'the title says which error (WCAG 2.4.2)');
  assertGerman(await browser.get('/umfrage/seite/0'), 404, /Nicht gefunden/);
  const put = await browser.send('/umfrage/seite/1', { method: 'PUT', body: 'x', headers: { Origin: ORIGIN } });
  assertGerman(put, 405, /Methode PUT ist für diese Adresse nicht erlaubt/);
  assert.equal(put.headers.get('allow'), 'GET, HEAD, POST');
  assertGerman(await browser.send('/umfrage/pruefen', { method: 'DELETE' }), 405, /nicht erlaubt/);
  assertGerman(await browser.get('/umfrage/abschicken'), 405, /Methode GET/);
  assert.deepEqual(await snapshot(), before);

  await f.store.setWaveStatus('w', 'closed');
  const atClose = await snapshot(); // closing publishes the wave: one audit entry
  assert.equal(atClose.audit, before.audit + 1);
  try {
    const closed = await browser.post('/umfrage/seite/1', { revision, respondent_role: 'cdo' });
    assertGerman(closed, 409, /ist nicht \(mehr\) geöffnet\. Ihre Eingabe wurde nicht gespeichert/);
    assertGerman(await browser.post('/umfrage/abschicken', { revision }), 409, /nicht gespeichert/);
    assertGerman(await browser.get('/umfrage/seite/1'), 403, /derzeit nicht geöffnet/);
    assertGerman(await new Browser(f.app, '192.0.2.41').signIn(f.letters.get('05111000')!), 403, /derzeit nicht geöffnet/);
    assert.deepEqual(await snapshot(), atClose);
  } finally {
    await f.store.setWaveStatus('w', 'open');
  }
  assert.deepEqual(f.logged, [], 'no internal error');
});
