import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicTable } from '../../analysis/disclosure/suppress-results.js';
import type { PanelChange, TrendDocument } from '../../analysis/trend/trend-document.js';
import { EXPLORER_GROUPINGS, type CatalogVariable } from './explorer-catalog.js';
import { explorerTrend, explorerTrendChartSpec } from './explorer-trend.js';

const variable: CatalogVariable = { name: 'chefsache', label: 'Chefsache', section: 'Strategie', valueLabel: (value) => value };
const all = EXPLORER_GROUPINGS.find((grouping) => grouping.name === 'all')!;

/** A 0/1 variable in two waves: counts per wave [no, yes], the panel and its test p. */
function trendOf(counts: Record<string, [number, number]>, panel: Partial<PanelChange> = {}): TrendDocument {
  const cells = Object.entries(counts).flatMap(([wave, [no, yes]]) =>
    (['0', '1'] as const).map((value, i) => ({ wave, by: 'all', value, n: i ? yes : no, base: no + yes, share: (i ? yes : no) / (no + yes), ci95: [0, 1] as [number, number] })),
  );
  const change = { group: 'all', test: { method: 'chi2' as const, statistic: 1, df: 1, p: 0.2, cramers_v: 0.1 }, panel: [{ from: 'a', to: 'b', units: 30, rises: 6, falls: 0, test: { statistic: 4, df: 1, p: 0.03 }, ...panel }] };
  return { waves: Object.keys(counts).map((wave) => ({ wave, n: 40, instrument: '2019' })), weighted: false, trends: [{ variable: 'chefsache', by: 'all', cells, changes: [change] }], not_comparable: [] } as unknown as TrendDocument;
}

function ownTable(no: number, yes: number, suppressed = false): PublicTable {
  const base = no + yes;
  const cell = (value: string, n: number) => (suppressed ? { by: 'all', value, base, suppressed: true as const } : { by: 'all', value, n, base, share: n / base, ci95: [0, 1] as [number, number] });
  return { variable: 'chefsache', by: 'all', cells: [cell('0', no), cell('1', yes)] } as unknown as PublicTable;
}

test('shown when every wave shows the same cells in its own public table; panel and test in words', () => {
  const result = explorerTrend({ trend: trendOf({ a: [20, 20], b: [15, 25] }), counts: trendOf({ a: [20, 20], b: [15, 25] }), own: [ownTable(20, 20), ownTable(15, 25)], variable, grouping: all, k: 5 });
  assert.ok('shown' in result);
  assert.deepEqual(result.shown.waves, ['a', 'b']);
  assert.equal(result.shown.cells.length, 4);
  assert.equal(result.shown.changes[0]!.text, 'Zwischen a und b keine signifikante Veränderung (Chi-Quadrat-Test, p = 0,200; signifikant wäre p < 0,05). Von den 30 Kommunen, die an a und b teilgenommen haben, wechselten 6 von „nein“ zu „ja“ und 0 von „ja“ zu „nein“ (McNemar-Test, p = 0,030).');
});

test('the panel is left out when it, its rises or its falls are below k', () => {
  for (const panel of [{ rises: 6, falls: 2 }, { rises: 2, falls: 0 }, { units: 4, rises: 0, falls: 0, test: null }]) {
    const trend = trendOf({ a: [20, 20], b: [15, 25] }, panel);
    const result = explorerTrend({ trend, counts: trend, own: [ownTable(20, 20), ownTable(15, 25)], variable, grouping: all, k: 5 });
    assert.ok('shown' in result);
    assert.doesNotMatch(result.shown.changes[0]!.text, /Von den|McNemar/, JSON.stringify(panel));
  }
  const stayed = trendOf({ a: [20, 20], b: [20, 20] }, { units: 5, rises: 0, falls: 0, test: null });
  const result = explorerTrend({ trend: stayed, counts: stayed, own: [ownTable(20, 20), ownTable(20, 20)], variable, grouping: all, k: 5 });
  assert.ok('shown' in result);
  assert.match(result.shown.changes[0]!.text, /Von den 5 Kommunen, die an a und b teilgenommen haben, blieben alle bei ihrer Antwort\.$/);
});

test('hidden when a cell is below k, when the own table suppresses, or when the earlier wave was recoded', () => {
  const small = trendOf({ a: [37, 3], b: [15, 25] });
  assert.match((explorerTrend({ trend: small, counts: small, own: [ownTable(37, 3), ownTable(15, 25)], variable, grouping: all, k: 5 }) as { hidden: string }).hidden, /Welle a hat mindestens eine Zelle weniger als 5/);
  const fine = trendOf({ a: [20, 20], b: [15, 25] });
  assert.match((explorerTrend({ trend: fine, counts: fine, own: [ownTable(20, 20, true), ownTable(15, 25)], variable, grouping: all, k: 5 }) as { hidden: string }).hidden, /weniger als 5/);
  // The earlier wave's own table counts differently (options merged for the comparison): its cells are not published ones.
  assert.match((explorerTrend({ trend: fine, counts: fine, own: [ownTable(22, 18), ownTable(15, 25)], variable, grouping: all, k: 5 }) as { hidden: string }).hidden, /Welle a umkodiert/);
  assert.match((explorerTrend({ trend: fine, counts: fine, own: [undefined, ownTable(15, 25)], variable, grouping: all, k: 5 }) as { hidden: string }).hidden, /umkodiert/);
});

test('a variable the trend leaves out is named with the reason', () => {
  const trend = { ...trendOf({ a: [20, 20], b: [15, 25] }), trends: [], not_comparable: [{ variable: 'chefsache', reason: 'Frage neu gefasst' }] } as TrendDocument;
  assert.deepEqual(explorerTrend({ trend, counts: trend, own: [], variable, grouping: all, k: 5 }), { hidden: 'Chefsache ist zwischen den Wellen nicht vergleichbar (Frage neu gefasst).' });
});

test('the chart: one bar per wave and value; grouped 0/1 variables show the share of "1" per group', () => {
  const trend = trendOf({ a: [20, 20], b: [15, 25] });
  const result = explorerTrend({ trend, counts: trend, own: [ownTable(20, 20), ownTable(15, 25)], variable, grouping: all, k: 5 });
  assert.ok('shown' in result);
  const spec = explorerTrendChartSpec(result.shown, variable, all);
  assert.deepEqual([spec.categories, spec.series], [['0', '1'], ['a', 'b']]);
  assert.deepEqual(spec.rows.map((row) => [row.label, row.series, row.share]), [['0', 'a', 0.5], ['1', 'a', 0.5], ['0', 'b', 0.375], ['1', 'b', 0.625]]);
  const byType = EXPLORER_GROUPINGS.find((grouping) => grouping.name === 'unit_type')!;
  const grouped = explorerTrendChartSpec({ ...result.shown, cells: result.shown.cells.map((cell) => ({ ...cell, group: 'landkreis' })) }, variable, byType);
  assert.deepEqual(grouped.categories, ['Landkreise']);
  assert.deepEqual(grouped.rows.map((row) => [row.series, row.share]), [['a', 0.5], ['b', 0.625]]);
  assert.match(grouped.alt, /Anteil „1“ je Welle \(a, b\)/);
});
