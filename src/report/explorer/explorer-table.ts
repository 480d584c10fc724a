// One table of the public results explorer: a variable by a grouping, read from a (suppressed) results
// document, with shares, 95 % intervals, the test in plain German words, a chart spec and CSV rows.
import type { PublicTable } from '../../analysis/disclosure/suppress-results.js';
import type { CountCell, TableTest } from '../../analysis/results-document.js';
import type { BarChartSpec, BarRow } from '../charts/bar-chart.js';
import { formatDecimal } from '../format-share.js';
import type { AnyResults } from '../read-results.js';
import { ALPHA } from '../statements.js';
import type { CatalogGrouping, CatalogVariable } from './explorer-catalog.js';

export interface ExplorerCell {
  readonly group: string;
  readonly value: string;
  /** Absent where the public results withhold the group's base. */
  readonly base?: number;
  /** Absent: suppressed. */
  readonly count?: { readonly n: number; readonly share: number; readonly ci95: readonly [number, number] };
}

export interface ExplorerTable {
  readonly variable: CatalogVariable;
  readonly grouping: CatalogGrouping;
  readonly weighted: boolean;
  readonly values: readonly string[];
  readonly groups: readonly string[];
  readonly cells: readonly ExplorerCell[];
  /** The test in plain words; absent for grouping "all". */
  readonly testText?: string;
}

/** undefined when the document has no such table (e.g. nobody answered). */
export function explorerTable(results: AnyResults, variable: CatalogVariable, grouping: CatalogGrouping): ExplorerTable | undefined {
  const table = results.tables.find((candidate) => candidate.variable === variable.name && candidate.by === grouping.name) as PublicTable | undefined;
  if (!table) return undefined;
  const cells: ExplorerCell[] = table.cells.map((cell) => ({
    group: cell.by,
    value: cell.value,
    ...(cell.base === undefined ? {} : { base: cell.base }),
    ...('suppressed' in cell ? {} : { count: { n: (cell as CountCell).n, share: (cell as CountCell).share, ci95: (cell as CountCell).ci95 } }),
  }));
  const unique = (list: readonly string[]) => [...new Set(list)];
  return {
    variable,
    grouping,
    weighted: results.weighted,
    values: unique(cells.map((cell) => cell.value)),
    groups: unique(cells.map((cell) => cell.group)),
    cells,
    ...(grouping.name === 'all' ? {} : { testText: testText(table.test, grouping) }),
  };
}

export const METHOD: Readonly<Record<TableTest['method'], string>> = {
  chi2: 'Chi-Quadrat-Test',
  fisher: 'exakter Test nach Fisher',
  'rao-scott': 'Rao-Scott-Test für gewichtete Daten',
};

/** "signifikant" only at p < ALPHA (5 %), the same rule as the report's statements. */
export function testText(test: PublicTable['test'], grouping: CatalogGrouping): string {
  if (!test) return 'Ein Test ist hier nicht möglich: Es gibt weniger als zwei besetzte Zeilen oder Spalten.';
  if ('suppressed' in test) return `Das Testergebnis (${METHOD[test.method]}) wird nicht veröffentlicht, weil die Tabelle gesperrte Zellen enthält: Aus ihm ließen sich die gesperrten Werte zurückrechnen.`;
  const detail = `${METHOD[test.method]}, ${formatP(test.p)}, Cramérs V = ${formatDecimal(test.cramers_v, 2)}`;
  return test.p < ALPHA
    ? `Die Anteile unterscheiden sich je nach ${grouping.label} deutlich: Der Unterschied ist auf dem 5-%-Niveau statistisch signifikant, also wahrscheinlich kein Zufall (${detail}).`
    : `Kein klarer Unterschied je nach ${grouping.label}: Die Abweichungen zwischen den Gruppen können auch zufällig sein (${detail}; signifikant wäre p < 0,05).`;
}

export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0,001' : `p = ${formatDecimal(p, 3)}`;
}

/** Most values a grouped chart tells apart by colour (bar-chart.ts palette); more become one bar per group and value. */
export const MAX_COLOURED_VALUES = 6;

/**
 * Bars of the shown shares. Without grouping: one bar per value. Grouped: one block per group with a
 * coloured bar per value (legend), or, beyond MAX_COLOURED_VALUES values, one labelled bar per group and value.
 */
export function explorerChartSpec(table: ExplorerTable): BarChartSpec {
  const grouped = table.grouping.name !== 'all';
  const coloured = grouped && table.values.length <= MAX_COLOURED_VALUES;
  const valueLabel = table.variable.valueLabel;
  const groupLabel = table.grouping.groupLabel;
  const labelOf = (cell: ExplorerCell) => (!grouped ? valueLabel(cell.value) : coloured ? groupLabel(cell.group) : `${groupLabel(cell.group)}: ${valueLabel(cell.value)}`);
  const rows: BarRow[] = table.cells.flatMap((cell) =>
    cell.count ? [{ label: labelOf(cell), ...(coloured ? { series: valueLabel(cell.value) } : {}), share: cell.count.share }] : [],
  );
  const categories = !grouped ? table.values.map(valueLabel) : coloured ? table.groups.map(groupLabel) : table.cells.map(labelOf);
  const top = rows.reduce<BarRow | undefined>((best, row) => (best === undefined || row.share > best.share ? row : best), undefined);
  const alt = `${table.variable.label}${grouped ? ` nach ${table.grouping.label}` : ''}: Balkendiagramm der Anteile${
    top ? `; höchster Anteil ${top.label}${top.series ? ` (${top.series})` : ''} mit ${Math.round(top.share * 100)} %` : ''
  }. Alle Werte in der Tabelle.`;
  return { id: 'auswahl', alt, rows, categories, ...(coloured ? { series: table.values.map(valueLabel) } : {}) };
}

/** Header and rows for the CSV download (German Excel: decimal comma; suppressed cells empty + note). */
export function explorerCsvRows(table: ExplorerTable): { header: string[]; rows: string[][] } {
  const percent = (share: number) => formatDecimal(share * 100, 1);
  const header = ['Variable', 'Wert', 'Gruppierung', 'Gruppe', 'Anteil (%)', 'Untergrenze 95 % (%)', 'Obergrenze 95 % (%)', table.weighted ? 'Anzahl (gewichtet)' : 'Anzahl', 'Basis', 'Hinweis'];
  const rows = table.cells.map((cell) => [
    table.variable.label,
    table.variable.valueLabel(cell.value),
    table.grouping.label,
    table.grouping.groupLabel(cell.group),
    cell.count ? percent(cell.count.share) : '',
    cell.count ? percent(cell.count.ci95[0]) : '',
    cell.count ? percent(cell.count.ci95[1]) : '',
    cell.count ? formatDecimal(cell.count.n, table.weighted ? 1 : 0) : '',
    cell.base === undefined ? '' : formatDecimal(cell.base, table.weighted ? 1 : 0),
    cell.count ? '' : 'gesperrt',
  ]);
  return { header, rows };
}
