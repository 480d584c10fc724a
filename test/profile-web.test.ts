// The Digitalprofil on the web: the receipt links to it; a respondent sees only the own unit's profile,
// analysts any — every other id is 404; German pages for bad input; CSP-clean, small, axe-clean.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { InvitationLetter } from '../src/formats/invitation-letters-csv.js';
import { inviteUnits } from '../src/tasks/invitations.js';
import { answersSha256 } from '../src/tasks/submit-response.js';
import { buildProfile } from '../src/tasks/build-profile.js';
import { createApp } from '../src/web/create-app.js';
import { PROFILE_CSS_PATH } from '../src/web/profile/profile-routes.js';
import { tokenBucket } from '../src/web/rate-limit.js';
import { analystSession } from './support/analyst-session.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { Browser, ORIGIN } from './support/survey-fixture.js';
import { type ProfileFixture, profileFixture } from './profile-fixture.js';

let fixture: ProfileFixture;
let app: ReturnType<typeof createApp>;
let letters: Map<string, InvitationLetter>;
let units: string[];

before(async () => {
  fixture = await profileFixture();
  const { store } = fixture;
  units = fixture.demo.slice(10, 16).map((r) => r.ags);
  await store.createWave({ id: 'offen', title: 'Offene Welle', instrumentVersion: '2019', demo: true, target: { ags: units } });
  await store.setWaveStatus('offen', 'open');
  await store.saveResponses('offen', fixture.demo.slice(10, 16).map((r) => ({ ags: r.ags, answers: r.answers })), { status: 'submitted', source: 'import', actor: 'test' });
  letters = new Map();
  await inviteUnits(store, { waveId: 'offen', baseUrl: ORIGIN, reissue: 'new', actor: 'test' }, async (issued) => {
    for (const letter of issued) letters.set(letter.ags, letter);
  });
  const own = (await store.responseFor('offen', units[0]!))!;
  await store.writeResponse('offen', units[0]!, { baseRevision: own.revision, answers: own.answers, submitSha256: answersSha256(own.answers), actor: 'test' });
  app = createApp({ store, log: () => {}, baseUrl: ORIGIN, codeAttempts: tokenBucket(1_000, 60_000) });
});
after(() => fixture.store.close());

async function respondent(): Promise<Browser> {
  const browser = new Browser(app);
  const signIn = await browser.signIn(letters.get(units[0]!)!);
  assert.equal(signIn.status, 303);
  return browser;
}

test('the receipt links to the own Digitalprofil, which opens under the strict CSP', async () => {
  const browser = await respondent();
  const receipt = await browser.get('/umfrage/quittung');
  assert.equal(receipt.status, 200);
  const link = `/umfrage/digitalprofil/offen/${units[0]}`;
  assert.ok(receipt.text.includes(`href="${link}"`), receipt.text);
  const { cookie } = await analystSession(app, fixture.store);
  const monitoring = await app.request('/verwaltung/wellen/offen', { headers: { Cookie: cookie } });
  assert.ok((await monitoring.text()).includes(`href="/verwaltung/wellen/offen/digitalprofil/${units[0]}"`), 'the analysts link the profile once k units answered');
  const page = await browser.get(link);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1>Digitalprofil: /);
  assert.ok(page.text.includes(`<link rel="stylesheet" href="${PROFILE_CSS_PATH}">`));
  assert.doesNotMatch(page.text, /<style|style="|<script/);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  const css = await browser.get(PROFILE_CSS_PATH);
  assert.equal(css.status, 200);
  assert.ok(gzipSync(page.text).length + gzipSync(css.text).length <= 50 * 1024);
});

test('respondents: every id but their own is 404, as is no session', async () => {
  const browser = await respondent();
  for (const path of [
    `/umfrage/digitalprofil/offen/${units[1]}`,
    `/umfrage/digitalprofil/2019-demo/${units[0]}`,
    `/umfrage/digitalprofil/2019-demo/${units[1]}`,
    `/umfrage/digitalprofil/gibt-es-nicht/${units[0]}`,
    `/umfrage/digitalprofil/offen/06411000`,
    `/umfrage/digitalprofil/offen/abc`,
  ]) {
    const reply = await browser.get(path);
    assert.equal(reply.status, 404, path);
    assert.doesNotMatch(reply.text, /Digitalprofil: /, path);
  }
  const anonymous = await new Browser(app).get(`/umfrage/digitalprofil/offen/${units[0]}`);
  assert.equal(anonymous.status, 404);
  const analystUrl = await browser.get(`/verwaltung/wellen/offen/digitalprofil/${units[1]}`);
  assert.notEqual(analystUrl.status, 200);
  assert.doesNotMatch(analystUrl.text, /Digitalprofil: /);
});

test('analysts open any profile; unknown or foreign ids are 404 with a German explanation', async () => {
  const { cookie } = await analystSession(app, fixture.store);
  const get = (path: string) => app.request(path, { headers: { Cookie: cookie } });
  const ok = await get(`/verwaltung/wellen/2019-demo/digitalprofil/${fixture.demo[200]!.ags}`);
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /<h1>Digitalprofil: /);
  const cases: [string, number, RegExp][] = [
    [`/verwaltung/wellen/2019-demo/digitalprofil/06411000`, 404, /keinen abgeschickten Fragebogen/],
    [`/verwaltung/wellen/zwischen/digitalprofil/${fixture.demo[200]!.ags}`, 404, /teilgenommen/],
    [`/verwaltung/wellen/gibt-es-nicht/digitalprofil/${fixture.demo[200]!.ags}`, 404, /gibt es nicht/],
    [`/verwaltung/wellen/2019-demo/digitalprofil/123`, 404, /AGS „123“ ist ungültig/],
    [`/verwaltung/wellen/drei/digitalprofil/${fixture.demo[0]!.ags}`, 409, /<title>Digitalprofil noch nicht verfügbar – [\s\S]*erst 3 Kommunen geantwortet/],
  ];
  for (const [path, status, message] of cases) {
    const reply = await get(path);
    assert.equal(reply.status, status, path);
    const text = await reply.text();
    assert.match(text, /<html lang="de">/);
    assert.match(text, message, path);
  }
  const anonymous = await app.request(`/verwaltung/wellen/2019-demo/digitalprofil/${fixture.demo[200]!.ags}`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/anmelden\?weiter=/);
});

test('axe-core finds no violation on a profile with history, merged groups and peers', async () => {
  const html = await buildProfile(fixture.store, { waveId: 'zwischen', ags: fixture.later[0]!, format: 'html' });
  const demoHtml = await buildProfile(fixture.store, { waveId: '2019-demo', ags: fixture.demo[0]!.ags, format: 'html' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const text of [html, demoHtml]) {
      assert.ok(gzipSync(text).length <= 50 * 1024);
      await page.setContent(text);
      assert.deepEqual(await axeViolations(page), []);
    }
  } finally {
    await browser.close();
  }
});
