// One variable's public tables together: its "all" table and one table per grouping share the all
// table's cells as row margins, so a complement taken there in one grouping is suppressed in all of them;
// and a grouping nested in another (size classes in unit types) makes sums across tables.
import { cheapest } from './cheapest.js';
import { recoverableCells, type TableLink } from './recoverable-cells.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';
import { suppressTable } from './suppress-table.js';

export type { TableLink } from './recoverable-cells.js';

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

/** Rounds of evening out linked tables before the exact check decides. */
const MAX_LINK_ROUNDS = 32;

/**
 * suppressTable for every grouping of one variable, repeated until the all table's pattern is stable and
 * no link (a row's cells of some groups = those of nested groups in another table) splits a suppressed sum,
 * then checked exactly (recoverable-cells.ts); should a cell still be determined, every cell of the
 * variable is suppressed. A variable whose base is below k, or withheld, publishes no cell and no base.
 *
 * @param links nestings between its groupings (size classes in unit types)
 * @param nests per recode of the variable, the merged value of each value (suppressTable `nests`)
 */
export function suppressVariable(counts: VariableCounts, k: number = DEFAULT_K, links: readonly TableLink[] = [], nests: readonly (readonly number[])[] = []): VariableSuppression {
  if (counts.withheld?.all || isSmallCount(sum(counts.all), k)) return everything(counts);
  const forced: Forced = {
    cells: counts.tables.map((table) => table.map((row) => row.map(() => false))),
    withheld: counts.tables.map((table, t) => (table[0] ?? []).map((_, g) => counts.withheld?.tables[t]?.[g] ?? false)),
  };
  for (let round = 0; ; round++) {
    const pattern = tablePatterns(counts, k, forced, nests);
    if (pattern === 'exposed') return everything(counts);
    if (round < MAX_LINK_ROUNDS && evenOutLinks(counts, pattern, links, forced)) continue;
    const linked = links.some((link) => sideHidden(pattern, link.coarse) || sideHidden(pattern, link.fine));
    if ((pattern.all.some(Boolean) || linked) && recoverableCells(pattern, links).length > 0) return everything(counts);
    return pattern;
  }
}

interface Forced {
  readonly cells: boolean[][][];
  readonly withheld: boolean[][];
}

function tablePatterns(counts: VariableCounts, k: number, forced: Forced, nests: readonly (readonly number[])[]): VariableSuppression | 'exposed' {
  let all = counts.all.map((n) => isSmallCount(n, k));
  for (;;) {
    all = completeColumn(counts.all, all);
    const tables = counts.tables.map((table, t) =>
      suppressTable({ counts: table, margin: counts.all, marginSuppressed: all, withheld: forced.withheld[t], forced: forced.cells[t], nests }, k),
    );
    if (tables.some((table) => table.exposed)) return 'exposed';
    const next = all.map((on, value) => on || tables.some((table) => table.margin[value]));
    if (next.every((on, value) => on === all[value])) {
      return { all, tables: tables.map((table) => table.cells), withheld: { all: false, tables: tables.map((table) => table.withheld) } };
    }
    all = next;
  }
}

/**
 * Links of one nesting (each link a nest: per row, its coarse cells sum to its fine cells). A side whose
 * suppressed cells in a row fall into one nest only reveals nothing new: the row sum gives their sum
 * anyway. Spread over two nests (or with the row's all-table cell suppressed), the nest sums published by
 * the other side would split them; so there the other side gets its cheapest cell of each such nest too.
 * The same for withheld bases (the variable's base is their row sum). True when anything changed.
 */
function evenOutLinks(counts: VariableCounts, pattern: VariableSuppression, links: readonly TableLink[], forced: Forced): boolean {
  let changed = false;
  const force = (hidden: (side: Side) => boolean, alone: boolean, pick: (side: Side) => number | undefined, mark: (side: Side, g: number) => void) => {
    for (const [mine, theirs] of [['coarse', 'fine'], ['fine', 'coarse']] as const) {
      const nests = links.filter((link) => hidden(link[mine]));
      if (nests.length < 2 && !(alone && nests.length === 1)) continue;
      for (const link of nests) {
        if (hidden(link[theirs])) continue;
        const g = pick(link[theirs]);
        if (g !== undefined) {
          mark(link[theirs], g);
          changed = true;
        }
      }
    }
  };
  counts.all.forEach((n, v) => {
    if (n === 0 && !pattern.all[v]) return; // a row known to be 0
    const hiddenCell = (side: Side, g: number) => pattern.tables[side.table]![v]![g]! || pattern.withheld.tables[side.table]![g]!;
    const cheapestCell = (side: Side) => {
      const cost = (g: number) => (counts.tables[side.table]![v]![g] === 0 ? Infinity : counts.tables[side.table]![v]![g]!);
      return cheapest(side.groups.filter((g) => !hiddenCell(side, g)), cost);
    };
    force((side) => side.groups.some((g) => hiddenCell(side, g)), pattern.all[v]!, cheapestCell, (side, g) => (forced.cells[side.table]![v]![g] = true));
  });
  const withheld = (side: Side, g: number) => pattern.withheld.tables[side.table]![g]!;
  const smallest = (side: Side) => {
    const base = (g: number) => sum(counts.tables[side.table]!.map((row) => row[g]!)) || Infinity;
    return cheapest(side.groups.filter((g) => !withheld(side, g)), base);
  };
  force((side) => side.groups.some((g) => withheld(side, g)), false, smallest, (side, g) => (forced.withheld[side.table]![g] = true));
  return changed;
}

type Side = TableLink['coarse'];

function sideHidden(pattern: VariableSuppression, side: Side): boolean {
  return pattern.tables[side.table]!.some((row) => side.groups.some((g) => row[g]));
}

/** The all table alone: its base is published, so one suppressed cell needs a partner (non-zero first). */
function completeColumn(counts: readonly number[], suppressed: readonly boolean[]): boolean[] {
  const out = [...suppressed];
  if (out.filter(Boolean).length !== 1) return out;
  const partner = cheapest([...counts.keys()].filter((value) => !out[value]), (value) => (counts[value] === 0 ? Infinity : counts[value]!));
  if (partner !== undefined) out[partner] = true;
  return out;
}

function everything(counts: VariableCounts): VariableSuppression {
  const tables = counts.tables.map((table) => table.map((row) => row.map(() => true)));
  return { all: counts.all.map(() => true), tables, withheld: { all: true, tables: counts.tables.map((table) => (table[0] ?? []).map(() => true)) } };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
