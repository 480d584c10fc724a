// The German Excel CSV opens in a spreadsheet with the right columns, umlauts, decimals and no formula:
// LibreOffice Calc (headless, German locale, ';' and UTF-8 as Excel would take them) converts it to XLSX,
// which is read back. Debian package libreoffice-calc-nogui (.ci/run installs it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

// CSV filter: separator ';' (59), quote '"' (34), UTF-8 (76), start row 1, column 1 (AGS) as text (1/2),
// German (1031). As with Excel's text import, the AGS column must be declared text to keep its leading zero.
const GERMAN_CSV = 'CSV:59,34,76,1,1/2,1031';
const dir = mkdtempSync(join(tmpdir(), 'dm-lo-'));
let cli: MemoryCli;

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  assert.equal((await cli.run('wave', 'create', 'awkward', '--title', 'Schwierig')).code, 0);
  cli.files.set('awkward.csv', readFileSync(new URL('fixtures/export/awkward.csv', import.meta.url)));
  assert.equal((await cli.run('import-responses', 'awkward.csv', '--wave', 'awkward')).code, 0);
});
after(async () => {
  await cli.close();
  rmSync(dir, { recursive: true, force: true });
});

test('LibreOffice opens the German Excel CSV: columns, umlauts, decimal comma, formulas stay text', async () => {
  const result = await cli.run('export', '--wave', 'awkward', '--format', 'csv-excel', '--out', 'excel.csv', '--intern', '--weighted');
  assert.equal(result.code, 0, result.stderr);
  writeFileSync(join(dir, 'excel.csv'), cli.files.get('excel.csv')!);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', `--infilter=${GERMAN_CSV}`, '--convert-to', 'xlsx', '--outdir', dir, join(dir, 'excel.csv')],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const [sheet] = await readXlsxFile(readFileSync(join(dir, 'excel.xlsx')));
  const rows = sheet!.data;
  const header = rows[0] as string[];
  assert.equal(rows.length, 8);
  assert.equal(header.length, cli.text('excel.csv').split('\r\n')[0]!.split(';').length);
  assert.ok(rows.every((row) => row.length === header.length), 'every row has every column');
  const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
  assert.deepEqual(column('strategy_fields__verwaltung'), [1, -1, -1, -2, -1, 0, 1]);
  const weights = column('gewicht');
  assert.ok(weights.every((w) => typeof w === 'number' && w > 0), `weights are numbers: ${weights.join(' ')}`);
  assert.ok(weights.some((w) => !Number.isInteger(w)), `decimal comma read as decimals: ${weights.join(' ')}`);
  const comments = column('comments');
  assert.equal(comments[1], 'Grüße aus „Kiel“, sagt "Müller"; ÄÖÜß\nzweite Zeile');
  assert.equal(comments[6], 'Ärger mit ‚Öffnungszeiten‘');
  assert.match(String(comments[0]), /HYPERLINK\("http:\/\/evil\.example","klick"\)/, 'the formula stays text');
  assert.equal(column('ags')[0], '01001000', 'AGS keeps its leading zero');
});

test('LibreOffice opens the XLSX export: three sheets, umlauts and line breaks in text cells', async () => {
  const result = await cli.run('export', '--wave', 'awkward', '--format', 'xlsx', '--out', 'a.xlsx', '--intern');
  assert.equal(result.code, 0, result.stderr);
  writeFileSync(join(dir, 'a.xlsx'), cli.files.get('a.xlsx')!);
  // Round trip through Calc: xlsx → ods → xlsx, then read back.
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'ods', '--outdir', join(dir, 'ods'), join(dir, 'a.xlsx')], { stdio: 'pipe', timeout: 120_000 });
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'back'), join(dir, 'ods', 'a.ods')], { stdio: 'pipe', timeout: 120_000 });
  const sheets = await readXlsxFile(readFileSync(join(dir, 'back', 'a.xlsx')));
  assert.deepEqual(sheets.map((sheet) => sheet.sheet), ['Daten', 'Variablen', 'Wertelabels']);
  const data = sheets[0]!.data;
  const header = data[0] as string[];
  assert.equal(data[2]![header.indexOf('comments')], 'Grüße aus „Kiel“, sagt "Müller"; ÄÖÜß\nzweite Zeile');
  assert.equal(data[1]![header.indexOf('ags')], '01001000');
  assert.equal(data[1]![header.indexOf('comments')], '=HYPERLINK("http://evil.example","klick")', 'text, not a formula');
});
