// One variable's public tables together: its "all" table and one table per grouping share the all
// table's cells as row margins, so a complement taken there in one grouping is suppressed in all of them;
// and a grouping nested in another (size classes in unit types) makes sums across tables.
import { cheapest, countCost } from './cheapest.js';
import { otherWholeSolutions } from './other-whole-solution.js';
import { linkedDeterminedCells, linkedState, recoverableCells, recoverableLinkedColumns, type LinkedVariables, type SuppressedCell, type TableColumn, type TableLink } from './recoverable-cells.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';
import { suppressTable } from './suppress-table.js';

export type { LinkedPattern, LinkedVariables, RecodeTerm, TableLink, TallyEquations, TallyTerm } from './recoverable-cells.js';

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
  /** Variables whose cells are linear in this one's (its parts if it is a count, its recodes), suppressed before it. */
  readonly linked?: LinkedVariables;
  /** Cells known to be 0 whatever the data (a value its grouping excludes: egov_count 5 in vg_egov false). */
  readonly structuralZeros?: CellFlags;
  /**
   * For a recode of a count (egov_band of egov_count): per column, the rows that would pin the count's
   * Σ value · n there if all were published (each the only count value > 0 it merges), in columns where a
   * part of the count hides a cell; undefined elsewhere. One of them is hidden, else that part's cell follows.
   */
  readonly pins?: { readonly all: readonly number[] | undefined; readonly tables: readonly (readonly (readonly number[] | undefined)[])[] };
  /** Cells suppressed whatever their count (an "or" flag where a count it implies is small: union-columns.ts). */
  readonly forced?: CellFlags;
  /** Cells other variables' published cells fix (an "or" flag equal to its one non-zero part): public whatever. */
  readonly known?: CellFlags;
}

/** A flag per cell: per value of the all table, and per table values × groups. */
export interface CellFlags {
  readonly all: readonly boolean[];
  readonly tables: readonly (readonly (readonly boolean[])[])[];
}

export interface VariableSuppression {
  readonly all: readonly boolean[];
  readonly tables: readonly (readonly (readonly boolean[])[])[];
  /** Groups (and the variable, `all`) whose bases are not published; all their cells are suppressed. */
  readonly withheld: { readonly all: boolean; readonly tables: readonly (readonly boolean[])[] };
  /** Cells a linked variable publishes (a count's 0 = "keine", a value merged alone): public even where suppressed. */
  readonly known?: CellFlags;
}

/** Rounds of evening out linked tables before the exact check decides. */
const MAX_LINK_ROUNDS = 32;
/** Times the exact check with linked variables may add cells to the columns it finds open before all is withheld. */
const MAX_LINKED_REPAIRS = 16;

/**
 * suppressTable for every grouping of one variable, repeated until the all table's pattern is stable and
 * no link (a row's cells of some groups = those of nested groups in another table) splits a suppressed sum,
 * then checked exactly (recoverable-cells.ts), with its linked variables if any; should a cell still be
 * determined, every cell of the variable is suppressed. A variable whose base is below k, or withheld,
 * publishes no cell and no base.
 *
 * @param links nestings between its groupings (size classes in unit types)
 */
export function suppressVariable(counts: VariableCounts, k: number = DEFAULT_K, links: readonly TableLink[] = []): VariableSuppression {
  const own = knownCells(counts);
  if (counts.withheld?.all || isSmallCount(sum(counts.all), k)) return everything(counts, own);
  const pattern = suppressKnowing(counts, k, links, own);
  if (!pattern.withheld.all || !counts.linked?.tally) return pattern;
  // Suppressed whole: perhaps because linked variables fix cells it hid (withLinkedDetermined).
  const known = withLinkedDetermined(counts, own, links, k);
  return known === own ? pattern : suppressKnowing(counts, k, links, known);
}

function suppressKnowing(counts: VariableCounts, k: number, links: readonly TableLink[], known: CellFlags): VariableSuppression {
  const forced: Forced = {
    all: counts.all.map((_, v) => counts.forced?.all[v] ?? false),
    cells: counts.tables.map((table, t) => table.map((row, v) => row.map((_, g) => counts.forced?.tables[t]?.[v]?.[g] ?? false))),
    withheld: counts.tables.map((table, t) => (table[0] ?? []).map((_, g) => counts.withheld?.tables[t]?.[g] ?? false)),
  };
  const linked = counts.linked && (counts.linked.tally || (counts.linked.recodes?.length ?? 0) > 0) ? counts.linked : undefined;
  for (let round = 0, repairs = 0; ; round++) {
    const pattern = tablePatterns(counts, k, forced, known);
    if (pattern === 'exposed') return everything(counts, known);
    if (round < MAX_LINK_ROUNDS && (evenOutLinks(counts, pattern, links, forced) || evenOutLinked(counts, pattern, forced, known))) continue;
    if (linked) {
      const columns = recoverableLinkedColumns(pattern, links, linked);
      if (columns.length === 0) return pattern;
      if (repairs++ < MAX_LINKED_REPAIRS && reinforce(counts, pattern, columns, forced, known)) {
        round = -1;
        continue;
      }
      return everything(counts, known);
    }
    const nested = links.some((link) => sideHidden(pattern, link.coarse) || sideHidden(pattern, link.fine));
    if ((pattern.all.some(Boolean) || nested) && recoverableCells(pattern, links).length > 0) return everything(counts, known);
    return pattern;
  }
}

interface Forced {
  readonly all: boolean[];
  readonly cells: boolean[][][];
  readonly withheld: boolean[][];
}

function tablePatterns(counts: VariableCounts, k: number, forced: Forced, known: CellFlags): VariableSuppression | 'exposed' {
  let all = counts.all.map((n, v) => isSmallCount(n, k) || forced.all[v]!);
  for (;;) {
    all = completeColumn(counts.all, all, known.all);
    const tables = counts.tables.map((table, t) =>
      suppressTable({ counts: table, margin: counts.all, marginSuppressed: all, withheld: forced.withheld[t], forced: forced.cells[t], published: known.tables[t]!.map((row, v) => [...row, known.all[v]!]) }, k),
    );
    if (tables.some((table) => table.exposed)) return 'exposed';
    const next = all.map((on, value) => on || tables.some((table) => table.margin[value]));
    if (next.every((on, value) => on === all[value])) {
      return { all, tables: tables.map((table) => table.cells), withheld: { all: false, tables: tables.map((table) => table.withheld) }, known };
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

/**
 * Cells whose count is public anyway: structural zeros, a count's 0 where its "keine" cell is published, and
 * a value that a recode keeps alone (the recode's cell is its count) where that cell is published.
 */
function knownCells(counts: VariableCounts): CellFlags {
  const zeros = counts.structuralZeros;
  const { tally, recodes = [] } = counts.linked ?? {};
  const alone = recodes.filter((recode) => recode.parent === 'own').map((recode) => recode.merged.map((to) => (recode.merged.filter((other) => other === to).length === 1 ? to : -1)));
  const at = (table: number | 'all', v: number, g: number) =>
    (tally?.none !== undefined && v === tally.none.zeroRow && linkedState(tally.none, tally.none.row, table, g) === 'published') ||
    recodes.some((recode, r) => recode.parent === 'own' && alone[r]![v] !== -1 && linkedState(recode, alone[r]![v]!, table, g) === 'published');
  const fixed = counts.known;
  return {
    all: counts.all.map((_, v) => (zeros?.all[v] ?? false) || (fixed?.all[v] ?? false) || at('all', v, 0)),
    tables: counts.tables.map((table, t) =>
      table.map((row, v) => row.map((_, g) => (zeros?.tables[t]?.[v]?.[g] ?? false) || (fixed?.tables[t]?.[v]?.[g] ?? false) || at(t, v, g))),
    ),
  };
}

/**
 * A count's cells that its recodes and parts fix whatever it publishes (community_count 2 and 3 beside
 * community_band "2+" and the Σ of two parts) are known too: hiding them protects nothing, and the exact
 * check could never be satisfied. Not small ones: Σ value · n equals the parts' sum exactly only without
 * partial answers, so such a cell may not truly be fixed (and splitCells protects the small ones).
 */
function withLinkedDetermined(counts: VariableCounts, known: CellFlags, links: readonly TableLink[], k: number): CellFlags {
  if (!counts.linked?.tally) return known;
  const withheld = counts.withheld ?? { all: false, tables: counts.tables.map((table) => (table[0] ?? []).map(() => false)) };
  // A row whose all count is 0 is public: 0 in every column.
  const zeroRow = (v: number) => counts.all[v] === 0;
  const fixed = { all: known.all.map((on, v) => on || zeroRow(v)), tables: known.tables.map((table) => table.map((row, v) => row.map((on) => on || zeroRow(v)))) };
  const nOf = ({ table, value, group }: SuppressedCell) => (table === 'all' ? counts.all[value]! : counts.tables[table]![value]![group!]!);
  const determined = linkedDeterminedCells({ ...fixed, withheld, known: fixed }, links, counts.linked).filter((cell) => !isSmallCount(nOf(cell), k));
  if (determined.length === 0) return known;
  const all = [...known.all];
  const tables = known.tables.map((table) => table.map((row) => [...row]));
  for (const { table, value, group } of determined) {
    if (table === 'all') all[value] = true;
    else tables[table]![value]![group!] = true;
  }
  return { all, tables };
}

/** One column of the variable as suppressVariable sees it (the all column: table 'all'). */
interface Column {
  readonly n: (v: number) => number;
  readonly hidden: (v: number) => boolean;
  readonly known: (v: number) => boolean;
  readonly force: (v: number) => void;
  readonly withheld: boolean;
}

function eachColumn(counts: VariableCounts, pattern: VariableSuppression, forced: Forced, known: CellFlags, visit: (column: Column, table: number | 'all', g: number) => void): void {
  visit({ n: (v) => counts.all[v]!, hidden: (v) => pattern.all[v]!, known: (v) => known.all[v]!, force: (v) => (forced.all[v] = true), withheld: false }, 'all', 0);
  counts.tables.forEach((table, t) =>
    (table[0] ?? []).forEach((_, g) => {
      const withheld = pattern.withheld.tables[t]![g]!;
      const column: Column = {
        n: (v) => table[v]![g]!,
        hidden: (v) => withheld || pattern.tables[t]![v]![g]!,
        known: (v) => known.tables[t]![v]![g]!,
        force: (v) => (forced.cells[t]![v]![g] = true),
        withheld,
      };
      visit(column, t, g);
    }),
  );
}

/**
 * Column by column (the all column included), what linked variables need; true when anything changed.
 * A count: its 0 cell hides where "keine" hides; where a part's cell is suppressed, the column hides a cell
 * too (else Σ weight · n less the published parts would reveal it); where the parts' sum and the base are
 * public, two equations fix up to two hidden cells and Σ weight · n = 0 over them would reveal them all, so
 * the column hides a third (one with weight > 0 and n > 0), and one more wherever those sums, with the
 * recode cells published over them, leave the hidden counts fewer than OTHER_WHOLE_SOLUTIONS other sets of
 * whole values (wholeSumsPin). A recode: where its cell is suppressed, this variable hides one of the cells
 * merged into it (else their sum would give it); where its cell is published, the merged cells hidden here
 * are none or two or more and hold more than 0.
 */
function evenOutLinked(counts: VariableCounts, pattern: VariableSuppression, forced: Forced, known: CellFlags): boolean {
  const { tally, recodes = [] } = counts.linked ?? {};
  let changed = false;
  const values = counts.all.map((_, v) => v);
  eachColumn(counts, pattern, forced, known, (column, table, g) => {
    const open = (among: readonly number[], zeros = false) => among.filter((v) => !column.hidden(v) && !column.known(v) && counts.all[v]! > 0 && (zeros || column.n(v) > 0));
    const hide = (candidates: readonly number[]) => (changed = hideCheapest(column, candidates) || changed);
    const unknown = (among: readonly number[]) => among.filter((v) => column.hidden(v) && !column.known(v));
    const pinning = table === 'all' ? counts.pins?.all : counts.pins?.tables[table]?.[g];
    if (pinning && pinning.length > 0 && unknown(pinning).length === 0) hide(open(pinning));
    if (tally) {
      if (tally.none && linkedState(tally.none, tally.none.row, table, g) === 'suppressed' && !column.hidden(tally.none.zeroRow)) hide([tally.none.zeroRow]);
      const states = tally.parts.map((part) => linkedState(part, part.row, table, g));
      const hidden = unknown(values);
      const weighted = hidden.reduce((total, v) => total + tally.weights[v]! * column.n(v), 0);
      const sum = states.every((state) => state === 'published');
      if (states.includes('suppressed') ? hidden.length === 0 : sum && !column.withheld && hidden.length > 0 && (hidden.length <= 2 || weighted === 0 || wholeSumsPin(counts, column, table, g, hidden))) {
        hide(weighted === 0 && hidden.length > 0 ? open(values).filter((v) => tally.weights[v]! > 0) : open(values));
      }
    }
    for (const recode of recodes.filter((candidate) => candidate.parent === 'own')) {
      recode.pattern.all.forEach((_, row) => {
        const nest = values.filter((v) => recode.merged[v] === row);
        const state = linkedState(recode, row, table, g);
        const hidden = unknown(nest);
        if (state === 'suppressed' && hidden.length === 0) hide(open(nest, true));
        if (state === 'published' && (hidden.length === 1 || (hidden.length > 1 && hidden.every((v) => column.n(v) === 0)))) hide(open(nest));
      });
    }
  });
  return changed;
}

/**
 * Whole solutions besides the truth that a count's hidden cells must keep in a column: with only one or two,
 * the sums of the other columns (all = Σ groups, in every grouping) often rule those out too. Measured
 * on the banded-count documents of suppress-linked.test.ts (seeds 7, 11, 23; 100 each), documents where
 * the whole-number attacker pins a small count: 23 when one other solution suffices, 17 with 2, 9 with 3,
 * 8 with 4; with 3, suppressed cells change by less than 0.4 % (demo 2019: 6, 1 and 0 more at k = 3, 5, 10).
 */
const OTHER_WHOLE_SOLUTIONS = 3;

/**
 * A count's hidden cells in a column where the parts' sum is public: their count, Σ weight · n and the
 * sums of the recode cells published over them may allow them one set of whole values only, or too few
 * others (OTHER_WHOLE_SOLUTIONS).
 */
function wholeSumsPin(counts: VariableCounts, column: Column, table: number | 'all', g: number, hidden: readonly number[]): boolean {
  const { tally, recodes = [] } = counts.linked!;
  const nests = recodes
    .filter((recode) => recode.parent === 'own')
    .flatMap((recode) => recode.pattern.all.flatMap((_, row) => (linkedState(recode, row, table, g) === 'published' ? [hidden.map((v) => (recode.merged[v] === row ? 1 : 0))] : [])));
  const sums = [hidden.map(() => 1), hidden.map((v) => tally!.weights[v]!), ...nests.filter((nest) => nest.some(Boolean))];
  return otherWholeSolutions(hidden.map((v) => column.n(v)), sums.map((coefficients) => ({ coefficients })), OTHER_WHOLE_SOLUTIONS) < OTHER_WHOLE_SOLUTIONS;
}

/** Each column the exact check found open hides its cheapest open cell (non-zero first). True when any did. */
function reinforce(counts: VariableCounts, pattern: VariableSuppression, columns: readonly TableColumn[], forced: Forced, known: CellFlags): boolean {
  const open = new Set(columns.map((column) => `${column.table}/${column.group ?? 0}`));
  let changed = false;
  eachColumn(counts, pattern, forced, known, (column, table, g) => {
    if (!open.has(`${table}/${g}`)) return;
    const candidates = counts.all.map((_, v) => v).filter((v) => counts.all[v]! > 0 && !column.hidden(v) && !column.known(v));
    changed = hideCheapest(column, candidates) || changed;
  });
  return changed;
}

/** Forces the cheapest of `candidates` (zeros last); true when there was one. */
function hideCheapest(column: Column, candidates: readonly number[]): boolean {
  const pick = cheapest(candidates, (v) => countCost(column.n(v)));
  if (pick !== undefined) column.force(pick);
  return pick !== undefined;
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

function everything(counts: VariableCounts, known: CellFlags): VariableSuppression {
  const tables = counts.tables.map((table) => table.map((row) => row.map(() => true)));
  return { all: counts.all.map(() => true), tables, withheld: { all: true, tables: counts.tables.map((table) => (table[0] ?? []).map(() => true)) }, known };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
