// `analyze --waves a,b --weighted` through run(argv, io) on the demo waves: each wave's cells are exactly its
// single-wave weighted table (`analyze --wave … --weighted`), every test of change is Rao-Scott on the
// stacked waves, the panel stays unweighted McNemar, and the document validates against the schema.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import type { TrendDocument } from '../src/analysis/trend/trend-document.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { demoResults } from './support/demo-results.js';
import { assertValidResults, isValidResults } from './support/validate-results.js';

let cli: MemoryCli;
let doc: TrendDocument;
const single = new Map<string, ResultsDocument>();
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--weighted', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  assert.doesNotMatch(result.stdout, /NaN|Infinity/);
  doc = JSON.parse(result.stdout) as TrendDocument;
  for (const wave of ['2019-demo', '2021-demo']) {
    const own = await cli.run('analyze', '--wave', wave, '--weighted', '--json');
    assert.equal(own.code, 0, own.stderr);
    single.set(wave, JSON.parse(own.stdout) as ResultsDocument);
  }
});
after(() => cli.close());

test('weighted trend: each wave raked on its own, the last wave’s weighted document, the method named', () => {
  assert.equal(doc.weighted, true);
  assert.deepEqual(doc.waves.map((wave) => [wave.wave, wave.weights]), [
    ['2019-demo', single.get('2019-demo')!.weights],
    ['2021-demo', single.get('2021-demo')!.weights],
  ]);
  assert.deepEqual(doc.weights, single.get('2021-demo')!.weights);
  assert.deepEqual(doc.tables, single.get('2021-demo')!.tables);
  assert.deepEqual(doc.trend_method && [doc.trend_method.cells, doc.trend_method.changes, doc.trend_method.panel], [
    'raked-per-wave',
    'rao-scott-stacked-strata',
    'mcnemar-unweighted',
  ]);
  assert.match(doc.trend_method!.description, /Wellen als Schichten/);
});

test('cells per wave are the single-wave weighted cells (shares, sums and logit intervals)', () => {
  let compared = 0;
  for (const table of doc.trends) {
    for (const wave of ['2019-demo', '2021-demo']) {
      const own = single.get(wave)!.tables.find((t) => t.variable === table.variable && t.by === table.by)!;
      const mine = table.cells.filter((cell) => cell.wave === wave).map(({ wave: _wave, ...cell }) => cell);
      assert.deepEqual(mine, own.cells, `${table.variable} by ${table.by}, ${wave}`);
      compared++;
    }
  }
  assert.ok(compared > 1000, String(compared));
});

test('tests of change are Rao-Scott on the stacked waves; the panel stays unweighted McNemar', async () => {
  const tests = doc.trends.flatMap((table) => table.changes.map((change) => change.test)).filter((t) => t !== null);
  assert.ok(tests.length > 500);
  assert.ok(tests.every((t) => t.method === 'rao-scott'));
  // ddf = d0 · degf of the stacked domain = d0 · (units − 2 strata); units from the unweighted trend's bases.
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--json');
  const plain = JSON.parse(result.stdout) as TrendDocument;
  const bases = plain.trends.find((t) => t.variable === 'strategy_status' && t.by === 'all')!.cells.filter((c) => c.value === 'vorhanden').map((c) => c.base);
  const strategy = doc.trends.find((t) => t.variable === 'strategy_status' && t.by === 'all')!.changes[0]!.test!;
  assert.ok(strategy.method === 'rao-scott' && strategy.p > 0 && strategy.p <= 1);
  assert.ok(Math.abs(strategy.ddf / strategy.df - (bases[0]! + bases[1]! - 2)) < 1e-9, JSON.stringify({ strategy, bases }));
  const egov = doc.trends.find((t) => t.variable === 'vg_egov' && t.by === 'all')!.changes[0]!;
  const unweighted = egov.panel![0]!;
  assert.ok(Number.isInteger(unweighted.units) && unweighted.units > 200 && unweighted.test?.method === 'mcnemar');
});

test('the schema keeps weighted and unweighted trends apart', () => {
  const chi2 = { method: 'chi2', statistic: 1, df: 1, p: 0.3, cramers_v: 0.1 };
  const mixed = { ...doc, trends: [{ ...doc.trends[0]!, changes: [{ group: 'all', test: chi2 }] }] };
  assert.equal(isValidResults(mixed), false);
  const unweighted = { ...doc, weighted: false, weights: undefined, trend_method: undefined, tables: [] };
  assert.equal(isValidResults(unweighted), false); // fractional n and Rao-Scott tests in an unweighted trend
  const { results } = demoResults();
  assert.equal(isValidResults(results), true);
  assert.equal(isValidResults({ ...results, weights: doc.weights }), false, 'an unweighted document has no weights');
});

test('without --json: the overview says weighted', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--weighted');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Entwicklung 2019-demo \(412\) → 2021-demo \(412\), gewichtet\./);
});

test('--by adds a grouping to the weighted trend: Rao-Scott per group of it', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--weighted', '--by', 'chefsache', '--json');
  assert.equal(result.code, 0, result.stderr);
  const trend = JSON.parse(result.stdout) as TrendDocument;
  const table = trend.trends.find((t) => t.variable === 'strategy_status' && t.by === 'chefsache')!;
  assert.deepEqual(table.changes.map((c) => [c.group, c.test?.method]), [['false', 'rao-scott'], ['true', 'rao-scott']]);
});
