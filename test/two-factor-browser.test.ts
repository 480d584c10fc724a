// Two-factor login in Debian's Chromium through a real HTTP server: the login page with its code field and
// every state of /verwaltung/konto (off, pending with QR code, wrong code, recovery codes, on) have zero
// axe-core violations and no sideways scrolling at 320 px; none of them has a script (axe itself needs
// JavaScript in the tab, so it stays on).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { totpCode } from '../src/tasks/two-factor.js';
import { assertAccessiblePage, type BrowserSite, browseApp, clickAndWait } from './support/browser.js';
import { type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let site: BrowserSite;
let browser: Browser;
let base: string;

before(async () => {
  f = await surveyFixture();
  site = await browseApp(f.app);
  ({ browser, base } = site);
});
after(async () => {
  await site?.close();
  await f.close();
});

test('login page with code field and account page in every state: zero axe violations, no script', async () => {
  const user = await addUser(f.store, { email: 'zwei@example.de', role: 'analyst', password: 'zwei-faktor-passwort' }, 'test');
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${base}/anmelden`);
  await assertAccessiblePage(page, 'login');
  await page.fill('#email', 'zwei@example.de');
  await page.fill('#passwort', 'falsch-falsch-falsch');
  assert.equal(await clickAndWait(page, 'form[action="/anmelden"] button'), 401);
  await assertAccessiblePage(page, 'login error');
  await page.fill('#passwort', 'zwei-faktor-passwort');
  assert.equal(await clickAndWait(page, 'form[action="/anmelden"] button'), 200);
  await page.goto(`${base}/verwaltung/konto`);
  await assertAccessiblePage(page, 'account: off');
  assert.equal(await clickAndWait(page, 'text=Zwei-Faktor-Anmeldung einrichten'), 200);
  assert.equal(await page.locator('svg[role="img"]').count(), 1);
  await assertAccessiblePage(page, 'account: pending with QR code');
  await page.fill('#code', '12345');
  assert.equal(await clickAndWait(page, 'text=Einschalten'), 400);
  await assertAccessiblePage(page, 'account: wrong code');
  const { totpSecret } = await f.store.twoFactorState(user.id);
  await page.fill('#code', totpCode(totpSecret!, new Date()));
  assert.equal(await clickAndWait(page, 'text=Einschalten'), 200);
  await assertAccessiblePage(page, 'recovery codes');
  const codes = await page.locator('ol.codes code').allTextContents();
  assert.equal(codes.length, 10);
  await page.goto(`${base}/verwaltung/konto`);
  await assertAccessiblePage(page, 'account: on');
  assert.equal(await clickAndWait(page, 'text=Abmelden'), 200);
  await page.goto(`${base}/anmelden`);
  await page.fill('#email', 'zwei@example.de');
  await page.fill('#passwort', 'zwei-faktor-passwort');
  await page.fill('#code', codes[0]!);
  assert.equal(await clickAndWait(page, 'form[action="/anmelden"] button'), 200);
  assert.equal(new URL(page.url()).pathname, '/verwaltung');
  await context.close();
});
