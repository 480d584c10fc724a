// /verwaltung/api-schluessel in Debian's Chromium: empty, with an error, with the new key shown once, and
// with a revoked key — zero axe-core violations, no script, no sideways scrolling at 320 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analystSession } from './support/analyst-session.js';
import { assertAccessiblePage, type BrowserSite, browseApp, clickAndWait } from './support/browser.js';
import { type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let site: BrowserSite;
before(async () => {
  f = await surveyFixture();
  site = await browseApp(f.app);
});
after(async () => {
  await site?.close();
  await f.close();
});

test('API keys page in every state: zero axe violations, no script, fits 320 px', async () => {
  // Signed in in-process (the login page has its own browser test); the browser gets the session cookie.
  const login = await analystSession(f.app, f.store);
  const [name, value] = login.cookie.split('=') as [string, string];
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  await context.addCookies([{ name, value, url: site.base }]);
  const page = await context.newPage();
  await page.goto(`${site.base}/verwaltung/api-schluessel`);
  await assertAccessiblePage(page, 'empty');
  assert.equal(await clickAndWait(page, 'form[action="/verwaltung/api-schluessel"] button'), 400);
  await assertAccessiblePage(page, 'error');
  await page.fill('#name', 'Auswertungsskript mit einem recht langen Namen');
  assert.equal(await clickAndWait(page, 'form[action="/verwaltung/api-schluessel"] button'), 200);
  assert.match((await page.locator('#new-key').textContent()) ?? '', /^dm_/);
  await assertAccessiblePage(page, 'created, key shown once');
  assert.equal(await clickAndWait(page, 'button:has-text("Widerrufen")'), 200);
  await assertAccessiblePage(page, 'revoked');
  await context.close();
});
