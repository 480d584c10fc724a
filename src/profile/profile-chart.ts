// The profile's chart: per score, the middle half (25 %–75 %) of a peer group as a bar, its median as a
// tick and the unit's own score as a dot — Observable Plot on linkedom, as the report's charts.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { accessibleSvg } from '../report/charts/accessible-svg.js';
import type { AreaScore } from './score-response.js';
import type { BenchmarkGroup } from './digital-profile.js';

const ROW_HEIGHT = 30;

export function profileChartSvg(own: readonly AreaScore[], group: BenchmarkGroup, alt: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = own.map((area) => area.label);
  const spans = group.scores.flatMap((standing) => (standing.distribution ? [{ label: standing.label, ...standing.distribution }] : []));
  const dots = own.flatMap((area) => (area.score === null ? [] : [{ label: area.label, score: area.score }]));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 50 + labels.length * ROW_HEIGHT,
    marginLeft: 170,
    marginRight: 30,
    className: 'profile-chart',
    ariaLabel: alt,
    x: { domain: [0, 100], label: 'Punkte (0–100)', grid: true },
    y: { domain: labels, label: null },
    marks: [
      Plot.barX(spans, { x1: 'p25', x2: 'p75', y: 'label', fill: '#c6dbef', insetTop: 6, insetBottom: 6 }),
      Plot.tickX(spans, { x: 'median', y: 'label', stroke: '#3182bd', strokeWidth: 2 }),
      Plot.dot(dots, { x: 'score', y: 'label', r: 6, fill: '#08519c', stroke: 'white' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  return accessibleSvg(svg.outerHTML, alt);
}
