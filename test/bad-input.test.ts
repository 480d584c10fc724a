// Every malformed file is rejected with a German message naming row and column, and changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

interface Case {
  readonly file: string;
  /** Substrings stderr must contain (German message and location). */
  readonly expect: readonly (string | RegExp)[];
}

const RESPONSE_CASES: readonly Case[] = [
  { file: 'responses-latin1.csv', expect: [/UTF-8/] },
  { file: 'responses-tab-separated.csv', expect: [/Spalte/, /ags/] },
  { file: 'responses-missing-ags.csv', expect: [/ags/] },
  { file: 'responses-unknown-column.csv', expect: [/lieblingsfarbe/] },
  { file: 'responses-unknown-option.csv', expect: [/Zeile 2/, /strategy_status/, /vielleicht/] },
  { file: 'responses-duplicate-ags.csv', expect: [/Zeile 4/, /05999001/] },
  { file: 'responses-unknown-ags.csv', expect: [/Zeile 3/, /05315000/] },
  { file: 'responses-short-ags.csv', expect: [/Zeile 2/, /5999001/] },
  { file: 'responses-exclusive.csv', expect: [/Zeile 2/, /strategy_links__keine|strategy_links/] },
  { file: 'responses-four-fields.csv', expect: [/Zeile 2/, /strategy_fields/, /3/] },
  { file: 'responses-text-too-long.csv', expect: [/Zeile 2/, /comments/, /2[.]?000/] },
  { file: 'responses-empty.csv', expect: [/leer/i] },
  { file: 'responses-whitespace-only.csv', expect: [/leer/i] },
  { file: 'responses-header-only.csv', expect: [/keine Datenzeile|nur (die )?Kopfzeile/i] },
  { file: 'responses-not-asked.csv', expect: [/Zeile 2/, /strategy_fields__verwaltung/] },
  { file: 'responses-invalid-flag.csv', expect: [/Zeile 2/, /strategy_fields__verwaltung/, /ja/] },
  { file: 'responses-invalid-email.csv', expect: [/Zeile 2/, /contact_email/] },
  { file: 'responses-email-not-asked.csv', expect: [/Zeile 2/, /contact_email/] },
  { file: 'responses-unbalanced-quote.csv', expect: [/Zeile/, /Anführungszeichen|Zitat|CSV/i] },
  { file: 'responses-extra-cell.csv', expect: [/Zeile 2/] },
  { file: 'responses-duplicate-column.csv', expect: [/strategy_status/] },
  { file: 'responses-operator-not-asked.csv', expect: [/Zeile 2/, /operator__formularserver__eigene_it/] },
  { file: 'responses-grid-exclusive.csv', expect: [/Zeile 2/, /community_support__wlan/] },
  { file: 'responses-broadband-grade.csv', expect: [/Zeile 2/, /broadband_grade/, /7/] },
  { file: 'responses-nul-in-text.csv', expect: [/Zeile 2/, /comments/, /Steuerzeichen \(U\+0000\)/] },
];

const REGISTER_CASES: readonly Case[] = [
  { file: 'register-missing-column.csv', expect: [/population/] },
  { file: 'register-duplicate-ags.csv', expect: [/Zeile 4/, /05999001/] },
  { file: 'register-bad-population.csv', expect: [/Zeile 3/, /population/, /8\.120/] },
  { file: 'register-unknown-state.csv', expect: [/Zeile 2/, /XX/] },
  { file: 'register-unknown-type.csv', expect: [/Zeile 2/, /Dorf/] },
  { file: 'register-ags-state-mismatch.csv', expect: [/Zeile 2/, /09999001/] },
  { file: 'register-short-ags.csv', expect: [/Zeile 2/, /5999001/] },
  { file: 'register-empty.csv', expect: [/leer/i] },
  { file: 'register-header-only.csv', expect: [/keine Datenzeile|nur (die )?Kopfzeile/i] },
  { file: 'register-decimal-comma.csv', expect: [/Zeile 2/, /Die Zeile hat 10 Spalten, die Kopfzeile 9\./] },
  { file: 'register-duplicate-column.csv', expect: [/Die Spalte „name“ kommt mehrfach vor \(zuerst als Spalte 2\)/] },
];

let cli: MemoryCli;
let baseline: { responses: unknown; register: unknown; audit: number };

before(async () => {
  cli = await memoryCli();
  cli.files.set('gemeinden.csv', fixture('good/test-gemeinden.csv'));
  cli.files.set('kreise.csv', fixture('good/test-kreise.csv'));
  cli.files.set('minimal.csv', fixture('good/responses-minimal.csv'));
  assert.equal((await cli.run('import-register', 'gemeinden.csv', 'kreise.csv')).code, 0);
  assert.equal((await cli.run('wave', 'create', 'test', '--title', 'Testwelle')).code, 0);
  assert.equal((await cli.run('import-responses', 'minimal.csv', '--wave', 'test')).code, 0);
  baseline = await snapshot();
});
after(() => cli.close());

async function snapshot() {
  return {
    responses: await cli.store.responsesForWave('test'),
    register: await cli.store.registerUnits(),
    audit: (await cli.store.auditLog(10_000)).length,
  };
}

async function assertRejected(args: string[], expect: Case['expect']) {
  const result = await cli.run(...args);
  assert.equal(result.code, 3, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, /Es wurde nichts geschrieben/);
  for (const pattern of expect) assert.match(result.stderr, typeof pattern === 'string' ? new RegExp(pattern) : pattern);
  assert.equal(result.stdout, '');
  assert.deepEqual(await snapshot(), baseline, 'database unchanged');
}

for (const { file, expect } of RESPONSE_CASES) {
  test(`responses: ${file} is rejected`, async () => {
    cli.files.set(file, fixture(`bad/${file}`));
    await assertRejected(['import-responses', file, '--wave', 'test'], [...expect, new RegExp(file.replace('.', '\\.'))]);
  });
}

for (const { file, expect } of REGISTER_CASES) {
  test(`register: ${file} is rejected`, async () => {
    cli.files.set(file, fixture(`bad/${file}`));
    // Messages name the file as given, not the format's name.
    await assertRejected(['import-register', file], [...expect, new RegExp(`Fehler in ${file.replace('.', '\\.')}`)]);
  });
}

test('register: a Gemeinde whose Kreis is missing from kreise.csv is rejected', async () => {
  cli.files.set('kreise-bad.csv', fixture('bad/kreise-unknown-district.csv'));
  cli.files.set('gemeinden-2025.csv', cli.files.get('gemeinden.csv')!);
  await assertRejected(['import-register', 'gemeinden-2025.csv', 'kreise-bad.csv'], [/09999/, /kreise|Kreis/, /gemeinden-2025\.csv/]);
});

test('responses: a 50 MB file is rejected before parsing', async () => {
  const row = '05999001,vorhanden,1,1,0,0,0,' + 'x'.repeat(1000) + '\n';
  cli.files.set('big.csv', new TextEncoder().encode(readFileSync(new URL('fixtures/good/responses-minimal.csv', import.meta.url), 'utf8').split('\n')[0] + '\n' + row.repeat(50_000)));
  await assertRejected(['import-responses', 'big.csv', '--wave', 'test'], [/MB|MiB|groß/]);
});

test('responses: formula injection is stored verbatim and neutralised on export', async () => {
  cli.files.set('formula.csv', fixture('bad/responses-formula-injection.csv'));
  const imported = await cli.run('import-responses', 'formula.csv', '--wave', 'test');
  assert.equal(imported.code, 0, imported.stderr);
  const stored = (await cli.store.responsesForWave('test')).find((r) => r.ags === '05999001');
  assert.equal(stored?.answers.comments, '=HYPERLINK("http://evil.example","klick")');
  assert.equal((await cli.run('export', '--wave', 'test', '--format', 'csv', '--intern', '--out', 'out.csv')).code, 0);
  assert.match(cli.text('out.csv'), /"'=HYPERLINK\(""http:\/\/evil\.example"",""klick""\)"/);
  baseline = await snapshot();
});

test('responses: a file saved by German Excel (BOM, semicolon, CRLF, quoted newline) is accepted', async () => {
  cli.files.set('excel.csv', fixture('good/responses-excel.csv'));
  const result = await cli.run('import-responses', 'excel.csv', '--wave', 'test');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /2 Antworten importiert \(0 neu, 2 ersetzt\)/);
  const stored = new Map((await cli.store.responsesForWave('test')).map((r) => [r.ags, r]));
  assert.equal(stored.get('05999002')?.answers.comments, 'Zeile eins\nZeile zwei; mit Semikolon');
  assert.equal(stored.get('05999001')?.answers.strategy_fields__infrastruktur, '1');
  assert.equal(stored.get('05999001')?.revision, 3);
});
