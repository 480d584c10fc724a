// The web UI in-process through app.request() (architecture habit 9).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';
import { createApp } from '../src/web/create-app.js';

let store: Store;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

before(async () => {
  store = await openStore({});
  const bundled = async () => ({
    gemeinden: readFileSync(new URL('../data/gemeinden.csv', import.meta.url)),
    kreise: readFileSync(new URL('../data/kreise.csv', import.meta.url)),
  });
  await ensureStarterData(store, bundled, (line) => logged.push(line));
  await store.createWave({ id: 'xss', title: '<script>alert(1)</script> & Co', instrumentVersion: '2019' });
  app = createApp({ store, log: (line) => logged.push(line) });
});
after(() => store.close());

test('first start loads the register and the demo wave once', async () => {
  assert.equal(logged.filter((line) => /Gemeindeverzeichnis geladen/.test(line)).length, 1);
  await ensureStarterData(store, async () => assert.fail('register must not be read twice'), (line) => logged.push(line));
  assert.equal(logged.filter((line) => /Demo-Welle/.test(line)).length, 1);
});

test('start page lists the waves with responses by Bundesland and size class', async () => {
  const response = await app.request('/');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  const page = await response.text();
  assert.match(page, /<html lang="de">/);
  assert.match(page, /Antworten nach Bundesland – 2019-demo/);
  assert.match(page, /Antworten nach KGSt-Größenklasse – 2019-demo/);
  assert.match(page, /Demo-Daten/);
  assert.match(page, /Datenlizenz Deutschland – Namensnennung – Version 2\.0/);
  const monitor = await store.responseMonitor('2019-demo');
  const nrw = monitor.byState.find((row) => row.key === 'NW');
  assert.ok(nrw && nrw.responses > 0);
  assert.match(page, new RegExp(`<th scope="row">Nordrhein-Westfalen</th><td class="num">${nrw.responses}</td>`));
  assert.equal(monitor.total.responses, 412);
  // The closed demo wave links what it publishes; a draft or open wave does not (those pages answer 403).
  assert.match(page, /<a href="\/bericht\/2019-demo">Bericht<\/a> · <a href="\/ergebnisse\/2019-demo">selbst erkunden<\/a> · <a href="\/opendata\/2019-demo">offene Daten<\/a>/);
  assert.doesNotMatch(page, /href="\/bericht\/xss"/);
  for (const path of ['/bericht/2019-demo', '/ergebnisse/2019-demo', '/opendata/2019-demo']) assert.equal((await app.request(path)).status, 200, path);
});

test('start page: a Land with 1 … k − 1 responses (here Hamburg, a single unit) and one complement show „–“', async () => {
  await store.createWave({ id: 'klein', title: 'Klein', instrumentVersion: '2019' });
  const nrw = ['05111000', '05112000', '05113000', '05315000', '05913000', '05914000'];
  await store.saveResponses('klein', ['02000000', ...nrw].map((ags) => ({ ags, answers: { strategy_status: 'geplant' } })), { status: 'submitted', source: 'import', actor: 'test' });
  const page = await (await app.request('/')).text();
  const section = page.slice(page.indexOf('Antworten nach Bundesland – klein'), page.indexOf('Antworten nach KGSt-Größenklasse – klein'));
  assert.match(section, /<th scope="row">Hamburg<\/th><td class="num">–<\/td><td class="num">–<\/td><td class="num">–<\/td>/);
  assert.match(section, /<th scope="row">Nordrhein-Westfalen<\/th><td class="num">6<\/td>/);
  // Total 7 minus the shown cells must not give Hamburg's 1: a second Land (a zero) is hidden as well.
  assert.equal((section.match(/<td class="num">–<\/td><td class="num">–<\/td>/g) ?? []).length, 2);
  await store.deleteWave('klein');
});

test('interpolated text is escaped', async () => {
  const page = await (await app.request('/')).text();
  assert.doesNotMatch(page, /<script>alert/);
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co/);
});

test('healthz answers JSON', async () => {
  const response = await app.request('/healthz');
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok' });
});

test('unknown pages get a German 404 and security headers', async () => {
  const response = await app.request('/gibt/es/nicht');
  assert.equal(response.status, 404);
  assert.match(await response.text(), /Seite nicht gefunden/);
  assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'self';/);
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
});

test('the start page stays small on slow lines (gzip, HTML + CSS)', async () => {
  const page = await (await app.request('/')).text();
  const css = await (await app.request('/static/app.css')).text();
  assert.doesNotMatch(page, /<style|<script/);
  const compressed = gzipSync(page).byteLength + gzipSync(css).byteLength;
  assert.ok(compressed < 14 * 1024, `start page is ${compressed} bytes gzip`);
});
