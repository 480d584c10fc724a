// One variable's public tables together: its "all" table and one table per grouping share the all
// table's cells as row margins, so a complement taken there in one grouping is suppressed in all of them.
import { recoverableCells } from './recoverable-cells.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';
import { suppressTable } from './suppress-table.js';

export interface VariableCounts {
  /** The all table: unweighted count per value. */
  readonly all: readonly number[];
  /** Per grouping: counts, values × groups with base > 0 or withheld (values in the same order as `all`). */
  readonly tables: readonly (readonly (readonly number[])[])[];
  /**
   * Bases that must be withheld whatever their size, because they equal a suppressed count of the
   * question that filters this one: `all` for the variable's base, per grouping per group.
   */
  readonly withheld?: { readonly all: boolean; readonly tables: readonly (readonly boolean[])[] };
}

export interface VariableSuppression {
  readonly all: readonly boolean[];
  readonly tables: readonly (readonly (readonly boolean[])[])[];
  /** Groups (and the variable, `all`) whose bases are not published; all their cells are suppressed. */
  readonly withheld: { readonly all: boolean; readonly tables: readonly (readonly boolean[])[] };
}

/**
 * suppressTable for every grouping of one variable, repeated until the all table's pattern is stable,
 * then checked exactly (recoverable-cells.ts): the groupings share the all table's cells, and a pattern
 * safe in each table alone can in rare cases be solved jointly; then every cell of the variable is
 * suppressed (never seen in 4·10⁴ random variables, but the check is cheap). A variable whose base is
 * below k, or withheld, publishes no cell and no base at all.
 */
export function suppressVariable(counts: VariableCounts, k: number = DEFAULT_K): VariableSuppression {
  if (counts.withheld?.all || isSmallCount(sum(counts.all), k)) return everything(counts);
  const pattern = tablePatterns(counts, k);
  if (pattern === 'exposed' || (pattern.all.some(Boolean) && recoverableCells(pattern).length > 0)) return everything(counts);
  return pattern;
}

function tablePatterns(counts: VariableCounts, k: number): VariableSuppression | 'exposed' {
  let all = counts.all.map((n) => isSmallCount(n, k));
  for (;;) {
    all = completeColumn(counts.all, all);
    const tables = counts.tables.map((table, t) =>
      suppressTable({ counts: table, margin: counts.all, marginSuppressed: all, withheld: counts.withheld?.tables[t] }, k),
    );
    if (tables.some((table) => table.exposed)) return 'exposed';
    const next = all.map((on, value) => on || tables.some((table) => table.margin[value]));
    if (next.every((on, value) => on === all[value])) {
      return { all, tables: tables.map((table) => table.cells), withheld: { all: false, tables: tables.map((table) => table.withheld) } };
    }
    all = next;
  }
}

/** The all table alone: its base is published, so one suppressed cell needs a partner (non-zero first). */
function completeColumn(counts: readonly number[], suppressed: readonly boolean[]): boolean[] {
  const out = [...suppressed];
  if (out.filter(Boolean).length !== 1) return out;
  const rank = (value: number): number => (counts[value] === 0 ? Infinity : counts[value]!);
  let partner = -1;
  for (let value = 0; value < counts.length; value++) {
    if (!out[value] && (partner === -1 || rank(value) < rank(partner))) partner = value;
  }
  if (partner !== -1) out[partner] = true;
  return out;
}

function everything(counts: VariableCounts): VariableSuppression {
  const tables = counts.tables.map((table) => table.map((row) => row.map(() => true)));
  return { all: counts.all.map(() => true), tables, withheld: { all: true, tables: counts.tables.map((table) => (table[0] ?? []).map(() => true)) } };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
