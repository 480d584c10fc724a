// The report and the results explorer in Debian's Chromium (issue 5): axe-core finds no WCAG 2.1 A/AA
// violation on /bericht/:wave and /ergebnisse/:wave (with and without a selection, with a trend), and the report file
// written by the CLI is self-contained: under a CSP that forbids every request it loads nothing, the CSP
// reports nothing, and its print CSS keeps figures whole and hides the navigation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createApp } from '../src/web/create-app.js';
import { axeViolations, type BrowserSite, browseApp } from './support/browser.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
let site: BrowserSite;
let browser: Browser;
let base: string;

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  site = await browseApp(createApp({ store: cli.store, log: () => {} }));
  ({ browser, base } = site);
});
after(async () => {
  await site?.close();
  await cli.close();
});

for (const path of ['/bericht/2019-demo', '/ergebnisse/2019-demo', '/ergebnisse/2019-demo?variable=vg_strategy&by=state', '/ergebnisse/2019-demo?variable=egov_count&by=vg_egov&gewichtet=1', '/ergebnisse/2021-demo?variable=vg_egov&by=unit_type&entwicklung=1']) {
  test(`axe-core: no violations on ${path}`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(base + path);
      assert.equal(response?.status(), 200);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
}

test('the HTML file is self-contained: no request and no CSP report under default-src \'none\'', async () => {
  assert.equal((await cli.run('report', '--wave', '2019-demo', '--format', 'html', '--out', 'bericht.html')).code, 0);
  const html = cli.text('bericht.html');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    const messages: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.route('**/*', (route) =>
      route.request().url() === 'https://bericht.invalid/'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }, body: html })
        : route.abort(),
    );
    await page.goto('https://bericht.invalid/', { waitUntil: 'networkidle' });
    assert.deepEqual(requests, ['https://bericht.invalid/']);
    assert.deepEqual(messages, []);
    assert.equal(await page.locator('figure').count(), 12);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      figure: getComputedStyle(document.querySelector('figure')!).breakInside,
      nav: getComputedStyle(document.querySelector('nav')!).display,
      chapter: getComputedStyle(document.querySelector('section.chapter')!).breakBefore,
    }));
    assert.deepEqual(print, { figure: 'avoid', nav: 'none', chapter: 'page' });
  } finally {
    await context.close();
  }
});

/** Width of the page's own scrolling at `width` CSS px: WCAG 1.4.10 wants none beyond the viewport. */
async function pageOverflow(html: string | undefined, path: string, width = 320): Promise<number> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    if (html === undefined) assert.equal((await page.goto(base + path))?.status(), 200, path);
    else {
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto('https://datei.invalid/');
    }
    return await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  } finally {
    await context.close();
  }
}

test('reflow at 320 px: start page, report, API docs and a Digitalprofil scroll wide tables in their own region, never the page', async () => {
  for (const path of ['/', '/bericht/2019-demo', '/api/docs']) assert.equal(await pageOverflow(undefined, path), 0, path);
  const demo = await cli.store.responsesForWave('2019-demo');
  assert.equal((await cli.run('profile', '--wave', '2019-demo', '--ags', demo[0]!.ags, '--format', 'html', '--out', 'profil.html')).code, 0);
  assert.equal(await pageOverflow(cli.text('profil.html'), 'profil.html'), 0, 'profile');
  assert.equal((await cli.run('report', '--wave', '2019-demo', '--format', 'html', '--out', 'bericht.html')).code, 0);
  assert.equal(await pageOverflow(cli.text('bericht.html'), 'bericht.html'), 0, 'report file');
});

test('report: the first Tab reaches a skip link that jumps past the table of contents to the summary in <main>', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + '/bericht/2019-demo');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Bericht springen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#bericht');
    assert.equal(await page.locator('main h2').first().textContent(), 'Auf einen Blick');
    assert.equal(await page.locator('header h2').count(), 0, 'the banner holds only the title');
  } finally {
    await context.close();
  }
});
