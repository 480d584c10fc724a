// The public results explorer (issue 5): GET form without JavaScript, suppressed tables with intervals,
// the test in plain words, a chart and the CSV for German Excel; only closed waves; bad input → 4xx pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { analyzeTrendOfWaves } from '../src/tasks/analyze-trend.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';
import { resultsExplorer } from '../src/tasks/explore-results.js';
import { loadWaveData } from '../src/tasks/load-wave-data.js';
import { publicResults } from '../src/tasks/public-results.js';
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
  app = createApp({ store, log: () => {} });
});
after(() => store.close());

const page = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, text: await response.text(), headers: response.headers };
};

test('without a selection: the GET form with every variable and grouping, under the strict CSP', async () => {
  const { status, text, headers } = await page('/ergebnisse/2019-demo');
  assert.equal(status, 200);
  assert.match(headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(text, /<form method="get" action="\/ergebnisse\/2019-demo">/);
  assert.match(text, /<label for="variable">Merkmal<\/label>/);
  assert.match(text, /<option value="strategy_status">/);
  for (const by of ['all', 'vg_strategy', 'vg_egov', 'vg_community', 'size_class', 'state', 'unit_type']) assert.match(text, new RegExp(`<option value="${by}"`));
  assert.match(text, /<input type="checkbox" id="gewichtet" name="gewichtet" value="1">/);
  assert.match(text, /class="demo"/);
  assert.match(text, /<title>Ergebnisse erkunden – [^<]+ – Kommunaler Digitalmonitor<\/title>/);
  assert.doesNotMatch(text, /<script|style="|<style/);
});

test('a variable by size class: table with intervals, test in words, chart, CSV link', async () => {
  const { status, text } = await page('/ergebnisse/2019-demo?variable=vg_strategy&by=size_class');
  assert.equal(status, 200);
  // The query in the title: each table its own page title (WCAG 2.4.2).
  assert.match(text, /<title>Vergleichsgruppe Strategie nach [^<–]+ – Ergebnisse erkunden – /);
  assert.match((await page('/ergebnisse/2019-demo?variable=vg_strategy&by=all&gewichtet=1')).text, /<title>Vergleichsgruppe Strategie, gewichtet – Ergebnisse erkunden – /);
  assert.match(text, /<h2 id="auswahl-h">Vergleichsgruppe Strategie nach Größenklasse<\/h2>/);
  assert.match(text, /<th scope="row">GK 1: 400.000 Einwohner und mehr<\/th>/);
  assert.match(text, /<td class="num">\d+\u00a0% \(\d+–\d+\u00a0%\)<\/td>/);
  assert.match(text, /<strong>Test:<\/strong> (Die Anteile unterscheiden sich je nach Größenklasse deutlich|Kein klarer Unterschied je nach Größenklasse|Das Testergebnis)/);
  assert.match(text, /<svg role="img" aria-label="Vergleichsgruppe Strategie nach Größenklasse: Balkendiagramm/);
  assert.match(text, /href="\/ergebnisse\/2019-demo\/tabelle.csv\?variable=vg_strategy&amp;by=size_class" download/);
  assert.match(text, /<option value="vg_strategy" selected>/);
});

test('the test sentence follows p: "deutlich" only below 5 %', async () => {
  const { instrument, data } = await loadWaveData(store, '2019-demo');
  const published = publicResults(instrument, analyzeWave(data), 5);
  for (const [variable, by] of [['vg_egov', 'vg_strategy'], ['broadband_grade', 'vg_egov'], ['chefsache', 'unit_type']] as const) {
    const tested = published.tables.find((table) => table.variable === variable && table.by === by)!.test;
    const { text } = await page(`/ergebnisse/2019-demo?variable=${variable}&by=${by}`);
    if (!tested || 'suppressed' in tested) assert.match(text, /Ein Test ist hier nicht möglich|wird nicht veröffentlicht/, `${variable} × ${by}`);
    else if (tested.p < 0.05) assert.match(text, /statistisch signifikant, also wahrscheinlich kein Zufall/, `${variable} × ${by}`);
    else assert.match(text, /Kein klarer Unterschied je nach/, `${variable} × ${by}`);
  }
});

test('public users only see suppressed tables: every suppressed cell is "–", no number for it', async () => {
  const { instrument, data } = await loadWaveData(store, '2019-demo');
  const published = publicResults(instrument, analyzeWave(data), 5);
  const table = published.tables.find((candidate) => candidate.variable === 'strategy_status' && candidate.by === 'state')!;
  const suppressed = table.cells.filter((cell) => 'suppressed' in cell).length;
  assert.ok(suppressed > 0, 'the demo has small Länder');
  const { text } = await page('/ergebnisse/2019-demo?variable=strategy_status&by=state');
  const dashes = (text.match(/<td class="num">–<\/td>/g) ?? []).length;
  assert.equal(dashes, suppressed);
  const csv = await app.request('/ergebnisse/2019-demo/tabelle.csv?variable=strategy_status&by=state');
  const body = await csv.text();
  assert.equal(body.split('\r\n').filter((line) => line.endsWith(';gesperrt')).length, suppressed);
});

test('weighted: raking, intervals, the same suppression pattern', async () => {
  const { status, text } = await page('/ergebnisse/2019-demo?variable=vg_strategy&by=all&gewichtet=1');
  assert.equal(status, 200);
  assert.match(text, /Gewichtete Anteile \(Raking\)/);
  assert.match(text, /<input type="checkbox" id="gewichtet" name="gewichtet" value="1" checked>/);
  assert.match(text, /Basis \(gewichtet\)/);
});

test('CSV for German Excel: BOM, semicolons, decimal comma, CRLF, attachment', async () => {
  const response = await app.request('/ergebnisse/2019-demo/tabelle.csv?variable=vg_strategy&by=vg_egov');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/csv; charset=utf-8/);
  assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="2019-demo_vg_strategy_vg_egov.csv"/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes); // the decoder drops the BOM
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '');
  assert.equal(lines[0], 'Variable;Wert;Gruppierung;Gruppe;Anteil (%);Untergrenze 95 % (%);Obergrenze 95 % (%);Anzahl;Basis;Hinweis');
  assert.match(lines[1]!, /^Vergleichsgruppe Strategie;mit Strategie;Vergleichsgruppe E-Government gut aufgestellt;(nicht )?gut aufgestellt;\d+,\d;\d+,\d;\d+,\d;\d+;\d+;$/);
  assert.doesNotMatch(text, /\d\.\d/);
});

/** The trend section of a page, or '' when there is none. */
const trendSection = (text: string) => /<section aria-labelledby="entwicklung-h">[\s\S]*?<\/section>/.exec(text)?.[0] ?? '';
/** Per row header (wave) the shares of a table's rows, in page order. */
const shareRows = (html: string) => [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/g)].map((m) => ({ head: m[1]!, cells: [...m[2]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1]!) }));

// broadband_good × unit_type has no suppressed cell in either demo wave (vg_egov × unit_type of 2021 has: a
// small lk1 count makes the landkreis cells hide too, size classes being nested in unit types; chefsache has
// since its parts imply small counts there, union-columns.ts).
test("entwicklung=1: each wave's row equals that wave's own table, the change in words follows the test", async () => {
  const trend = await analyzeTrendOfWaves(store, { waveIds: ['2019-demo', '2021-demo'] });
  const { status, text } = await page('/ergebnisse/2021-demo?variable=broadband_good&by=unit_type&entwicklung=1');
  assert.equal(status, 200);
  assert.match(text, /<input type="checkbox" id="entwicklung" name="entwicklung" value="1" checked>/);
  const section = trendSection(text);
  assert.match(section, /<h2 id="entwicklung-h">Entwicklung seit 2019-demo<\/h2>/);
  const rows = shareRows(section);
  assert.equal(rows.length, 6, 'three unit types × two waves');
  assert.match(section, /<svg role="img" aria-label="[^"]+ nach Art der Kommune: Balkendiagramm, Anteil „ja“ je Welle \(2019-demo, 2021-demo\)/);
  for (const wave of ['2019-demo', '2021-demo']) {
    const own = shareRows((await page(`/ergebnisse/${wave}?variable=broadband_good&by=unit_type`)).text);
    assert.deepEqual(rows.filter((row) => row.head === wave).map((row) => row.cells), own.map((row) => row.cells), wave);
  }
  const changes = trend.trends.find((table) => table.variable === 'broadband_good' && table.by === 'unit_type')!.changes;
  assert.equal(changes.length, 3);
  let panels = 0;
  for (const change of changes) {
    const label = { kreisfreie_stadt: 'kreisfreie Städte', kreisangehoerige_gemeinde: 'kreisangehörige Städte und Gemeinden', landkreis: 'Landkreise' }[change.group]!;
    const sentence = new RegExp(`<li>${label}: ${change.test!.p < 0.05 ? 'Die Antworten haben sich zwischen 2019-demo und 2021-demo statistisch signifikant verändert' : 'Zwischen 2019-demo und 2021-demo keine signifikante Veränderung'}`);
    assert.match(section, sentence, change.group);
    const panel = change.panel![0]!;
    const shown = (n: number) => n === 0 || n >= 5; // k = 5: a count 1 … 4 would point at municipalities
    if (panel.units >= 5 && shown(panel.rises) && shown(panel.falls)) {
      const moved = panel.rises + panel.falls > 0 ? `wechselten ${panel.rises} von „nein“ zu „ja“ und ${panel.falls} von „ja“ zu „nein“` : 'blieben alle bei ihrer Antwort';
      assert.match(section, new RegExp(`${label}:[^<]*Von den ${panel.units} Kommunen[^<]*${moved}`));
      panels++;
    } else assert.doesNotMatch(section, new RegExp(`${label}:[^<]*Von den`));
  }
  assert.ok(panels > 0, 'at least one group with its panel in words');
});

test('the development as CSV for German Excel: one row per wave, group and value, the same shares as the page', async () => {
  const { text } = await page('/ergebnisse/2021-demo?variable=broadband_good&by=unit_type&entwicklung=1');
  assert.match(trendSection(text), /href="\/ergebnisse\/2021-demo\/entwicklung.csv\?variable=broadband_good&amp;by=unit_type" download/);
  const response = await app.request('/ergebnisse/2021-demo/entwicklung.csv?variable=broadband_good&by=unit_type');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="2021-demo_broadband_good_unit_type_entwicklung.csv"/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes).split('\r\n');
  assert.equal(lines[0], 'Variable;Wert;Gruppierung;Gruppe;Welle;Anteil (%);Untergrenze 95 % (%);Obergrenze 95 % (%);Basis');
  const rows = lines.slice(1, -1).map((line) => line.split(';'));
  assert.equal(rows.length, 3 * 2 * 2, 'unit types × waves × values');
  const pageRows = shareRows(trendSection(text));
  // The page: a row group per unit type (in the order the CSV first names them), a row per wave.
  const yes = rows.filter((r) => r[1] === 'ja');
  const ordered = [...new Set(yes.map((r) => r[3]!))].flatMap((group) => ['2019-demo', '2021-demo'].map((wave) => yes.find((r) => r[3] === group && r[4] === wave)!));
  // The page rounds the exact share to whole percent, the CSV to one decimal: at most half a point apart.
  const percent = (text: string) => Number(text.replace('\u00a0%', '').replace(',', '.'));
  ordered.forEach((row, i) => assert.ok(Math.abs(percent(row[5]!) - percent(pageRows[i]!.cells[1]!.split(' ')[0]!)) <= 0.55, `${row[3]} ${row[4]}`));
  const hidden = await app.request('/ergebnisse/2021-demo/entwicklung.csv?variable=strategy_status&by=state');
  assert.equal(hidden.status, 400);
  assert.match(await hidden.text(), /weniger als 5 Antworten/);
});

test('entwicklung=1 weighted: the Rao-Scott test of the stacked waves and weighted bases', async () => {
  const section = trendSection((await page('/ergebnisse/2021-demo?variable=strategy_status&by=all&entwicklung=1&gewichtet=1')).text);
  assert.match(section, /Gewichtete Anteile, jede Welle auf ihre eigene Grundgesamtheit/);
  assert.match(section, /Basis \(gewichtet\)/);
  assert.match(section, /\(Rao-Scott-Test für gewichtete Daten, p (=|<) /);
  assert.equal(shareRows(section).length, 2);
});

test("entwicklung=1 shows no number where a wave's own table suppresses cells, and says why", async () => {
  const section = trendSection((await page('/ergebnisse/2021-demo?variable=strategy_status&by=state&entwicklung=1')).text);
  assert.match(section, /nicht gezeigt: In der Welle 2019-demo hat mindestens eine Zelle weniger als 5 Antworten/);
  assert.doesNotMatch(section, /<td|\d+\u00a0%/);
});

test('entwicklung=1 without an earlier closed wave, or without a variable: no trend numbers', async () => {
  assert.match(trendSection((await page('/ergebnisse/2019-demo?variable=vg_egov&entwicklung=1')).text), /keine frühere, abgeschlossene Welle/);
  const form = await page('/ergebnisse/2021-demo?entwicklung=1');
  assert.equal(form.status, 200);
  assert.equal(trendSection(form.text), '');
});

test('unknown wave → 404, unknown variable or grouping → 400, open wave → 403; never 500', async () => {
  assert.equal((await page('/ergebnisse/gibt-es-nicht')).status, 404);
  const variable = await page('/ergebnisse/2019-demo?variable=gibt_es_nicht');
  assert.equal(variable.status, 400);
  assert.match(variable.text, /Variable „gibt_es_nicht“ gibt es im Fragebogen nicht/);
  assert.equal((await page('/ergebnisse/2019-demo?variable=vg_egov&by=farbe')).status, 400);
  assert.equal((await page('/ergebnisse/2019-demo/tabelle.csv')).status, 400);
  await store.createWave({ id: 'laufend', title: 'Laufende Welle', instrumentVersion: '2019' });
  await store.setWaveStatus('laufend', 'open');
  assert.equal((await page('/ergebnisse/laufend?variable=vg_egov')).status, 403);
});

test('the public documents of a wave are computed once and then served from memory', async () => {
  let loads = 0;
  const counting = { ...pick(store), publishedResponses: (wave: string) => (loads++, store.publishedResponses(wave)) };
  const explorer = resultsExplorer(counting);
  await explorer.explore({ waveId: '2019-demo', variable: 'vg_egov', by: 'state' });
  await explorer.explore({ waveId: '2019-demo', variable: 'chefsache', by: 'size_class', weighted: true });
  await explorer.csv({ waveId: '2019-demo', variable: 'vg_egov' });
  assert.equal(loads, 1);
});

function pick(source: Store) {
  const bound = <K extends keyof Store>(name: K) => (source[name] as (...args: unknown[]) => unknown).bind(source) as Store[K];
  return {
    getWave: bound('getWave'),
    listWaves: bound('listWaves'),
    registerUnits: bound('registerUnits'),
    responsesForWave: bound('responsesForWave'),
    publishedResponses: bound('publishedResponses'),
    publishWave: bound('publishWave'),
    instrumentVersion: bound('instrumentVersion'),
    targetUnits: bound('targetUnits'),
  };
}
