// Open data: every public table with disclosure control (no cell below k, no recoverable single answer)
// as CSV and JSON, and DCAT-AP.de metadata that the SHACL shapes of docs/dcat-shapes.ttl accept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import Papa from 'papaparse';
import SHACLValidator from 'rdf-validate-shacl';
import type { PublicResultsDocument } from '../src/analysis/disclosure/suppress-results.js';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

const SH = 'http://www.w3.org/ns/shacl#';
const shapes = new Store(new Parser().parse(readFileSync(new URL('../docs/dcat-shapes.ttl', import.meta.url), 'utf8')));
let cli: MemoryCli;
let metadata: Record<string, unknown>;

before(async () => {
  cli = await memoryCli({ BASE_URL: 'https://digitalmonitor.example.de' });
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('export', '--wave', '2019-demo', '--format', 'opendata', '--out', 'od', '--contact', 'daten@example.de');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /tabellen\.csv, tabellen\.json, dcat\.jsonld/);
  metadata = JSON.parse(cli.text('od/dcat.jsonld')) as Record<string, unknown>;
});
after(() => cli.close());

async function validate(doc: unknown) {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  const report = await new SHACLValidator(shapes).validate(new Store(new Parser({ format: 'N-Quads' }).parse(nquads)));
  return report.results.map((result) => ({
    path: result.path?.value,
    severity: result.severity?.value.replace(SH, ''),
    message: result.message.map((m) => m.value).join(' '),
  }));
}

test('DCAT-AP.de: the metadata satisfy every mandatory and recommended property of the shapes', async () => {
  assert.deepEqual(await validate(metadata), []);
  const distributions = metadata['dcat:distribution'] as Record<string, { '@id': string }>[];
  assert.equal(distributions.length, 2);
  for (const distribution of distributions) assert.equal(distribution['dct:license']!['@id'], 'http://dcat-ap.de/def/licenses/dl-by-de/2.0');
  assert.equal((metadata['dcatde:politicalGeocodingLevelURI'] as { '@id': string })['@id'], 'http://dcat-ap.de/def/politicalGeocoding/Level/state');
  const states = (metadata['dcatde:politicalGeocodingURI'] as { '@id': string }[]).map((s) => s['@id']);
  assert.ok(states.includes('http://dcat-ap.de/def/politicalGeocoding/stateKey/05'), states.join(' '));
  assert.deepEqual(metadata['dct:spatial'], metadata['dcatde:politicalGeocodingURI']);
  assert.equal((metadata['dcat:contactPoint'] as Record<string, { '@id': string }>)['vcard:hasEmail']!['@id'], 'mailto:daten@example.de');
  assert.match(JSON.stringify(metadata), /https:\/\/digitalmonitor\.example\.de\/opendata\/2019-demo\/tabellen\.csv/);
});

test('the shapes catch what is missing: licence of a distribution (violation), political geocoding (warning)', async () => {
  const broken = structuredClone(metadata) as Record<string, unknown>;
  delete (broken['dcat:distribution'] as Record<string, unknown>[])[1]!['dct:license'];
  delete broken['dcatde:politicalGeocodingURI'];
  delete broken['dct:publisher'];
  const results = await validate(broken);
  const found = (path: string) => results.find((result) => result.path === path);
  assert.equal(found('http://purl.org/dc/terms/license')?.severity, 'Violation');
  assert.equal(found('http://purl.org/dc/terms/publisher')?.severity, 'Violation');
  assert.equal(found('http://dcat-ap.de/def/dcatde/politicalGeocodingURI')?.severity, 'Warning');
  assert.match(found('http://purl.org/dc/terms/license')!.message, /Lizenz/);
});

test('CC BY 4.0 as configured; unknown licence is a usage error', async () => {
  assert.equal((await cli.run('export', '--wave', '2019-demo', '--format', 'opendata', '--out', 'cc', '--license', 'cc-by/4.0')).code, 0);
  const cc = JSON.parse(cli.text('cc/dcat.jsonld')) as Record<string, Record<string, { '@id': string }>[]>;
  assert.ok(cc['dcat:distribution']!.every((d) => d['dct:license']!['@id'] === 'http://dcat-ap.de/def/licenses/cc-by/4.0'), 'cc-by');
  assert.deepEqual(await validate(cc), []);
  const bad = await cli.run('export', '--wave', '2019-demo', '--format', 'opendata', '--out', 'x', '--license', 'gpl');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Lizenz „gpl“ unbekannt/);
  const inherited = await cli.run('export', '--wave', '2019-demo', '--format', 'opendata', '--out', 'x', '--license', 'constructor');
  assert.deepEqual([inherited.code, /Lizenz „constructor“ unbekannt/.test(inherited.stderr)], [2, true]);
  const weighted = await cli.run('export', '--wave', '2019-demo', '--format', 'opendata', '--out', 'x', '--weighted');
  assert.equal(weighted.code, 2, '--weighted is refused where it would be ignored');
  assert.match(weighted.stderr, /--weighted gibt es für csv-excel, xlsx, spss, r und codebook; die offenen Daten haben kein Gewicht\./);
});

test('no open-data cell below k, no single municipality recoverable; every table of the results document', async () => {
  const k = 5;
  const pub = JSON.parse(cli.text('od/tabellen.json')) as PublicResultsDocument;
  assertValidResults(pub);
  const full = JSON.parse((await cli.run('analyze', '--wave', '2019-demo', '--json')).stdout) as ResultsDocument;
  assert.deepEqual(pub.tables.map((t) => `${t.variable}×${t.by}`), full.tables.map((t) => `${t.variable}×${t.by}`));
  assert.equal(pub.disclosure.k, k);
  assert.ok(pub.disclosure.suppressed_cells > 0, 'something suppressed');
  const { data } = Papa.parse<Record<string, string>>(cli.text('od/tabellen.csv'), { header: true, skipEmptyLines: true });
  assert.equal(data.length, pub.tables.reduce((sum, t) => sum + t.cells.length, 0));
  const groups = new Map<string, { suppressed: number; published: number[]; base: number }>();
  for (const row of data) {
    if (row.suppressed === 'true') assert.equal(row.n, '', 'no n in a suppressed cell');
    else assert.ok(Number(row.n) === 0 || Number(row.n) >= k, `${row.variable} × ${row.by}=${row.group}: n = ${row.n}`);
    const key = `${row.variable}|${row.by}|${row.group}`;
    const group = groups.get(key) ?? { suppressed: 0, published: [], base: Number(row.base) };
    if (row.suppressed === 'true') group.suppressed++;
    else group.published.push(Number(row.n));
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    assert.notEqual(group.suppressed, 1, `${key}: one suppressed cell is base minus the others`);
    if (group.base < k) assert.ok(group.published.every((n) => n === 0), `${key}: a group of ${group.base} shows an answer`);
  }
  const files = [...cli.files.keys()].filter((path) => path.startsWith('od/'));
  assert.deepEqual(files.sort(), ['od/dcat.jsonld', 'od/tabellen.csv', 'od/tabellen.json']);
  for (const path of files) assert.doesNotMatch(cli.text(path), /"ags"|\b\d{8}\b/, `${path} holds no AGS`);
  assert.match(cli.text('od/tabellen.csv'), /^variable,variable_label,by,group,value,value_label,n,base,share,ci95_lower,ci95_upper,suppressed\r\n/);
  assert.match(cli.text('od/tabellen.csv'), /strategy_status,Hat Ihre Kommune eine Digitalisierungsstrategie\?,all,all,vorhanden,"Ja, liegt vor",58,412,/);
});
