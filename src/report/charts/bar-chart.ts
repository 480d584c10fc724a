// One chart type for the report's figures: horizontal bars of shares, optionally one bar per series within
// each category. Results → chart specification (BarChartSpec) → SVG string, drawn by Observable Plot on
// linkedom's server-side document (shared/design/dependencies.md). Deterministic: no clock, no random.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { accessibleSvg } from './accessible-svg.js';

export interface BarRow {
  /** Category on the y axis (e.g. "Formularserver"). */
  readonly label: string;
  /** Series within the category (e.g. "eigene IT"); one series when absent. */
  readonly series?: string;
  /** Share 0…1. */
  readonly share: number;
}

export interface BarChartSpec {
  /** Stable id (golden file name), e.g. "abb-01". */
  readonly id: string;
  /** Text alternative of the chart (aria-label of the SVG). */
  readonly alt: string;
  readonly rows: readonly BarRow[];
  readonly categories: readonly string[];
  readonly series?: readonly string[];
}

/**
 * Blue palette from colorbrewer (Blues) with a dark first colour. The lighter blues fall below 3:1 on white,
 * so grouped bars get a dark outline (WCAG 1.4.11: each bar's edge ≥ 3:1 against the page and its neighbour).
 */
export const BAR_COLORS: readonly string[] = ['#08519c', '#3182bd', '#6baed6', '#9ecae1', '#c6dbef', '#dedede'];
/** Outline of grouped bars and their legend swatches. */
export const BAR_OUTLINE = '#1a1a1a';
const BAR_HEIGHT = 18;

export function barChartSvg(spec: BarChartSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const series = spec.series ?? [];
  const grouped = series.length > 1;
  const data = spec.rows.map((row) => ({ ...row, percent: row.share * 100, series: row.series ?? '' }));
  const height = 50 + spec.categories.length * BAR_HEIGHT * Math.max(1, grouped ? series.length : 1) * 1.25;
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: Math.round(height),
    marginLeft: 230,
    marginRight: 40,
    className: `chart-${spec.id}`,
    ariaLabel: spec.alt,
    x: { domain: [0, 100], label: 'Anteil der Kommunen (%)', grid: true },
    y: grouped ? { axis: null, domain: [...series] } : { domain: [...spec.categories], label: null },
    fy: grouped ? { domain: [...spec.categories], label: null } : undefined,
    color: grouped ? { domain: [...series], range: BAR_COLORS.slice(0, series.length), legend: false } : undefined,
    marks: [
      Plot.barX(data, {
        x: 'percent',
        y: grouped ? 'series' : 'label',
        fy: grouped ? 'label' : undefined,
        fill: grouped ? 'series' : BAR_COLORS[0],
        stroke: grouped ? BAR_OUTLINE : undefined,
        strokeWidth: grouped ? 1 : undefined,
      }),
      Plot.text(data, {
        x: 'percent',
        y: grouped ? 'series' : 'label',
        fy: grouped ? 'label' : undefined,
        text: (d: { percent: number }) => `${Math.round(d.percent)} %`,
        textAnchor: 'start',
        dx: 3,
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  return accessibleSvg(svg.outerHTML, spec.alt);
}
