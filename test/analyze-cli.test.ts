// `analyze` through run(argv, io): the results document of the demo wave validates against the published
// schema; bad input gives a German message and a non-zero exit, never a stack trace or NaN.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CountCell, ResultsDocument } from '../src/analysis/results-document.js';
import { tableVariables } from '../src/analysis/table-variables.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

const VARIABLES = tableVariables(instrument2019).length;
const GROUPINGS = 6;

let cli: MemoryCli;
let doc: ResultsDocument;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('analyze', '--wave', '2019-demo', '--json');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assertValidResults(result.stdout);
  assert.doesNotMatch(result.stdout, /NaN|Infinity/);
  doc = JSON.parse(result.stdout) as ResultsDocument;
});
after(() => cli.close());

const cell = (variable: string, by: string, group: string, value: string) => {
  const found = doc.tables.find((t) => t.variable === variable && t.by === by)?.cells.find((c) => c.by === group && c.value === value);
  assert.ok(found && 'n' in found, `${variable} × ${by}: ${group} / ${value}`);
  return found as CountCell;
};

test('one table per variable and by: all plus the six groupings', () => {
  assert.equal(doc.wave, '2019-demo');
  assert.equal(doc.n, 412);
  assert.equal(doc.weighted, false);
  assert.equal(doc.tables.length, VARIABLES * (1 + GROUPINGS));
  assert.deepEqual(doc.tables.slice(0, 7).map((t) => t.by), ['all', 'vg_strategy', 'vg_egov', 'vg_community', 'size_class', 'state', 'unit_type']);
});

test('spot values: strategy_status = vorhanden is 58 of 412 (seed: 14 %)', () => {
  const has = cell('strategy_status', 'all', 'all', 'vorhanden');
  assert.deepEqual([has.n, has.base], [58, 412]);
  assert.ok(Math.abs(has.share - 58 / 412) < 1e-15);
  assert.ok(Math.abs(has.ci95[0] - 0.11050341874485115) < 1e-12); // R: prop.test(58, 412, correct = FALSE)
  assert.ok(Math.abs(has.ci95[1] - 0.17768684290091788) < 1e-12);
  assert.equal(cell('strategy_fields__verwaltung', 'all', 'all', '1').base, 58 + 185); // asked: vorhanden or in_entwicklung
  assert.ok(cell('strategy_status', 'state', 'Bayern', 'vorhanden').base > 0);
  assert.ok(!doc.tables.some((t) => t.variable === 'state')); // register fields are groupings only
});

test('every value of the domain is a cell of every group with base > 0, zero counts included', () => {
  const domain = new Map(tableVariables(instrument2019).map((v) => [v.name, v.values]));
  for (const table of doc.tables) {
    const groups = new Set(table.cells.map((c) => c.by));
    assert.equal(table.cells.length, groups.size * domain.get(table.variable)!.length, `${table.variable} × ${table.by}`);
    assert.ok(table.cells.every((c) => c.base! > 0));
  }
  assert.equal(cell('strategy_status', 'vg_strategy', 'hat', 'geplant').n, 0);
});

test('tests: none for all, chi2 or fisher otherwise, null only where fewer than 2 rows or columns are left', () => {
  for (const table of doc.tables) {
    if (table.by === 'all') assert.equal('test' in table, false);
    else assert.ok(table.test === null || table.test?.method === 'chi2' || table.test?.method === 'fisher', `${table.variable} × ${table.by}`);
  }
  const test = doc.tables.find((t) => t.variable === 'strategy_status' && t.by === 'vg_egov')?.test;
  assert.equal(test?.method, 'chi2');
  assert.equal(test?.method === 'chi2' && test.df, 3);
});

test('--by adds groupings: table variables by name, once', async () => {
  const result = await cli.run('analyze', '--wave', '2019-demo', '--by', 'chefsache,broadband_grade,state', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  const withBy = JSON.parse(result.stdout) as ResultsDocument;
  assert.equal(withBy.tables.length, VARIABLES * (1 + GROUPINGS + 2));
  assert.ok(withBy.tables.some((t) => t.variable === 'vg_egov' && t.by === 'broadband_grade'));
});

test('without --json: a short German overview', async () => {
  const result = await cli.run('analyze', '--wave', '2019-demo');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Welle 2019-demo: 412 Antworten/);
  assert.match(result.stdout, /strategy_status \(Basis 412\): vorhanden 14,1 %/);
});

test('--help explains the command and its exit codes in German', async () => {
  const result = await cli.run('analyze', '--help');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /Aufruf: digitalmonitor analyze --wave <id>/);
  assert.match(result.stdout, /Exit-Codes:/);
});

const BAD: readonly { name: string; argv: string[]; code: number; message: RegExp }[] = [
  { name: 'an unknown --by variable', argv: ['--wave', '2019-demo', '--by', 'lieblingsfarbe', '--json'], code: 3, message: /DM_ANALYZE_BY_UNKNOWN.*„lieblingsfarbe“/ },
  { name: 'an empty --by', argv: ['--wave', '2019-demo', '--by', ',', '--json'], code: 2, message: /DM_USAGE.*--by/ },
  { name: 'an unknown wave', argv: ['--wave', 'gibt-es-nicht', '--json'], code: 4, message: /DM_WAVE_NOT_FOUND.*„gibt-es-nicht“/ },
  { name: 'no --wave', argv: ['--json'], code: 2, message: /DM_USAGE.*--wave/ },
  { name: 'a stray argument', argv: ['2019-demo', '--json'], code: 2, message: /DM_USAGE/ },
];

for (const bad of BAD) {
  test(`${bad.name}: German message, exit ${bad.code}, nothing on stdout`, async () => {
    const result = await cli.run('analyze', ...bad.argv);
    assert.equal(result.code, bad.code, result.stderr);
    assert.match(result.stderr, bad.message);
    assert.doesNotMatch(result.stderr, /\n\s+at |Error:/);
    assert.equal(result.stdout, '');
  });
}

test('a wave without responses: German message, exit 5', async () => {
  assert.equal((await cli.run('wave', 'create', 'leer', '--title', 'Leere Welle')).code, 0);
  const result = await cli.run('analyze', '--wave', 'leer', '--json');
  assert.equal(result.code, 5);
  assert.match(result.stderr, /DM_WAVE_NO_RESPONSES.*„leer“ hat keine abgeschickten Antworten/);
  assert.equal(result.stdout, '');
});

test('groupings with one level give test null, not NaN', async () => {
  assert.equal((await cli.run('wave', 'create', 'nrw', '--title', 'Drei Städte in NRW')).code, 0);
  const csv = 'ags,strategy_status,broadband_grade\n05315000,vorhanden,1\n05111000,geplant,2\n05113000,vorhanden,3\n';
  cli.files.set('nrw.csv', new TextEncoder().encode(csv));
  const imported = await cli.run('import-responses', 'nrw.csv', '--wave', 'nrw');
  assert.equal(imported.code, 0, imported.stderr);
  const result = await cli.run('analyze', '--wave', 'nrw', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  const small = JSON.parse(result.stdout) as ResultsDocument;
  const byState = small.tables.find((t) => t.variable === 'strategy_status' && t.by === 'state')!;
  assert.equal(byState.test, null);
  assert.deepEqual([...new Set(byState.cells.map((c) => c.by))], ['Nordrhein-Westfalen']);
  const empty = small.tables.find((t) => t.variable === 'fim_known' && t.by === 'all')!;
  assert.deepEqual(empty.cells, []);
});
