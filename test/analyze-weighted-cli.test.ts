// `analyze --weighted` through run(argv, io) on the demo wave: a valid weighted results document
// (statistics.md "Weighted"; the numbers themselves are pinned against R in test/reference).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CountCell, RaoScottTableTest, ResultsDocument } from '../src/analysis/results-document.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

let cli: MemoryCli;
let doc: ResultsDocument;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('analyze', '--wave', '2019-demo', '--weighted', '--json');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assertValidResults(result.stdout);
  assert.doesNotMatch(result.stdout, /NaN|Infinity/);
  doc = JSON.parse(result.stdout) as ResultsDocument;
});
after(() => cli.close());

test('weighted document: raking summary, weight sums, Rao-Scott tests', () => {
  assert.equal(doc.weighted, true);
  assert.equal(doc.n, 412);
  assert.equal(doc.weights?.method, 'raking');
  assert.ok(doc.weights.iterations >= 1 && doc.weights.design_effect >= 1);
  // Demo respondents come from every Land but the city states, which therefore leave the population.
  assert.deepEqual(doc.weights.excluded.map((e) => e.value).sort(), ['Berlin', 'Bremen', 'Hamburg']);
  for (const table of doc.tables) {
    if (table.by !== 'all') assert.ok(table.test === null || table.test?.method === 'rao-scott', `${table.variable} × ${table.by}`);
    for (const cell of table.cells as CountCell[]) {
      assert.ok(cell.ci95[0] <= cell.share + 1e-12 && cell.share <= cell.ci95[1] + 1e-12, `${table.variable} × ${table.by}`);
    }
  }
});

test('the weights sum to the target population in every complete table', () => {
  const all = doc.tables.filter((t) => t.by === 'all').map((t) => (t.cells as CountCell[])[0]?.base ?? 0);
  const population = Math.max(...all);
  for (const table of doc.tables.filter((t) => t.by === 'state')) {
    const byGroup = new Map((table.cells as CountCell[]).map((cell) => [cell.by, cell.base]));
    const sum = [...byGroup.values()].reduce((a, b) => a + b, 0);
    const overall = (doc.tables.find((t) => t.variable === table.variable && t.by === 'all')!.cells as CountCell[])[0]?.base ?? 0;
    assert.ok(Math.abs(sum - overall) < 1e-6 * population, table.variable);
  }
  const status = doc.tables.find((t) => t.variable === 'strategy_status' && t.by === 'size_class')!;
  assert.equal((status.test as RaoScottTableTest).method, 'rao-scott');
  assert.ok((status.test as RaoScottTableTest).ddf > (status.test as RaoScottTableTest).df);
});

test('weighting without a register row for a respondent fails in German, exit 5', async () => {
  const other = await memoryCli();
  try {
    const { readFileSync } = await import('node:fs');
    const gemeinden = readFileSync(new URL('fixtures/good/test-gemeinden.csv', import.meta.url), 'utf8');
    other.files.set('gemeinden.csv', new TextEncoder().encode(gemeinden));
    other.files.set('ohne.csv', new TextEncoder().encode(gemeinden.split('\n').filter((line) => !line.startsWith('05999001')).join('\n')));
    other.files.set('antworten.csv', readFileSync(new URL('fixtures/good/responses-minimal.csv', import.meta.url)));
    assert.equal((await other.run('import-register', 'gemeinden.csv')).code, 0);
    assert.equal((await other.run('wave', 'create', 'w', '--title', 'W')).code, 0);
    assert.equal((await other.run('import-responses', 'antworten.csv', '--wave', 'w')).code, 0);
    assert.equal((await other.run('import-register', 'ohne.csv')).code, 0);
    const result = await other.run('analyze', '--wave', 'w', '--weighted', '--json');
    assert.equal(result.code, 5);
    assert.match(result.stderr, /Gewichtung nicht möglich: AGS 05999001/);
    assert.equal(result.stdout, '');
  } finally {
    await other.close();
  }
});

/**
 * A fresh store with the real register and a wave `w` of these responses (flat CSV text), `target` set
 * before the import; the weighted results document of `w`.
 */
async function weightedOf(responses: string, target?: string): Promise<{ cli: MemoryCli; doc: ResultsDocument; stdout: string }> {
  const other = await memoryCli();
  const { readFileSync } = await import('node:fs');
  other.files.set('gemeinden.csv', readFileSync(new URL('../data/gemeinden.csv', import.meta.url)));
  other.files.set('kreise.csv', readFileSync(new URL('../data/kreise.csv', import.meta.url)));
  other.files.set('antworten.csv', new TextEncoder().encode(responses));
  assert.equal((await other.run('import-register', 'gemeinden.csv', 'kreise.csv')).code, 0);
  assert.equal((await other.run('wave', 'create', 'w', '--title', 'W')).code, 0);
  if (target !== undefined) assert.equal((await other.run('wave', 'target', 'w', '--ags', target)).code, 0);
  assert.equal((await other.run('import-responses', 'antworten.csv', '--wave', 'w')).code, 0);
  const result = await other.run('analyze', '--wave', 'w', '--weighted', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  return { cli: other, doc: JSON.parse(result.stdout) as ResultsDocument, stdout: result.stdout };
}

test('a table the raking explains entirely (each respondent alone in its state) gets no test, not F ≈ 1e16', async () => {
  const { cli: other, doc } = await weightedOf('ags,strategy_status\n05315000,vorhanden\n09162000,kein_thema\n11000000,vorhanden\n');
  try {
    const tables = doc.tables.filter((table) => table.variable === 'strategy_status');
    // Two values in three states (or in two vg_strategy groups): the weights are fixed by the state margin.
    assert.equal(tables.find((table) => table.by === 'state')?.test, null);
    assert.equal(tables.find((table) => table.by === 'vg_strategy')?.test, null);
    for (const table of doc.tables) {
      const test = table.test as RaoScottTableTest | null | undefined;
      assert.ok(!test || test.statistic < 1e6, `${table.variable} × ${table.by}: F = ${test?.statistic}`);
    }
  } finally {
    await other.close();
  }
});

test('a wave with its own target population is raked to it, not to the whole register (statistics.md)', async () => {
  // Target: three big NRW cities; two answer.
  const { cli: other, doc } = await weightedOf('ags,strategy_status\n05111000,vorhanden\n05315000,kein_thema\n', '05111000,05315000,05113000');
  try {
    const all = doc.tables.find((table) => table.variable === 'strategy_status' && table.by === 'all')!;
    assert.ok(Math.abs((all.cells[0] as CountCell).base - 3) < 1e-9, `base ${(all.cells[0] as CountCell).base}: the 3 target units, not every gk1 city of NRW`);
    assert.deepEqual(doc.weights?.excluded, []);
    const csv = await other.run('export', '--wave', 'w', '--format', 'csv-excel', '--weighted', '--out', 'g.csv');
    assert.equal(csv.code, 0, csv.stderr);
  } finally {
    await other.close();
  }
});
