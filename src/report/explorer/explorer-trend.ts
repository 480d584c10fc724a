// The public explorer's "Entwicklung seit <Welle>" (issue 9 in the explorer): one variable by one grouping
// in each wave of a trend document, with the test of change and, for 0/1 variables, the panel in words.
// Shown only when every wave's cells are cells the wave's own public table already shows unsuppressed:
// then the trend reveals no count that suppression withholds (a recoded or merged earlier wave, or a cell
// below k, hides the whole trend instead).
import type { PublicTable } from '../../analysis/disclosure/suppress-results.js';
import type { CountCell } from '../../analysis/results-document.js';
import type { PanelChange, TrendChange, TrendDocument, TrendTable } from '../../analysis/trend/trend-document.js';
import { ALPHA } from '../statements.js';
import type { CatalogGrouping, CatalogVariable } from './explorer-catalog.js';
import { formatP, METHOD } from './explorer-table.js';
import type { BarChartSpec, BarRow } from '../charts/bar-chart.js';
import { formatDecimal } from '../format-share.js';

export interface ExplorerTrendCell {
  readonly wave: string;
  readonly group: string;
  readonly value: string;
  readonly base: number;
  readonly share: number;
  readonly ci95: readonly [number, number];
}

export interface ExplorerTrend {
  /** Oldest first. */
  readonly waves: readonly string[];
  readonly weighted: boolean;
  readonly values: readonly string[];
  readonly groups: readonly string[];
  /** Per group, wave and value (zeros included), as in the trend document. */
  readonly cells: readonly ExplorerTrendCell[];
  /** Per group: the test of change and the panel, in German sentences. */
  readonly changes: readonly { readonly group: string; readonly text: string }[];
}

export type ExplorerTrendResult = { readonly shown: ExplorerTrend } | { readonly hidden: string };

export interface ExplorerTrendInput {
  /** The trend to show (weighted or not). */
  readonly trend: TrendDocument;
  /** The unweighted trend of the same waves: its counts decide what may be shown. */
  readonly counts: TrendDocument;
  /** Per wave of the trend (same order): that wave's own public table of the variable by the grouping. */
  readonly own: readonly (PublicTable | undefined)[];
  readonly variable: CatalogVariable;
  readonly grouping: CatalogGrouping;
  readonly k: number;
}

export function explorerTrend(input: ExplorerTrendInput): ExplorerTrendResult {
  const { trend, counts, variable, grouping, k } = input;
  const find = (doc: TrendDocument) => doc.trends.find((table) => table.variable === variable.name && table.by === grouping.name);
  const table = find(trend);
  const countTable = find(counts);
  if (!table || !countTable) return { hidden: `${variable.label} ist zwischen den Wellen nicht vergleichbar${notComparableReason(trend, variable.name)}.` };
  const waves = trend.waves.map((wave) => wave.wave);
  for (const [i, wave] of waves.entries()) {
    const problem = comparedWithPublished(countTable, wave, input.own[i], k);
    if (problem === 'small') return { hidden: `Die Entwicklung wird für diese Auswahl nicht gezeigt: In der Welle ${wave} hat mindestens eine Zelle weniger als ${k} Antworten, und aus dem Vergleich der Wellen ließen sich gesperrte Werte zurückrechnen.` };
    if (problem === 'recoded') return { hidden: `Die Entwicklung wird für diese Auswahl nicht gezeigt: Für den Vergleich werden die Antworten der Welle ${wave} umkodiert, und aus den umkodierten Zahlen ließen sich Werte zurückrechnen, die deren eigene Tabelle sperrt. Der Bericht zeigt die wichtigsten Entwicklungen.` };
  }
  const cells = table.cells.map((cell) => ({ wave: cell.wave, group: cell.by, value: cell.value, base: cell.base, share: cell.share, ci95: cell.ci95 }));
  const unique = (list: readonly string[]) => [...new Set(list)];
  const groups = unique(cells.map((cell) => cell.group));
  return {
    shown: {
      waves,
      weighted: trend.weighted,
      values: unique(cells.map((cell) => cell.value)),
      groups,
      cells,
      changes: groups.flatMap((group) => {
        const change = table.changes.find((candidate) => candidate.group === group);
        return change ? [{ group, text: changeText(change, grouping.name === 'all' ? undefined : grouping.groupLabel(group), waves, k) }] : [];
      }),
    },
  };
}

/**
 * Whether the wave's trend cells (n > 0) are exactly the unsuppressed cells of its own public table, with
 * the same bases: 'small' where a cell is below k or suppressed there, 'recoded' where the cells differ.
 */
function comparedWithPublished(table: TrendTable, wave: string, own: PublicTable | undefined, k: number): 'small' | 'recoded' | undefined {
  const mine = table.cells.filter((cell) => cell.wave === wave && cell.n > 0);
  if (mine.some((cell) => cell.n < k) || own?.cells.some((cell) => 'suppressed' in cell)) return 'small';
  if (!own) return 'recoded';
  const key = (group: string, value: string) => `${group}\u0000${value}`;
  const published = new Map(own.cells.filter((cell) => (cell as CountCell).n > 0).map((cell) => [key(cell.by, cell.value), cell as CountCell]));
  const same = mine.length === published.size && mine.every((cell) => {
    const twin = published.get(key(cell.by, cell.value));
    return twin !== undefined && twin.n === cell.n && twin.base === cell.base;
  });
  return same ? undefined : 'recoded';
}

function notComparableReason(trend: TrendDocument, variable: string): string {
  const reason = trend.not_comparable.find((entry) => entry.variable === variable)?.reason;
  return reason ? ` (${reason})` : '';
}

/** "signifikant" only at p < ALPHA (5 %), as everywhere in the report and the explorer. */
function changeText(change: TrendChange, groupLabel: string | undefined, waves: readonly string[], k: number): string {
  const who = groupLabel === undefined ? '' : `${groupLabel}: `;
  const span = `${waves[0]} und ${waves[waves.length - 1]}`;
  const test = change.test;
  const verdict = !test
    ? `Zwischen ${span} ist kein Test möglich (weniger als zwei besetzte Antworten oder Wellen).`
    : test.p < ALPHA
      ? `Die Antworten haben sich zwischen ${span} statistisch signifikant verändert (${METHOD[test.method]}, ${formatP(test.p)}).`
      : `Zwischen ${span} keine signifikante Veränderung (${METHOD[test.method]}, ${formatP(test.p)}; signifikant wäre p < 0,05).`;
  const panel = change.panel?.[change.panel.length - 1];
  return `${who}${verdict}${panel ? panelText(panel, k) : ''}`;
}

/** A panel, rises or falls below k would point at single municipalities: then the panel is left out. */
function panelText(panel: PanelChange, k: number): string {
  if (panel.units < k || (panel.rises > 0 && panel.rises < k) || (panel.falls > 0 && panel.falls < k)) return '';
  const who = ` Von den ${panel.units} Kommunen, die an ${panel.from} und ${panel.to} teilgenommen haben,`;
  if (!panel.test) return `${who} blieben alle bei ihrer Antwort.`;
  return `${who} wechselten ${panel.rises} von „nein“ zu „ja“ und ${panel.falls} von „ja“ zu „nein“ (McNemar-Test, ${formatP(panel.test.p)}).`;
}

/** Header and rows for the CSV download of a shown trend (German Excel: decimal comma), one row per wave, group and value. */
export function explorerTrendCsvRows(trend: ExplorerTrend, variable: CatalogVariable, grouping: CatalogGrouping): { header: string[]; rows: string[][] } {
  const percent = (share: number) => formatDecimal(share * 100, 1);
  const header = ['Variable', 'Wert', 'Gruppierung', 'Gruppe', 'Welle', 'Anteil (%)', 'Untergrenze 95 % (%)', 'Obergrenze 95 % (%)', trend.weighted ? 'Basis (gewichtet)' : 'Basis'];
  const rows = trend.cells.map((cell) => [
    variable.label,
    variable.valueLabel(cell.value),
    grouping.label,
    grouping.groupLabel(cell.group),
    cell.wave,
    percent(cell.share),
    percent(cell.ci95[0]),
    percent(cell.ci95[1]),
    formatDecimal(cell.base, trend.weighted ? 1 : 0),
  ]);
  return { header, rows };
}

/** 0/1 and flag variables: the share of this value is shown (the other is its complement). */
const YES: readonly string[] = ['1', 'true'];

/**
 * Bars per wave (coloured series, legend): by value without grouping; grouped, by group for the "yes" of a
 * 0/1 variable, else by group and value.
 */
export function explorerTrendChartSpec(trend: ExplorerTrend, variable: CatalogVariable, grouping: CatalogGrouping): BarChartSpec {
  const grouped = grouping.name !== 'all';
  const yes = grouped ? trend.values.find((value) => YES.includes(value)) : undefined;
  const labelOf = (cell: ExplorerTrendCell) =>
    !grouped ? variable.valueLabel(cell.value) : yes !== undefined ? grouping.groupLabel(cell.group) : `${grouping.groupLabel(cell.group)}: ${variable.valueLabel(cell.value)}`;
  const shown = trend.cells.filter((cell) => yes === undefined || cell.value === yes);
  const rows: BarRow[] = shown.map((cell) => ({ label: labelOf(cell), series: cell.wave, share: cell.share }));
  const categories = [...new Set(rows.map((row) => row.label))];
  const what = yes !== undefined ? `Anteil „${variable.valueLabel(yes)}“` : 'Anteile';
  const alt = `${variable.label}${grouped ? ` nach ${grouping.label}` : ''}: Balkendiagramm, ${what} je Welle (${trend.waves.join(', ')}). Alle Werte in der Tabelle.`;
  return { id: 'entwicklung', alt, rows, categories, series: trend.waves };
}
