// GET /bericht/:wave: the public report (disclosure control applied) under the app's CSP; unknown wave → 404.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';
import { createApp } from '../src/web/create-app.js';

let store: Store;
let app: ReturnType<typeof createApp>;

before(async () => {
  store = await openStore({});
  const bundled = async () => ({
    gemeinden: readFileSync(new URL('../data/gemeinden.csv', import.meta.url)),
    kreise: readFileSync(new URL('../data/kreise.csv', import.meta.url)),
  });
  await ensureStarterData(store, bundled, () => {});
  await store.createWave({ id: 'leer', title: 'Leere <Welle>', instrumentVersion: '2019' });
  app = createApp({ store, log: () => {} });
});
after(() => store.close());

test('GET /bericht/2019-demo serves the public report with its linked stylesheet, no inline style', async () => {
  const response = await app.request('/bericht/2019-demo');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const page = await response.text();
  assert.match(page, /<html lang="de">/);
  assert.match(page, /<link rel="stylesheet" href="\/bericht\/bericht.css">/);
  assert.doesNotMatch(page, /<style|style="|<script/);
  assert.match(page, /Zellen mit weniger als \d+ Antworten/);
  assert.match(page, /class="demo-banner"/);
  assert.match(page, /<a href="\/ergebnisse\/2019-demo">Ergebnisse selbst erkunden/);
  const css = await app.request('/bericht/bericht.css');
  assert.equal(css.status, 200);
  assert.match(await css.text(), /@page/);
});

test('unknown wave → 404 page, wave without answers → German error, never 500', async () => {
  const unknown = await app.request('/bericht/gibt-es-nicht');
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /Welle „gibt-es-nicht“ gibt es nicht/);
  const empty = await app.request('/bericht/leer');
  assert.ok(empty.status >= 400 && empty.status < 500, String(empty.status));
});

test('a wave that is not closed has no public report yet', async () => {
  await store.createWave({ id: 'laufend', title: 'Laufende Welle', instrumentVersion: '2019' });
  await store.setWaveStatus('laufend', 'open');
  const response = await app.request('/bericht/laufend');
  assert.equal(response.status, 403);
  assert.match(await response.text(), /erst nach Abschluss der Befragung veröffentlicht/);
});

test('a closed wave with too few responses: every figure and map keeps its place with a German note', async () => {
  const demo = (await store.responsesForWave('2019-demo')).slice(0, 3);
  await store.createWave({ id: 'klein', title: 'Kleine Welle', instrumentVersion: '2019', demo: true });
  await store.saveResponses('klein', demo.map(({ ags, answers }) => ({ ags, answers })), { status: 'submitted', source: 'demo', actor: 'test' });
  await store.setWaveStatus('klein', 'open');
  await store.setWaveStatus('klein', 'closed');
  const response = await app.request('/bericht/klein');
  assert.equal(response.status, 200);
  const page = await response.text();
  assert.equal((page.match(/Diese Abbildung entfällt: Für sie gibt es zu wenige Antworten/g) ?? []).length, 10);
  assert.match(page, /id="karte-2">\n<p class="note">Diese Karte entfällt/);
  assert.match(page, /Länder mit weniger als 5 Antwortenden werden ohne Quote ausgewiesen/);
  assert.doesNotMatch(page, /NaN|undefined|Infinity/);
});

test('gzip for visitors without cookies (the report shrinks about fivefold), never beside a session (BREACH)', async () => {
  const zipped = await app.request('/bericht/2019-demo', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(zipped.headers.get('content-encoding'), 'gzip');
  assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/);
  const plain = await app.request('/bericht/2019-demo');
  assert.equal(plain.headers.get('content-encoding'), null);
  const raw = Buffer.from(await zipped.arrayBuffer());
  const text = await plain.text();
  assert.equal(gunzipSync(raw).toString('utf8'), text);
  assert.ok(raw.length * 3 < Buffer.byteLength(text), `${raw.length} of ${Buffer.byteLength(text)} bytes`);
  const withCookie = await app.request('/bericht/2019-demo', { headers: { 'Accept-Encoding': 'gzip', Cookie: 'dm_session=x' } });
  assert.equal(withCookie.headers.get('content-encoding'), null);
  assert.equal(await withCookie.text(), text);
});

test('the report is built once per wave: served from memory until a wave changes or ten minutes pass; late responses wait for wave publish', async () => {
  let clock = Date.parse('2026-12-07T10:00:00Z');
  let reads = 0;
  const counting = new Proxy(store, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key);
      if (key === 'publishedResponses') return (waveId: string) => ((reads += waveId === 'zwischenspeicher' ? 1 : 0), target.publishedResponses(waveId));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const cached = createApp({ store: counting, log: () => {}, now: () => new Date(clock) });
  const demo = (await store.responsesForWave('2019-demo')).slice(0, 45);
  await store.createWave({ id: 'zwischenspeicher', title: 'Welle im Speicher', instrumentVersion: '2019', demo: true });
  await store.saveResponses('zwischenspeicher', demo.slice(0, 30), { status: 'submitted', source: 'demo', actor: 'test' });
  await store.setWaveStatus('zwischenspeicher', 'open');
  await store.setWaveStatus('zwischenspeicher', 'closed');
  const page = async () => (await cached.request('/bericht/zwischenspeicher')).text();
  const first = await page();
  assert.match(first, /30 Kommunen/);
  const perBuild = reads;
  assert.ok(perBuild > 0);
  await store.saveResponses('zwischenspeicher', demo.slice(30, 40), { status: 'submitted', source: 'demo', actor: 'test' });
  clock += 9 * 60 * 1000;
  assert.equal(await page(), first, 'the same wave within ten minutes: from memory');
  assert.equal(reads, perBuild);
  clock += 60 * 1000;
  assert.equal(await page(), first, 'after ten minutes built anew, still from the publication: the late responses are not public');
  assert.equal(reads, 2 * perBuild);
  const publication = { omitKeys: [], actor: 'test', replace: true };
  await store.publishWave('zwischenspeicher', publication);
  assert.match(await page(), /40 Kommunen/, 'a republication changes the list of waves and renews the report at once');
  await store.saveResponses('zwischenspeicher', demo.slice(40), { status: 'submitted', source: 'demo', actor: 'test' });
  await store.publishWave('zwischenspeicher', publication);
  assert.match(await page(), /45 Kommunen/);
});
