// A closed wave's public results are fixed at its first close (tasks/publication.ts): a late import reaches
// the analysts at once and the public (report --oeffentlich, web report, explorer, open data) only after
// `wave publish`, so that nobody can read the late municipality's answers from the difference of two
// public versions. CLI in-process; the web on the same store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ReportJson } from '../src/report/report-json.js';
import { createApp } from '../src/web/create-app.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
});
after(() => cli.close());

const WAVE = '2019-demo';

async function publicN(): Promise<{ report: number; openData: number; text: string }> {
  const report = await cli.run('report', '--wave', WAVE, '--format', 'json', '--oeffentlich', '--out', '-');
  assert.equal(report.code, 0, report.stderr);
  const openData = await cli.run('export', '--wave', WAVE, '--format', 'opendata', '--out', 'offen');
  assert.equal(openData.code, 0, openData.stderr);
  const tables = JSON.parse(cli.text('offen/tabellen.json')) as { n: number };
  return { report: (JSON.parse(report.stdout) as ReportJson).results.n, openData: tables.n, text: report.stdout };
}

async function analystN(): Promise<number> {
  const result = await cli.run('analyze', '--wave', WAVE, '--json');
  assert.equal(result.code, 0, result.stderr);
  return (JSON.parse(result.stdout) as { n: number }).n;
}

/** One more response: the first demo row's answers for a real municipality that did not answer. */
async function lateResponse(ags = '01001000'): Promise<string> {
  assert.equal((await cli.run('export', '--wave', WAVE, '--format', 'csv', '--out', 'alle.csv')).code, 0);
  const [header, first] = cli.text('alle.csv').split(/\r?\n/);
  return `${header}\n${first!.replace(/^[^,;]+/, ags)}\n`;
}

test('a late import changes the analysts\' results at once and the public ones only after wave publish', async () => {
  const published = await publicN();
  assert.deepEqual([published.report, published.openData, await analystN()], [412, 412, 412]);
  const list = JSON.parse((await cli.run('wave', 'list', '--json')).stdout) as { id: string; publishedAt: string | null }[];
  const publishedAt = list.find((wave) => wave.id === WAVE)?.publishedAt;
  assert.match(publishedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);

  cli.files.set('spaet.csv', new TextEncoder().encode(await lateResponse()));
  const imported = await cli.run('import-responses', 'spaet.csv', '--wave', WAVE);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /Hinweis: Bericht, Datenexplorer und offene Daten der Welle „2019-demo“ zeigen weiter den Stand vom .+ Uhr\. Neue oder geänderte Antworten erscheinen dort erst nach „digitalmonitor wave publish 2019-demo“/);
  assert.equal(await analystN(), 413);
  const unchanged = await publicN();
  assert.equal(unchanged.text, published.text, 'the public report is byte for byte the published one');
  assert.equal(unchanged.openData, 412);

  const republished = await cli.run('wave', 'publish', WAVE);
  assert.equal(republished.code, 0, republished.stderr);
  assert.match(republished.stdout, /Welle „2019-demo“ ist neu veröffentlicht \(vorher Stand vom .+ Uhr\)\. Achtung: .+ aus dem Unterschied die Angaben/);
  const now = await publicN();
  assert.deepEqual([now.report, now.openData], [413, 413]);
  const audit = await cli.run('audit', 'list', '--json', '--limit', '5');
  assert.match(audit.stdout, /"action": ?"wave\.publish"/);
});

test('reopening keeps the publication: closed again, the public sees the published responses, not the new ones', async () => {
  const before = await publicN();
  const reopened = await cli.run('wave', 'open', WAVE);
  assert.equal(reopened.code, 0, reopened.stderr);
  assert.match(reopened.stderr, /sind nicht öffentlich, solange die Welle offen ist, und zeigen nach dem Schließen weiter den Stand vom/);
  const open = await cli.run('report', '--wave', WAVE, '--format', 'json', '--oeffentlich', '--out', '-');
  assert.equal(open.code, 5);
  const publish = await cli.run('wave', 'publish', WAVE);
  assert.equal(publish.code, 5);
  assert.match(publish.stderr, /Welle „2019-demo“ ist nicht geschlossen: veröffentlicht wird erst nach „wave close“/);
  assert.equal((await cli.run('wave', 'close', WAVE)).code, 0);
  assert.equal((await publicN()).text, before.text);
});

test('wave publish: unknown wave and missing id are German errors with exit codes', async () => {
  const unknown = await cli.run('wave', 'publish', 'gibt-es-nicht');
  assert.equal(unknown.code, 4);
  assert.match(unknown.stderr, /Welle „gibt-es-nicht“ gibt es nicht/);
  const missing = await cli.run('wave', 'publish');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /wave publish <id>/);
});

test('a publication holds no personal variable and no free text', async () => {
  const published = await cli.store.publishedResponses(WAVE);
  const keys = new Set(published.flatMap((response) => Object.keys(response.answers)));
  assert.ok(keys.has('strategy_status'));
  for (const key of ['contact_email', 'comments']) assert.ok(!keys.has(key), key);
  const current = await cli.store.responsesForWave(WAVE);
  assert.ok(current.some((response) => 'comments' in response.answers), 'the demo has free text to leave out');
});

test('web: explorer and open data show the publication; wave publish renews them at once', async () => {
  const app = createApp({ store: cli.store, log: () => {} });
  const openDataN = async () => ((await (await app.request(`/opendata/${WAVE}/tabellen.json`)).json()) as { n: number }).n;
  const startPage = async () => {
    const text = await (await app.request('/')).text();
    const section = text.slice(text.indexOf(`<section aria-labelledby="welle-${WAVE}">`));
    return /Antworten: ([\d.]+) \(davon abgeschickt: ([\d.]+)\)/.exec(section)!.slice(1).map((n) => Number(n.replace('.', '')));
  };
  const table = async () => (await app.request(`/ergebnisse/${WAVE}/tabelle.csv?variable=strategy_status&by=unit_type`)).text();
  const n = await openDataN();
  const before = await table();
  assert.deepEqual(await startPage(), [n, n], 'the public start page counts the publication');
  cli.files.set('noch-einer.csv', new TextEncoder().encode(await lateResponse('01002000')));
  assert.equal((await cli.run('import-responses', 'noch-einer.csv', '--wave', WAVE)).code, 0);
  assert.equal(await openDataN(), n);
  assert.equal(await table(), before);
  assert.deepEqual(await startPage(), [n, n]);
  assert.equal((await cli.run('wave', 'publish', WAVE)).code, 0);
  assert.equal(await openDataN(), n + 1);
  assert.notEqual(await table(), before);
  assert.deepEqual(await startPage(), [n + 1, n + 1]);
});
