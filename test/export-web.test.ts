// Web downloads (issue 8): the public sees only open data (closed waves); microdata only for analysts,
// identifiers and the flat CSV only for admins.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';
import { createApp } from '../src/web/create-app.js';
import { analystSession } from './support/analyst-session.js';

let store: Store;
let app: ReturnType<typeof createApp>;
let analyst: string;
let admin: string;
const EXPORT = '/verwaltung/wellen/2019-demo/export';

before(async () => {
  store = await openStore({});
  const bundled = async () => ({
    gemeinden: readFileSync(new URL('../data/gemeinden.csv', import.meta.url)),
    kreise: readFileSync(new URL('../data/kreise.csv', import.meta.url)),
  });
  await ensureStarterData(store, bundled, () => {});
  await store.createWave({ id: 'offen', title: 'Offene Welle', instrumentVersion: '2019' });
  app = createApp({ store, log: () => {}, baseUrl: 'http://localhost' });
  analyst = (await analystSession(app, store)).cookie;
  admin = (await analystSession(app, store, { role: 'admin' })).cookie;
});
after(() => store.close());

const get = (path: string, cookie?: string) => app.request(path, cookie ? { headers: { Cookie: cookie } } : {});

test('public: the open-data page of a closed wave and its three files; DCAT metadata point at them', async () => {
  const page = await get('/opendata/2019-demo');
  assert.equal(page.status, 200);
  const text = await page.text();
  assert.match(text, /<html lang="de">/);
  for (const file of ['tabellen.csv', 'tabellen.json', 'dcat.jsonld']) assert.match(text, new RegExp(`href="/opendata/2019-demo/${file.replace('.', '\\.')}"`));
  assert.match(text, /weniger als 5 Kommunen/);
  const csv = await get('/opendata/2019-demo/tabellen.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type')!, /text\/csv/);
  assert.match(await csv.text(), /^variable,variable_label,by,group/);
  const meta = (await (await get('/opendata/2019-demo/dcat.jsonld')).json()) as { 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[] };
  assert.equal(meta['dcat:distribution'][0]!['dcat:downloadURL']['@id'], 'http://localhost/opendata/2019-demo/tabellen.csv');
  assert.equal((await get('/opendata/2019-demo/daten.csv')).status, 404);
  assert.equal((await get('/opendata/offen')).status, 403, 'an open wave publishes nothing');
  assert.equal((await get('/opendata/gibt-es-nicht')).status, 404);
});

test('public: no microdata, no export page', async () => {
  for (const path of [`${EXPORT}/xlsx`, `${EXPORT}/csv`, `${EXPORT}/spss?intern=1`]) assert.equal((await get(path)).status, 401, path);
  assert.equal((await get(EXPORT)).status, 303);
});

test('analysts: export page and downloads (XLSX, SPSS as ZIP, flat CSV); never identifiers', async () => {
  const page = await get(EXPORT, analyst);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /CSV für deutsches Excel/);
  assert.doesNotMatch(html, /intern=1/);
  assert.match(html, /\/export\/csv"/);
  assert.match(html, /<a href="\/opendata\/2019-demo">offene Daten dieser Welle<\/a>/, 'a closed wave links its open data');
  const xlsx = await get(`${EXPORT}/xlsx`, analyst);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition')!, /attachment; filename="2019-demo-xlsx\.xlsx"/);
  assert.equal(xlsx.headers.get('cache-control'), 'no-store');
  const [data] = (await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()))).map((sheet) => sheet.data);
  assert.equal(data!.length, 413);
  assert.ok(!(data![0] as string[]).includes('comments'), 'no free text');
  const spss = unzipSync(new Uint8Array(await (await get(`${EXPORT}/spss`, analyst)).arrayBuffer()));
  assert.deepEqual(Object.keys(spss).sort(), ['daten.csv', 'daten.sps']);
  assert.equal((await get(`${EXPORT}/spss?intern=1`, analyst)).status, 403);
  const flat = await get(`${EXPORT}/csv`, analyst);
  assert.equal(flat.status, 200);
  assert.doesNotMatch(await flat.text(), /@/, 'no contact e-mail in the flat CSV without intern');
  assert.equal((await get(`${EXPORT}/csv?intern=1`, analyst)).status, 403);
  assert.equal((await get(`${EXPORT}/pdf`, analyst)).status, 404);
});

test('admins: internal export with identifiers and the flat CSV', async () => {
  const html = await (await get(EXPORT, admin)).text();
  assert.match(html, /intern mit Identifikatoren/);
  const intern = await get(`${EXPORT}/csv-excel?intern=1`, admin);
  assert.equal(intern.status, 200);
  assert.match((await intern.text()).split('\r\n')[0]!, /;comments/);
  const flat = await get(`${EXPORT}/csv?intern=1`, admin);
  assert.equal(flat.status, 200);
  const text = await flat.text();
  assert.match(text, /^ags,respondent_role,/);
  assert.match(text, /@/, 'the internal flat CSV keeps the contacts');
});
