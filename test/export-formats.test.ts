// `export` through run(argv, io): every format of the demo wave and of an awkward wave (all-missing
// variable, umlauts, quotes and formulas in comments, not asked vs not answered, weights).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import type { Codebook } from '../src/formats/codebook.js';
import { assertCountsEqual, codesOf } from './support/export-counts.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
let demoDoc: ResultsDocument;
const fixture = (name: string) => readFileSync(new URL(`fixtures/export/${name}`, import.meta.url));

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  demoDoc = JSON.parse((await cli.run('analyze', '--wave', '2019-demo', '--json')).stdout) as ResultsDocument;
  assert.equal((await cli.run('wave', 'create', 'awkward', '--title', 'Schwierige Welle „Ä“')).code, 0);
  cli.files.set('awkward.csv', fixture('awkward.csv'));
  const imported = await cli.run('import-responses', 'awkward.csv', '--wave', 'awkward');
  assert.equal(imported.code, 0, imported.stderr);
});
after(() => cli.close());

async function exported(...args: string[]) {
  const result = await cli.run('export', ...args);
  assert.equal(result.code, 0, result.stderr);
  return result;
}

function csvRows(text: string, delimiter: string): string[][] {
  return text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '').map((line) => line.split(delimiter));
}

test('codebook: every variable with question text, type, options, filter, definition; frequencies equal analyze --json', async () => {
  const result = await exported('--wave', '2019-demo', '--format', 'codebook', '--out', 'cb');
  assert.match(result.stderr, /synthetische Demo-Daten/);
  const book = JSON.parse(cli.text('cb/codebuch.json')) as Codebook;
  const fields = book.variables.find((v) => v.name === 'strategy_fields__verwaltung')!;
  assert.equal(fields.type, 'multi');
  assert.equal(fields.show_if, 'nur wenn strategy_status ∈ {vorhanden, in_entwicklung}');
  assert.match(fields.label, /^Welches sind die drei wichtigsten Handlungsfelder Ihrer Strategie\? – Verwaltungshandeln$/);
  assert.match(book.variables.find((v) => v.name === 'egov_count')!.definition!, /Basiskomponenten/);
  // A derived variable whose source question was routed away (fim_known = nein) is -1 "nicht gefragt",
  // only a missing source answer is -2.
  const frequencies = (name: string) => new Map(book.variables.find((v) => v.name === name)!.frequencies!.map((f) => [f.code, f.n]));
  const nein = book.variables.find((v) => v.name === 'fim_known')!.options!.find((option) => option.value === 'nein')!.code;
  const unknownFim = frequencies('fim_known').get(-2) ?? 0;
  assert.equal(frequencies('fim_helpful__leistungen').get(-1), frequencies('fim_known').get(nein));
  assert.ok((frequencies('fim_helpful__leistungen').get(-2) ?? 0) >= unknownFim);
  assert.deepEqual(book.variables.find((v) => v.name === 'strategy_status')!.options![0], { code: 1, value: 'vorhanden', label: 'Ja, liegt vor' });
  assert.ok(!book.variables.some((v) => v.name === 'comments' || v.name === 'contact_email'), 'no identifiers by default');
  const codes = codesOf(book);
  const freq = new Map(book.variables.map((v) => [v.name, new Map((v.frequencies ?? []).map((f) => [f.code, f.n]))]));
  const cells = assertCountsEqual(demoDoc, (variable, value) => freq.get(variable)!.get(codes.get(variable)!.byValue.get(value)!)!, 'Codebuch');
  assert.ok(cells > 300, String(cells));
  const notAsked = freq.get('strategy_fields__verwaltung')!.get(-1)!;
  assert.equal(notAsked, demoDoc.n - (fields.frequencies!.filter((f) => f.code >= 0).reduce((a, f) => a + f.n, 0) + freq.get('strategy_fields__verwaltung')!.get(-2)!));
  const page = cli.text('cb/codebuch.html');
  assert.match(page, /<html lang="de">/);
  assert.match(page, /Ja, liegt vor/);
  assert.doesNotMatch(page, /<script/);
});

test('German Excel CSV: BOM, semicolon, CRLF, decimal comma, formulas neutralised, identifiers only with --intern', async () => {
  await exported('--wave', 'awkward', '--format', 'csv-excel', '--out', 'public.csv');
  const bytes = cli.files.get('public.csv')!;
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const publicText = cli.text('public.csv');
  assert.ok(publicText.startsWith('ags;state;size_class;unit_type;'), publicText.slice(0, 80));
  assert.doesNotMatch(publicText, /comments|contact_email|HYPERLINK|flensburg\.example/);
  await exported('--wave', 'awkward', '--format', 'csv-excel', '--out', 'intern.csv', '--intern', '--weighted');
  const text = cli.text('intern.csv');
  assert.ok(text.endsWith('\r\n'));
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /(?<!")\n(?!zweite)/, 'LF only inside the quoted comment');
  const header = text.split('\r\n')[0]!.split(';');
  assert.ok(header.includes('comments') && header.includes('contact_email') && header.at(-1) === 'gewicht', header.join(';'));
  assert.match(text, /'=HYPERLINK\(""http:\/\/evil\.example"",""klick""\)/);
  assert.match(text, /;'\+49 431 Telefon;/);
  assert.match(text, /;'-minus;/);
  assert.match(text, /;'@at;/);
  assert.match(text, /"Grüße aus „Kiel“, sagt ""Müller""; ÄÖÜß\nzweite Zeile"/);
  const weights = csvRows(text.replace(/"[^"]*"/g, 'x'), ';').slice(1).map((row) => row.at(-1)!);
  assert.equal(weights.length, 7);
  assert.ok(weights.every((weight) => /^\d+(,\d+)?$/.test(weight)), weights.join(' '));
  assert.ok(weights.some((weight) => weight.includes(',')), weights.join(' '));
});

test('awkward wave: all-missing variable, not asked (-1) vs not answered (-2), derived missing', async () => {
  await exported('--wave', 'awkward', '--format', 'codebook', '--out', 'acb', '--intern');
  const book = JSON.parse(cli.text('acb/codebuch.json')) as Codebook;
  const freq = (name: string) => new Map(book.variables.find((v) => v.name === name)!.frequencies!.map((f) => [f.code, f.n]));
  assert.deepEqual([...freq('broadband_grade')].filter(([code]) => code !== -2).every(([, n]) => n === 0), true);
  assert.equal(freq('broadband_grade').get(-2), 7);
  // strategy_fields: asked for vorhanden/in_entwicklung (4), one of them left it empty; 3 not asked.
  assert.equal(freq('strategy_fields__verwaltung').get(-1), 3);
  assert.equal(freq('strategy_fields__verwaltung').get(-2), 1);
  assert.equal(freq('strategy_fields__verwaltung').get(1), 2);
  assert.equal(freq('strategy_status').get(-2), 1);
  assert.equal(freq('vg_strategy').get(-2), 1);
  // contact_email: asked when peer_exchange = ja (3), given twice; comments free text.
  assert.deepEqual([freq('contact_email').get(0), freq('contact_email').get(-1), freq('contact_email').get(-2)], [2, 4, 1]);
  assert.equal(book.variables.find((v) => v.name === 'comments')!.identifying, true);
  assert.doesNotMatch(cli.text('acb/codebuch.html'), /Müller|HYPERLINK|flensburg\.example/, 'the codebook counts texts, never shows them');
});

test('XLSX: sheets Daten, Variablen, Wertelabels with German headers; read back', async () => {
  await exported('--wave', 'awkward', '--format', 'xlsx', '--out', 'a.xlsx', '--intern', '--weighted');
  const bytes = Buffer.from(cli.files.get('a.xlsx')!);
  const sheets = await readXlsxFile(bytes);
  assert.deepEqual(sheets.map((sheet) => sheet.sheet), ['Daten', 'Variablen', 'Wertelabels']);
  const [data, variables, labels] = sheets.map((sheet) => sheet.data);
  assert.equal(data!.length, 8);
  const header = data![0] as string[];
  const column = (name: string) => data!.slice(1).map((row) => row[header.indexOf(name)]);
  assert.deepEqual(column('ags'), ['01001000', '01002000', '01003000', '03101000', '03102000', '05111000', '09162000']);
  assert.deepEqual(column('strategy_fields__verwaltung'), [1, -1, -1, -2, -1, 0, 1]);
  assert.equal(column('comments')[0], '=HYPERLINK("http://evil.example","klick")');
  assert.equal(column('comments')[1], 'Grüße aus „Kiel“, sagt "Müller"; ÄÖÜß\nzweite Zeile');
  assert.ok(column('gewicht').every((w) => typeof w === 'number' && w > 0), String(column('gewicht')));
  assert.deepEqual(variables![0], ['Variable', 'Beschriftung', 'Typ', 'Messniveau', 'Filter (nur wenn)', 'Definition', 'Direkter Identifikator']);
  assert.deepEqual(labels![0], ['Variable', 'Code', 'Wert', 'Beschriftung']);
  assert.ok(labels!.some((row) => row[0] === 'strategy_status' && row[1] === 4 && row[3] === 'Nein, ist für uns (noch) kein Thema'), 'label 4');
  assert.ok(labels!.some((row) => row[0] === 'strategy_status' && row[1] === -1 && row[3] === 'nicht gefragt'), 'label -1');
});

test('XLSX of the demo wave: valid codes per variable equal analyze --json', async () => {
  await exported('--wave', '2019-demo', '--format', 'xlsx', '--out', 'demo.xlsx');
  await exported('--wave', '2019-demo', '--format', 'codebook', '--out', 'cb2');
  const codes = codesOf(JSON.parse(cli.text('cb2/codebuch.json')) as Codebook);
  const [data] = (await readXlsxFile(Buffer.from(cli.files.get('demo.xlsx')!))).map((sheet) => sheet.data);
  const header = data![0] as string[];
  const rows = data!.slice(1);
  assert.equal(rows.length, 412);
  assertCountsEqual(demoDoc, (variable, value) => {
    const index = header.indexOf(variable);
    const code = codes.get(variable)!.byValue.get(value);
    return rows.filter((row) => row[index] === code).length;
  }, 'XLSX');
});

test('CSV round trip: the flat CSV of the awkward wave (internal, with identifiers) imports back unchanged', async () => {
  await exported('--wave', 'awkward', '--format', 'csv', '--intern', '--out', 'flat1.csv');
  assert.equal((await cli.run('wave', 'create', 'awkward-copy', '--title', 'Kopie')).code, 0);
  const imported = await cli.run('import-responses', 'flat1.csv', '--wave', 'awkward-copy');
  assert.equal(imported.code, 0, imported.stderr);
  await exported('--wave', 'awkward-copy', '--format', 'csv', '--intern', '--out', 'flat2.csv');
  assert.equal(cli.text('flat2.csv'), cli.text('flat1.csv'));
  const original = new Map((await cli.store.responsesForWave('awkward')).map((r) => [r.ags, r.answers]));
  for (const copy of await cli.store.responsesForWave('awkward-copy')) {
    const answers = { ...original.get(copy.ags) };
    // The flat CSV neutralises formulas with "'"; the importer keeps cells verbatim (responses-csv.ts).
    if (answers.comments && /^[=+\-@]/.test(answers.comments)) answers.comments = `'${answers.comments}`;
    assert.deepEqual(copy.answers, answers, copy.ags);
  }
});
