// The weighted numbers of statistics.md against R's survey package (expected.json from make-expected.R).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { weightedTables } from '../../src/analysis/design/weighted-tables.js';
import type { CountCell, RaoScottTableTest } from '../../src/analysis/results-document.js';
import { rakeWeights } from '../../src/analysis/weighting/rake-weights.js';
import { Deviations } from './deviations.js';
import { loadFixture } from './load-fixture.js';

interface ExpectedCell {
  readonly by: string;
  readonly value: string;
  readonly weighted: { n: number; base: number; share: number; se: number; ci95: [number, number] };
}
interface ExpectedTest {
  readonly statistic: number;
  readonly df: number;
  readonly ddf: number;
  readonly p: number;
  readonly cramers_v: number;
  readonly rank_deficient?: { rank: number; full: number };
}
interface ExpectedFixture {
  readonly weights: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly design_effect: number;
  readonly excluded: unknown[];
  readonly tables: { variable: string; by: string; cells: ExpectedCell[]; weighted_test?: ExpectedTest | null }[];
}

const expected = JSON.parse(readFileSync(new URL('expected.json', import.meta.url), 'utf8')) as {
  fixtures: Record<string, ExpectedFixture>;
};

/** statistics.md "Agreement required", weighted. */
const SHARE_ABS = 1e-6;
const SUM_REL = 1e-6;
const INTERVAL_REL = 1e-4;

for (const name of Object.keys(expected.fixtures)) {
  const want = expected.fixtures[name]!;
  const fixture = loadFixture(name);
  const raking = rakeWeights({ sizeClass: fixture.sizeClass, state: fixture.state, target: fixture.target });
  const deviations = new Deviations();

  test(`${name}: raking as survey::rake`, () => {
    assert.equal(raking.iterations, want.iterations);
    assert.equal(raking.converged, want.converged);
    assert.deepEqual(raking.excluded, want.excluded);
    want.weights.forEach((weight, i) => deviations.record('weight', raking.weights[i]!, weight));
    deviations.record('design_effect', raking.designEffect, want.design_effect);
    assert.ok(deviations.get('weight').rel < 1e-9, deviations.report());
    assert.ok(deviations.get('design_effect').rel < 1e-9, deviations.report());
  });

  test(`${name}: weighted cells and Rao-Scott tests as svyciprop / svychisq`, (t) => {
    const ours = new Map(weightedTables(fixture.data, raking.design).map((table) => [`${table.variable}/${table.by}`, table]));
    for (const table of want.tables) {
      const mine = ours.get(`${table.variable}/${table.by}`);
      assert.ok(mine, `${table.variable} by ${table.by}`);
      const cells = mine.cells as CountCell[];
      assert.deepEqual(
        cells.map((cell) => `${cell.by}=${cell.value}`),
        table.cells.map((cell) => `${cell.by}=${cell.value}`),
        `${table.variable} by ${table.by}`,
      );
      table.cells.forEach((cell, i) => {
        const got = cells[i]!;
        deviations.record('n', got.n, cell.weighted.n);
        deviations.record('base', got.base, cell.weighted.base);
        deviations.record('share', got.share, cell.weighted.share);
        deviations.record('ci95', got.ci95[0], cell.weighted.ci95[0]);
        deviations.record('ci95', got.ci95[1], cell.weighted.ci95[1]);
      });
      if (table.by === 'all') continue;
      const test = (mine.test ?? null) as RaoScottTableTest | null;
      if (!table.weighted_test) {
        assert.equal(test, null, `${table.variable} by ${table.by}`);
        continue;
      }
      assert.ok(test, `${table.variable} by ${table.by}: test expected`);
      const w = table.weighted_test;
      for (const key of ['statistic', 'df', 'ddf', 'p'] as const) deviations.record(`rao-scott ${key}`, test[key], w[key]);
      deviations.record('cramers_v', test.cramers_v, w.cramers_v);
      assert.deepEqual(test.rank_deficient, w.rank_deficient, `${table.variable} by ${table.by}`);
    }
    t.diagnostic(deviations.report());
    assert.ok(deviations.get('share').abs < SHARE_ABS, deviations.report());
    assert.ok(deviations.get('cramers_v').abs < SHARE_ABS, deviations.report());
    for (const q of ['n', 'base']) assert.ok(deviations.get(q).rel < SUM_REL, deviations.report());
    for (const q of ['ci95', 'rao-scott statistic', 'rao-scott df', 'rao-scott ddf', 'rao-scott p']) {
      assert.ok(deviations.get(q).rel < INTERVAL_REL, deviations.report());
    }
  });
}
