// Weighted trends (`analyze --waves … --weighted`) against R's survey package
// (make-weighted-trend-expected.R → weighted-trend-expected.json): three waves, each raked to its own
// register margins; cells as svyciprop(xlogit) per wave, the test of change as svychisq(~wave + value,
// statistic = "F") on the stacked design with the waves as strata, raked per wave via margins crossed with
// the wave. Every number within 1e-6 (relative for sums, intervals and test quantities; absolute for shares).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RaoScottTableTest } from '../../src/analysis/results-document.js';
import { analyzeTrend } from '../../src/analysis/trend/analyze-trend.js';
import { rakeWeights } from '../../src/analysis/weighting/rake-weights.js';
import { assertValidResults } from '../support/validate-results.js';
import { Deviations } from './deviations.js';
import { loadFixture } from './load-fixture.js';

interface ExpectedCell {
  readonly wave: string;
  readonly by: string;
  readonly value: string;
  readonly n: number;
  readonly base: number;
  readonly share: number;
  readonly ci95: [number, number];
}
interface Expected {
  readonly waves: { wave: string; n: number; sweeps: number; converged: boolean; design_effect: number; excluded: unknown[]; weights: number[] }[];
  readonly trends: {
    variable: string;
    by: string;
    cells: ExpectedCell[];
    changes: { group: string; test: (RaoScottTableTest & { rank_deficient?: { rank: number; full: number } }) | null }[];
  }[];
}

const expected = JSON.parse(readFileSync(new URL('weighted-trend-expected.json', import.meta.url), 'utf8')) as Expected;
const fixtures = expected.waves.map(({ wave }) => ({ wave, ...loadFixture(`weighted-trend/${wave}`) }));
const rakings = fixtures.map((fixture) => rakeWeights({ sizeClass: fixture.sizeClass, state: fixture.state, target: fixture.target }));
const doc = analyzeTrend(
  fixtures.map(({ wave, data }) => ({ data: { ...data, waveId: wave }, instrument: 'fixture' })),
  { rakings },
);
const TOLERANCE = 1e-6;

test('each wave raked to its own margins, as rake() of that wave alone (and of the stacked design)', () => {
  expected.waves.forEach((want, w) => {
    const raking = rakings[w]!;
    assert.equal(raking.iterations, want.sweeps, want.wave);
    assert.deepEqual(raking.excluded, want.excluded, want.wave);
    const deviations = new Deviations();
    want.weights.forEach((weight, i) => deviations.record('weight', raking.weights[i]!, weight));
    assert.ok(deviations.get('weight').rel < 1e-9, deviations.report());
    assert.deepEqual(doc.waves[w]!.weights, { method: 'raking', iterations: want.sweeps, design_effect: raking.designEffect, excluded: want.excluded });
    assert.ok(Math.abs(raking.designEffect - want.design_effect) < 1e-9);
  });
  assert.deepEqual(rakings[1]!.excluded, [{ variable: 'state', value: 'Thüringen', units: 49 }]);
});

test('cells and Rao-Scott tests of change agree with survey to 1e-6', (t) => {
  const deviations = new Deviations();
  const ours = new Map(doc.trends.map((table) => [`${table.variable}/${table.by}`, table]));
  assert.equal(ours.size, expected.trends.length);
  let rankDeficient = 0;
  for (const want of expected.trends) {
    const table = ours.get(`${want.variable}/${want.by}`);
    assert.ok(table, `${want.variable} by ${want.by}`);
    const key = (cell: { wave: string; by: string; value: string }) => `${cell.wave}:${cell.by}=${cell.value}`;
    assert.deepEqual(table.cells.map(key).sort(), want.cells.map(key).sort(), `${want.variable} by ${want.by}`);
    const cells = new Map(table.cells.map((cell) => [key(cell), cell]));
    for (const cell of want.cells) {
      const got = cells.get(key(cell))!;
      deviations.record('n', got.n, cell.n);
      deviations.record('base', got.base, cell.base);
      deviations.record('share', got.share, cell.share);
      deviations.record('ci95', got.ci95[0], cell.ci95[0]);
      deviations.record('ci95', got.ci95[1], cell.ci95[1]);
    }
    assert.deepEqual(table.changes.map((change) => change.group), want.changes.map((change) => change.group), `${want.variable} by ${want.by}`);
    want.changes.forEach((change, i) => {
      const got = table.changes[i]!.test;
      const path = `${want.variable} by ${want.by}: ${change.group}`;
      if (change.test === null) return assert.equal(got, null, path);
      assert.ok(got && got.method === 'rao-scott', path);
      for (const q of ['statistic', 'df', 'ddf', 'p'] as const) deviations.record(`rao-scott ${q}`, got[q], change.test[q]);
      deviations.record('cramers_v', got.cramers_v, change.test.cramers_v);
      assert.deepEqual(got.rank_deficient, change.test.rank_deficient, path);
      if (change.test.rank_deficient) rankDeficient++;
    });
  }
  t.diagnostic(deviations.report());
  t.diagnostic(`rank-deficient tests: ${rankDeficient}`);
  assert.ok(rankDeficient > 0, 'v_block: singular tables (svychisq cannot solve) are part of the comparison');
  for (const q of ['share', 'cramers_v']) assert.ok(deviations.get(q).abs < TOLERANCE, deviations.report());
  for (const q of ['n', 'base', 'ci95', 'rao-scott statistic', 'rao-scott df', 'rao-scott ddf', 'rao-scott p']) {
    assert.ok(deviations.get(q).rel < TOLERANCE, deviations.report());
  }
});

test('awkward cases are in the fixture: a value absent in one wave, a small group tested over the waves it has', () => {
  const cat = doc.trends.find((table) => table.variable === 'v_cat' && table.by === 'all')!;
  assert.equal(cat.cells.find((cell) => cell.wave === 'w1' && cell.value === 'd')!.n, 0);
  const small = doc.trends.find((table) => table.variable === 'v_bin' && table.by === 'grp')!.changes.find((change) => change.group === 'g3')!;
  assert.ok(small.test && small.test.method === 'rao-scott');
  assert.equal(small.test.ddf / small.test.df, 3); // 5 units in 2 waves (strata): degf = 3
});

test('the weighted trend document validates and names its method', () => {
  assertValidResults(doc);
  assert.equal(doc.weighted, true);
  assert.equal(doc.trend_method?.changes, 'rao-scott-stacked-strata');
  assert.equal(doc.trend_method?.panel, 'mcnemar-unweighted');
});
