// `report` through run(argv, io): HTML and JSON of the demo wave; bad input gives a German error and an
// exit code, never a stack trace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ReportJson } from '../src/report/report-json.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
});
after(() => cli.close());

test('report --format html writes one German HTML file with the demo banner', async () => {
  const result = await cli.run('report', '--wave', '2019-demo', '--format', 'html', '--out', 'bericht.html');
  assert.equal(result.code, 0, result.stderr);
  const page = cli.text('bericht.html');
  assert.match(page, /^<!doctype html>\n<html lang="de">/);
  assert.match(page, /class="demo-banner"/);
  assert.match(page, /14\u00a0% der Kommunen haben bereits eine Digitalisierungsstrategie/);
  assert.match(page, /<th scope="col">Kommunen im Verzeichnis<\/th>/);
  assert.match(page, /<tr><th scope="row">Bayern<\/th><td>\d+<\/td><td>\d+\u00a0%<\/td><td>\d{4}<\/td>/); // about 2,100 Bavarian municipalities and Landkreise
  assert.match(page, /Befragungszeitraum: |Der Befragungszeitraum ist für diese Welle nicht erfasst/);
});

test('report --format json: results document, statements and figures with ids', async () => {
  const result = await cli.run('report', '--wave', '2019-demo', '--format', 'json', '--out', '-');
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as ReportJson;
  assert.equal(json.wave, '2019-demo');
  assert.equal(json.demo, true);
  assert.equal(json.results.n, 412);
  assert.ok(json.statements.some((statement) => statement.id === 'strategy_shares' && statement.figures.includes('strategy_has')));
  assert.deepEqual(
    json.figures.map((figure) => figure.id),
    ['abb-01', 'abb-02', 'abb-03', 'abb-04', 'abb-05', 'abb-06', 'abb-07', 'abb-08', 'abb-09', 'abb-10'],
  );
  assert.doesNotMatch(result.stdout, /NaN|Infinity/);
});

test('report --oeffentlich: the public version (small cells suppressed) as the web shows it; the default shows every cell', async () => {
  const internal = await cli.run('report', '--wave', '2019-demo', '--format', 'json', '--out', '-');
  const published = await cli.run('report', '--wave', '2019-demo', '--format', 'json', '--oeffentlich', '--out', '-');
  assert.equal(published.code, 0, published.stderr);
  assert.doesNotMatch(internal.stdout, /"suppressed": ?true/);
  assert.match(published.stdout, /"suppressed": ?true/);
  assert.equal((await cli.run('wave', 'create', 'offen', '--title', 'Offen')).code, 0);
  const open = await cli.run('report', '--wave', 'offen', '--format', 'html', '--oeffentlich', '--out', '-');
  assert.equal(open.code, 5);
  assert.match(open.stderr, /erst nach Abschluss der Befragung veröffentlicht/);
});

test('unknown wave, bad format, missing --out: German errors with exit codes', async () => {
  const unknown = await cli.run('report', '--wave', 'gibt-es-nicht', '--out', '-');
  assert.equal(unknown.code, 4);
  assert.match(unknown.stderr, /Welle „gibt-es-nicht“ gibt es nicht/);
  const format = await cli.run('report', '--wave', '2019-demo', '--format', 'docx', '--out', '-');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format muss html, pdf oder json sein/);
  const out = await cli.run('report', '--wave', '2019-demo');
  assert.equal(out.code, 2);
  assert.doesNotMatch(unknown.stderr + format.stderr + out.stderr, /at .*\.ts:\d+/);
});
