// The SPSS and R exports are run by Debian's pspp and Rscript; the .sav and the R factors must hold the
// same counts as `analyze --json`, labels with umlauts, and the two missing kinds apart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import type { Codebook } from '../src/formats/codebook.js';
import { assertCountsEqual, codesOf } from './support/export-counts.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
let doc: ResultsDocument;
let book: Codebook;
const work = mkdtempSync(join(tmpdir(), 'dm-export-'));

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  doc = JSON.parse((await cli.run('analyze', '--wave', '2019-demo', '--json')).stdout) as ResultsDocument;
  assert.equal((await cli.run('export', '--wave', '2019-demo', '--format', 'codebook', '--out', 'cb')).code, 0);
  book = JSON.parse(cli.text('cb/codebuch.json')) as Codebook;
});
after(async () => {
  await cli.close();
  rmSync(work, { recursive: true, force: true });
});

/** Exports `format` of the demo wave and copies its folder to disk. */
async function exportFolder(format: string, ...extra: string[]): Promise<string> {
  const result = await cli.run('export', '--wave', '2019-demo', '--format', format, '--out', format, ...extra);
  assert.equal(result.code, 0, result.stderr);
  const dir = mkdtempSync(join(work, `${format}-`));
  for (const [path, data] of cli.files) if (path.startsWith(`${format}/`)) writeFileSync(join(dir, path.slice(format.length + 1)), data);
  return dir;
}

test('SPSS: pspp turns daten.sps into daten.sav; labels with umlauts, user-missing -1/-2, counts equal analyze --json', async () => {
  const dir = await exportFolder('spss', '--weighted');
  execFileSync('pspp', ['daten.sps'], { cwd: dir, stdio: 'pipe' });
  writeFileSync(
    join(dir, 'check.sps'),
    [
      "GET FILE='daten.sav'.",
      'DISPLAY DICTIONARY /VARIABLES=state strategy_status strategy_fields__verwaltung vg_strategy gewicht.',
      'FREQUENCIES /VARIABLES=strategy_fields__verwaltung.',
      "SAVE TRANSLATE /OUTFILE='werte.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.",
      '',
    ].join('\n'),
  );
  execFileSync('pspp', ['-o', 'ausgabe.csv', 'check.sps'], { cwd: dir, stdio: 'pipe' });
  const output = readFileSync(join(dir, 'ausgabe.csv'), 'utf8');
  assert.match(output, /strategy_status,\d+,Hat Ihre Kommune eine Digitalisierungsstrategie\?,Nominal,.*,-1; -2/);
  assert.match(output, /,16,Thüringen/);
  assert.match(output, /"Nein, ist für uns \(noch\) kein Thema"/);
  assert.match(output, /gewicht,\d+,"Gewicht .*",Scale/);
  assert.match(output, /Missing,nicht gefragt,\d+/);
  const { data } = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'werte.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  assert.equal(data.length, 412);
  const codes = codesOf(book);
  assertCountsEqual(doc, (variable, value) => data.filter((row) => Number(row[variable]) === codes.get(variable)!.byValue.get(value)).length, 'SPSS');
  assert.ok(data.every((row) => Number(row.gewicht) > 0), 'weights in the .sav');
});

test('R: daten.R builds German factors and keeps "nicht gefragt" and "nicht beantwortet" apart; counts equal analyze --json', async () => {
  const dir = await exportFolder('r');
  const script = [
    'source("daten.R", encoding = "UTF-8")',
    'for (name in names(daten)) {',
    '  if (name == "ags") next',
    '  t <- table(daten[[name]])',
    '  for (level in names(t)) cat(name, "\\t", level, "\\t", t[[level]], "\\n", sep = "")',
    '  f <- table(fehlend[[name]])',
    '  for (level in names(f)) cat(name, "\\tFEHLT:", level, "\\t", f[[level]], "\\n", sep = "")',
    '}',
    'cat("LABEL\\t", attr(daten$state, "label"), "\\n", sep = "")',
  ].join('\n');
  writeFileSync(join(dir, 'check.R'), script);
  const out = execFileSync('Rscript', ['check.R'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  const counts = new Map<string, number>();
  for (const line of out.split('\n')) {
    const [name, level, n] = line.split('\t');
    if (n !== undefined) counts.set(`${name}\t${level}`, Number(n));
  }
  assert.match(out, /LABEL\tBundesland/);
  assert.equal(counts.get('state\tThüringen') !== undefined, true, 'umlaut level');
  const codes = codesOf(book);
  const labelOf = (variable: string, value: string) => book.variables.find((v) => v.name === variable)!.options!.find((o) => o.value === value)!.label;
  assert.ok(codes.size > 0, 'codebook');
  assertCountsEqual(doc, (variable, value) => counts.get(`${variable}\t${labelOf(variable, value)}`) ?? 0, 'R');
  const freq = new Map(book.variables.find((v) => v.name === 'strategy_fields__verwaltung')!.frequencies!.map((f) => [f.code, f.n]));
  assert.equal(counts.get('strategy_fields__verwaltung\tFEHLT:nicht gefragt'), freq.get(-1));
  assert.equal(counts.get('strategy_fields__verwaltung\tFEHLT:nicht beantwortet'), freq.get(-2));
  assert.ok(freq.get(-1)! > 0, 'some not asked');
});

test('awkward wave, internal export: quotes, umlauts and a line break in comments survive pspp and R; -1 and -2 apart', async () => {
  assert.equal((await cli.run('wave', 'create', 'awkward', '--title', 'Schwierige Welle')).code, 0);
  cli.files.set('awkward.csv', readFileSync(new URL('fixtures/export/awkward.csv', import.meta.url)));
  assert.equal((await cli.run('import-responses', 'awkward.csv', '--wave', 'awkward')).code, 0);
  const folder = async (format: string) => {
    const result = await cli.run('export', '--wave', 'awkward', '--format', format, '--out', `a-${format}`, '--intern', '--weighted');
    assert.equal(result.code, 0, result.stderr);
    const dir = mkdtempSync(join(work, `a-${format}-`));
    for (const [path, data] of cli.files) if (path.startsWith(`a-${format}/`)) writeFileSync(join(dir, path.slice(format.length + 3)), data);
    return dir;
  };
  const spss = await folder('spss');
  execFileSync('pspp', ['daten.sps'], { cwd: spss, stdio: 'pipe' });
  writeFileSync(join(spss, 'check.sps'), "GET FILE='daten.sav'.\nSAVE TRANSLATE /OUTFILE='werte.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\n");
  execFileSync('pspp', ['check.sps'], { cwd: spss, stdio: 'pipe' });
  const { data } = Papa.parse<Record<string, string>>(readFileSync(join(spss, 'werte.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  assert.deepEqual(data.map((row) => row.comments!.trim()), [
    '=HYPERLINK("http://evil.example","klick")',
    'Grüße aus „Kiel“, sagt "Müller"; ÄÖÜß zweite Zeile',
    '+49 431 Telefon',
    '-minus',
    '@at',
    '-2',
    'Ärger mit ‚Öffnungszeiten‘',
  ]);
  assert.deepEqual(data.map((row) => row.contact_email!.trim()), ['digital@flensburg.example', '-1', '-1', '-2', '-1', 'kontakt@duesseldorf.example', '-1']);
  assert.deepEqual(data.map((row) => Number(row.strategy_fields__verwaltung)), [1, -1, -1, -2, -1, 0, 1]);
  assert.deepEqual(data.map((row) => Number(row.broadband_grade)), [-2, -2, -2, -2, -2, -2, -2]);
  const r = await folder('r');
  const out = execFileSync(
    'Rscript',
    ['-e', 'source("daten.R", encoding = "UTF-8"); cat(daten$comments[2], "\\n"); print(table(fehlend$contact_email)); cat(sum(is.na(daten$broadband_grade)), "\\n")'],
    { cwd: r, encoding: 'utf8', stdio: 'pipe' },
  );
  assert.match(out, /Grüße aus „Kiel“, sagt "Müller"; ÄÖÜß zweite Zeile/);
  assert.match(out, /nicht gefragt nicht beantwortet\s+4\s+1/);
  assert.match(out, /^7 $/m);
});
