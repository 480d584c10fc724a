// The respondent form in Debian's Chromium through a real HTTP server (issue 6 "Accessibility"): zero
// axe-core violations on every page including error states, no horizontal scrolling at 320 px, and the
// whole questionnaire filled with the keyboard only (Tab, Space, typing, Enter).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, type BrowserSite, browseApp } from './support/browser.js';
import { addUser } from '../src/tasks/analyst-accounts.js';
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

const link = (ags: string) => base + new URL(f.letters.get(ags)!.link).pathname;

async function narrow(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 320, height: 640 } });
}

/** axe-core finds nothing and nothing scrolls sideways at 320 px; returns the page's status line. */
async function checkPage(page: Page, label: string, status: number): Promise<void> {
  assert.equal(await page.title().then((title) => title.length > 0), true, label);
  assert.deepEqual(await axeViolations(page), [], label);
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  assert.ok(overflow.scrollWidth <= overflow.clientWidth, `${label}: ${overflow.scrollWidth} > ${overflow.clientWidth} px`);
  assert.ok(status > 0, label);
}

async function visit(page: Page, path: string, status: number, label = path): Promise<void> {
  const response = await page.goto(path.startsWith('http') ? path : base + path);
  assert.equal(response?.status(), status, `${label}: ${await page.content().then((c) => c.slice(0, 300))}`);
  await checkPage(page, label, status);
}

/** Submits the page's form with the button `value`, waiting for the next document; its status. */
async function press(page: Page, selector: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response?.status() ?? 0;
}

test('every respondent page, with its error states, has no axe-core violation and fits 320 px', { timeout: 300_000 }, async () => {
  const context = await narrow();
  try {
    const page = await context.newPage();
    await visit(page, '/umfrage', 200, 'code page');
    await visit(page, '/umfrage/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', 404, 'code page with unknown code');
    await visit(page, '/umfrage/seite/1', 403, 'no session');
    await visit(page, '/gibt-es-nicht', 404, 'not found');
    await visit(page, link('05111000'), 200, 'start page after the personal link');
    const count = await page.locator('main ol li').count();
    let errorStates = 0;
    for (let n = 1; n < count; n++) {
      await visit(page, `/umfrage/seite/${n}`, 200, `page ${n}`);
      for (const [selector, wrong] of [['input[inputmode=decimal]', 'viele'], ['input[type=email]', 'kein@'], ['textarea', 'x'.repeat(5000)]] as const) {
        const field = page.locator(selector).first();
        if ((await field.count()) === 0) continue;
        await field.fill(wrong);
        assert.equal(await press(page, 'button[value=weiter]'), 422, `page ${n}: ${selector}`);
        await checkPage(page, `page ${n} with error in ${selector}`, 422);
        errorStates += 1;
        await visit(page, `/umfrage/seite/${n}`, 200, `page ${n} again`);
      }
      // Every box of the first multiple-choice question: breaks "höchstens 3" or an exclusive option.
      const boxes = page.locator('fieldset.q').filter({ has: page.locator('input[type=checkbox]') }).first().locator('input[type=checkbox]');
      if ((await boxes.count()) >= 4) {
        for (const box of await boxes.all()) await box.check();
        if ((await press(page, 'button[value=weiter]')) === 422) {
          await checkPage(page, `page ${n} with error in a multiple choice`, 422);
          errorStates += 1;
        }
        await visit(page, `/umfrage/seite/${n}`, 200, `page ${n} again`);
      }
    }
    assert.ok(errorStates >= 2, `${errorStates} error states checked`);
    await visit(page, '/umfrage/gespeichert?seite=2', 200, 'saved');
    await visit(page, '/umfrage/pruefen', 200, 'review');
    assert.equal(await press(page, 'form[action="/umfrage/abschicken"] button'), 200, 'submit → receipt');
    assert.match(page.url(), /\/umfrage\/quittung$/);
    await checkPage(page, 'receipt', 200);
  } finally {
    await context.close();
  }
});

test('a stale save shows the conflict page (409) without axe-core violations', async () => {
  const first = await narrow();
  const second = await narrow();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await a.goto(link('05113000'));
    await b.goto(link('05113000'));
    await a.goto(`${base}/umfrage/seite/1`);
    await b.goto(`${base}/umfrage/seite/1`);
    const radios = a.locator('input[type=radio]');
    await radios.first().check();
    assert.equal(await press(a, 'button[value=weiter]'), 200);
    await b.locator('input[type=radio]').nth(1).check();
    assert.equal(await press(b, 'button[value=weiter]'), 409);
    assert.match(await b.content(), /Jemand anderes hat diese Seite inzwischen gespeichert/);
    await checkPage(b, 'conflict', 409);
  } finally {
    await first.close();
    await second.close();
  }
});

interface Focused {
  readonly tag: string;
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly groupAnswered: boolean;
  readonly text: string;
}

/** What has the keyboard focus (read only; every input goes through page.keyboard). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const name = el?.getAttribute('name') ?? '';
    const group = name.includes('__') && el?.type === 'checkbox' ? name.slice(0, name.lastIndexOf('__')) : name;
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')];
    const members = inputs.filter((input) => (input.type === 'checkbox' ? input.name.slice(0, input.name.lastIndexOf('__')) : input.name) === group);
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? '',
      name,
      value: el?.value ?? '',
      groupAnswered: members.some((input) => input.checked),
      text: el?.textContent?.trim() ?? '',
    };
  });
}

/** Tabs until `wanted` has the focus; fills every unanswered field it passes on the way. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, fill = true): Promise<void> {
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return;
    if (!fill) continue;
    if ((now.type === 'radio' || now.type === 'checkbox') && !now.groupAnswered) await page.keyboard.press('Space');
    else if (now.tag === 'textarea' && now.value === '') await page.keyboard.type('Mit der Tastatur: <script>alert(1)</script> "><img onerror=x>');
    else if (now.type === 'email' && now.value === '') await page.keyboard.type('digital@duesseldorf.example');
    else if (now.type === 'text' && now.value === '') await page.keyboard.type('12');
  }
  assert.fail(`focus never reached the wanted element on ${page.url()}`);
}

async function enter(page: Page): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return response?.status() ?? 0;
}

test('the whole questionnaire is filled and submitted with the keyboard only', { timeout: 300_000 }, async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link('05158000'));
    await tabTo(page, (f) => f.text.startsWith('Angaben stimmen'), false);
    assert.equal(await enter(page), 200);
    let pages = 0;
    while (/\/umfrage\/seite\/\d+/.test(page.url()) && pages < 40) {
      pages += 1;
      await tabTo(page, (f) => f.tag === 'button' && f.value === 'weiter');
      const status = await enter(page);
      assert.equal(status, 200, `${page.url()}: ${await page.locator('.box').allTextContents()}`);
    }
    assert.match(page.url(), /\/umfrage\/pruefen$/);
    await tabTo(page, (f) => f.text === 'Antworten abschicken', false);
    assert.equal(await enter(page), 200);
    assert.match(page.url(), /\/umfrage\/quittung$/);
    const response = await f.store.responseFor('w', '05158000');
    assert.equal(response?.status, 'submitted');
    assert.ok(Object.keys(response!.answers).length >= 20, `answers: ${JSON.stringify(response?.answers)}`);
    const comment = Object.values(response!.answers).find((value) => value?.startsWith('Mit der Tastatur'));
    assert.equal(comment, 'Mit der Tastatur: <script>alert(1)</script> "><img onerror=x>');
    await page.goto(`${base}/umfrage/pruefen`);
    assert.equal(await page.locator('script, img').count(), 0, 'the comment stays text');
    assert.ok(pages >= 9, `visited ${pages} pages`);
  } finally {
    await context.close();
  }
});

test('the analyst sign-in (with its error state) and the monitoring page: no axe-core violation, fit 320 px', async () => {
  await addUser(f.store, { email: 'monitor@example.de', role: 'admin', password: 'ein-langes-passwort' }, 'test');
  const context = await narrow();
  try {
    const page = await context.newPage();
    await visit(page, '/verwaltung/wellen/w', 200, 'redirect to sign-in');
    assert.match(page.url(), /\/anmelden\?weiter=/);
    await page.fill('#email', 'monitor@example.de');
    await page.fill('#passwort', 'falsch-falsch-falsch');
    assert.equal(await press(page, 'form[action="/anmelden"] button'), 401);
    await checkPage(page, 'sign-in failed', 401);
    await page.fill('#passwort', 'ein-langes-passwort');
    assert.equal(await press(page, 'form[action="/anmelden"] button'), 200);
    assert.match(page.url(), /\/verwaltung\/wellen\/w$/);
    await checkPage(page, 'monitoring', 200);
    await visit(page, '/verwaltung/konten', 200, 'accounts');
  } finally {
    await context.close();
  }
});
