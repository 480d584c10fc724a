// The unweighted numbers of statistics.md on the reference fixtures (awkward cases: empty groups, a single
// respondent, an all-missing variable, Fisher's 2×2) against R's stats (expected.json, make-expected.R).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeWave } from '../../src/analysis/analyze-wave.js';
import type { CountCell, TableTest } from '../../src/analysis/results-document.js';
import { Deviations } from './deviations.js';
import { loadFixture } from './load-fixture.js';

interface ExpectedFixture {
  readonly tables: {
    variable: string;
    by: string;
    cells: { by: string; value: string; unweighted: { n: number; base: number; share: number; ci95: [number, number] } }[];
    unweighted_test?: { method: string; statistic?: number; df?: number; p: number; cramers_v: number } | null;
  }[];
}

const expected = JSON.parse(readFileSync(new URL('expected.json', import.meta.url), 'utf8')) as {
  fixtures: Record<string, ExpectedFixture>;
};

/** statistics.md "Agreement required", unweighted: every number within 1e-6 absolute. */
const ABSOLUTE = 1e-6;

for (const [name, want] of Object.entries(expected.fixtures)) {
  test(`${name}: unweighted cells and tests as prop.test / chisq.test / fisher.test`, (t) => {
    const doc = analyzeWave(loadFixture(name).data);
    const ours = new Map(doc.tables.map((table) => [`${table.variable}/${table.by}`, table]));
    const deviations = new Deviations();
    for (const table of want.tables) {
      const mine = ours.get(`${table.variable}/${table.by}`);
      assert.ok(mine, `${table.variable} by ${table.by}`);
      const cells = mine.cells as CountCell[];
      assert.deepEqual(
        cells.map((cell) => [cell.by, cell.value, cell.n, cell.base]),
        table.cells.map((cell) => [cell.by, cell.value, cell.unweighted.n, cell.unweighted.base]),
        `${table.variable} by ${table.by}`,
      );
      table.cells.forEach((cell, i) => {
        deviations.record('share', cells[i]!.share, cell.unweighted.share);
        deviations.record('wilson', cells[i]!.ci95[0], cell.unweighted.ci95[0]);
        deviations.record('wilson', cells[i]!.ci95[1], cell.unweighted.ci95[1]);
      });
      if (table.by === 'all') continue;
      const test = (mine.test ?? null) as TableTest | null;
      const w = table.unweighted_test ?? null;
      assert.equal(test?.method ?? null, w?.method ?? null, `${table.variable} by ${table.by}`);
      if (!test || !w) continue;
      deviations.record(`${w.method} p`, test.p, w.p);
      deviations.record('cramers_v', test.cramers_v, w.cramers_v);
      if (test.method === 'chi2') {
        deviations.record('chi2 statistic', test.statistic, w.statistic!);
        assert.equal(test.df, w.df);
      }
    }
    t.diagnostic(deviations.report());
    for (const q of ['share', 'wilson', 'chi2 p', 'fisher p', 'chi2 statistic', 'cramers_v']) {
      assert.ok(deviations.get(q).abs < ABSOLUTE, `${q}\n${deviations.report()}`);
    }
  });
}
