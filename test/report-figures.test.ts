// Abb. 1–10 as SVG (issue 5 "Figures from a chart library"): golden files in test/golden/<id>.svg.
// On a mismatch the new output is written beside it as <id>-changed.svg for review; to accept it, run
//   UPDATE_GOLDEN=1 npm test    (or: UPDATE_GOLDEN=1 node --import tsx --test test/report-figures.test.ts)
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { barChartSvg } from '../src/report/charts/bar-chart.js';
import { reportFigures } from '../src/report/charts/report-figures.js';
import { demoResults } from './support/demo-results.js';

const golden = (name: string) => new URL(`golden/${name}`, import.meta.url);
const figures = reportFigures(demoResults().results);

describe('Abb. 1–10 of the demo wave', () => {
  test('ten figures, numbered 1–10, each with data', () => {
    assert.deepEqual(
      figures.map((figure) => figure.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    for (const figure of figures) assert.ok(figure.spec.rows.length > 0, `Abb. ${figure.number}`);
  });

  for (const figure of figures) {
    test(`${figure.spec.id} matches test/golden/${figure.spec.id}.svg`, () => {
      const svg = barChartSvg(figure.spec);
      assert.equal(barChartSvg(figure.spec), svg, 'deterministic');
      assert.match(svg, /^<svg role="img" aria-label="Abb\. \d+: /);
      assert.doesNotMatch(svg, /<g[^>]* aria-label=/, 'no aria-label on <g> (axe aria-prohibited-attr)');
      const file = golden(`${figure.spec.id}.svg`);
      const changed = golden(`${figure.spec.id}-changed.svg`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, svg);
      const expected = readFileSync(file, 'utf8');
      if (svg !== expected) writeFileSync(changed, svg);
      else if (existsSync(changed)) rmSync(changed);
      assert.ok(svg === expected, `${figure.spec.id}: SVG differs from the golden file; see ${changed.pathname}`);
    });
  }
});
