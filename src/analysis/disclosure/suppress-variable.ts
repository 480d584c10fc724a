// One variable's public tables together: its "all" table and one table per grouping share the all
// table's cells as row margins, so a complement taken there in one grouping is suppressed in all of them;
// and a grouping nested in another (size classes in unit types) makes sums across tables.
import { cheapest } from './cheapest.js';
import { recoverableCells, recoverableTallyColumns, termState, type TableColumn, type TableLink, type TallyEquations } from './recoverable-cells.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';
import { suppressTable } from './suppress-table.js';

export type { TableLink, TallyEquations, TallyTerm } from './recoverable-cells.js';

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
  /** For a count over other questions (derived-tallies-2019.ts): its parts' public patterns. */
  readonly tally?: TallyEquations;
}

export interface VariableSuppression {
  readonly all: readonly boolean[];
  readonly tables: readonly (readonly (readonly boolean[])[])[];
  /** Groups (and the variable, `all`) whose bases are not published; all their cells are suppressed. */
  readonly withheld: { readonly all: boolean; readonly tables: readonly (readonly boolean[])[] };
}

/** Rounds of evening out linked tables before the exact check decides. */
const MAX_LINK_ROUNDS = 32;
/** Times a count's exact check may add cells to the columns it finds open before the count is withheld. */
const MAX_TALLY_REPAIRS = 16;

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
    all: counts.all.map(() => false),
    cells: counts.tables.map((table) => table.map((row) => row.map(() => false))),
    withheld: counts.tables.map((table, t) => (table[0] ?? []).map((_, g) => counts.withheld?.tables[t]?.[g] ?? false)),
  };
  const published = zeroCells(counts, 'published');
  const hiddenZeros = zeroCells(counts, 'suppressed');
  hiddenZeros.all.forEach((on, v) => on && (forced.all[v] = true));
  hiddenZeros.tables.forEach((table, t) => table.forEach((row, v) => row.forEach((on, g) => on && (forced.cells[t]![v]![g] = true))));
  for (let round = 0, repairs = 0; ; round++) {
    const pattern = tablePatterns(counts, k, forced, nests, published);
    if (pattern === 'exposed') return everything(counts);
    if (round < MAX_LINK_ROUNDS && (evenOutLinks(counts, pattern, links, forced) || evenOutTally(counts, pattern, forced, published))) continue;
    if (counts.tally) {
      const columns = recoverableTallyColumns(pattern, links, counts.tally);
      if (columns.length === 0) return pattern;
      if (repairs++ < MAX_TALLY_REPAIRS && reinforce(counts, pattern, columns, forced, published)) {
        round = -1;
        continue;
      }
      return everything(counts);
    }
    const linked = links.some((link) => sideHidden(pattern, link.coarse) || sideHidden(pattern, link.fine));
    if ((pattern.all.some(Boolean) || linked) && recoverableCells(pattern, links).length > 0) return everything(counts);
    return pattern;
  }
}

interface Forced {
  readonly all: boolean[];
  readonly cells: boolean[][][];
  readonly withheld: boolean[][];
}

function tablePatterns(counts: VariableCounts, k: number, forced: Forced, nests: readonly (readonly number[])[], published: Cells): VariableSuppression | 'exposed' {
  let all = counts.all.map((n, v) => isSmallCount(n, k) || forced.all[v]!);
  for (;;) {
    all = completeColumn(counts.all, all, published.all);
    const tables = counts.tables.map((table, t) =>
      suppressTable({ counts: table, margin: counts.all, marginSuppressed: all, withheld: forced.withheld[t], forced: forced.cells[t], nests, published: published.tables[t]!.map((row, v) => [...row, published.all[v]!]) }, k),
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

/** Per value of the all table, and per table values × groups. */
interface Cells {
  readonly all: readonly boolean[];
  readonly tables: readonly (readonly (readonly boolean[])[])[];
}

/** The 0 cells whose "keine" cell another variable publishes (`published`) or suppresses (`suppressed`). */
function zeroCells(counts: VariableCounts, state: 'published' | 'suppressed'): Cells {
  const none = counts.tally?.none;
  const at = (table: number | 'all', v: number, g: number) => none !== undefined && v === none.zeroRow && termState(none, table, g) === state;
  return {
    all: counts.all.map((_, v) => at('all', v, 0)),
    tables: counts.tables.map((table, t) => table.map((row, v) => row.map((_, g) => at(t, v, g)))),
  };
}

/** One column of a count as suppressVariable sees it (the all column: table 'all'). */
interface CountColumn {
  readonly n: (v: number) => number;
  readonly hidden: (v: number) => boolean;
  readonly known: (v: number) => boolean;
  readonly force: (v: number) => void;
  readonly withheld: boolean;
}

function eachColumn(counts: VariableCounts, pattern: VariableSuppression, forced: Forced, published: Cells, visit: (column: CountColumn, table: number | 'all', g: number) => void): void {
  visit({ n: (v) => counts.all[v]!, hidden: (v) => pattern.all[v]!, known: (v) => published.all[v]!, force: (v) => (forced.all[v] = true), withheld: false }, 'all', 0);
  counts.tables.forEach((table, t) =>
    (table[0] ?? []).forEach((_, g) => {
      const withheld = pattern.withheld.tables[t]![g]!;
      const column: CountColumn = {
        n: (v) => table[v]![g]!,
        hidden: (v) => withheld || pattern.tables[t]![v]![g]!,
        known: (v) => published.tables[t]![v]![g]!,
        force: (v) => (forced.cells[t]![v]![g] = true),
        withheld,
      };
      visit(column, t, g);
    }),
  );
}

/**
 * A count over other questions, column by column (the all column included): where a part's cell is
 * suppressed, the column hides a cell too, else Σ weight · n less the published parts would reveal it; where
 * the parts' sum is public and the base too, two equations fix up to two hidden cells and Σ weight · n = 0
 * over them would reveal them all, so the column hides a third (one with weight > 0 and n > 0).
 * True when anything changed.
 */
function evenOutTally(counts: VariableCounts, pattern: VariableSuppression, forced: Forced, published: Cells): boolean {
  const { tally } = counts;
  if (!tally) return false;
  let changed = false;
  eachColumn(counts, pattern, forced, published, (column, table, g) => {
    const states = tally.parts.map((part) => termState(part, table, g));
    const values = counts.all.map((_, v) => v);
    const unknown = values.filter((v) => column.hidden(v) && !column.known(v));
    const open = values.filter((v) => !column.hidden(v) && !column.known(v) && column.n(v) > 0);
    const weighted = unknown.reduce((total, v) => total + tally.weights[v]! * column.n(v), 0);
    const sum = states.every((state) => state === 'published');
    const tooFew = states.includes('suppressed') ? unknown.length === 0 : sum && !column.withheld && unknown.length > 0 && (unknown.length <= 2 || weighted === 0);
    if (!tooFew) return;
    const pick = cheapest(weighted === 0 && unknown.length > 0 ? open.filter((v) => tally.weights[v]! > 0) : open, column.n);
    if (pick === undefined) return;
    column.force(pick);
    changed = true;
  });
  return changed;
}

/** Each column the exact check found open hides its cheapest open cell (non-zero first). True when any did. */
function reinforce(counts: VariableCounts, pattern: VariableSuppression, columns: readonly TableColumn[], forced: Forced, published: Cells): boolean {
  const open = new Set(columns.map((column) => `${column.table}/${column.group ?? 0}`));
  let changed = false;
  eachColumn(counts, pattern, forced, published, (column, table, g) => {
    if (!open.has(`${table}/${g}`)) return;
    const candidates = counts.all.map((_, v) => v).filter((v) => counts.all[v]! > 0 && !column.hidden(v) && !column.known(v));
    const pick = cheapest(candidates, (v) => (column.n(v) === 0 ? 1e6 : column.n(v)));
    if (pick === undefined) return;
    column.force(pick);
    changed = true;
  });
  return changed;
}

type Side = TableLink['coarse'];

function sideHidden(pattern: VariableSuppression, side: Side): boolean {
  return pattern.tables[side.table]!.some((row) => side.groups.some((g) => row[g]));
}

/** The all table alone: its base is published, so one suppressed cell needs a partner (non-zero first). */
function completeColumn(counts: readonly number[], suppressed: readonly boolean[], published: readonly boolean[] = []): boolean[] {
  const out = [...suppressed];
  if (out.filter(Boolean).length !== 1) return out;
  const partner = cheapest([...counts.keys()].filter((value) => !out[value] && !published[value]), (value) => (counts[value] === 0 ? Infinity : counts[value]!));
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
