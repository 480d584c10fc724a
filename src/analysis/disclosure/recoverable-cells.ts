// The attacker's view of one variable's public tables: every published sum (group bases, the joint sum
// of a table's withheld bases, the all table as row margins, its base) is a linear equation in the
// suppressed cells; a count over other questions adds its parts' tables and, per column, Σ value · n =
// the parts' cells; a recode adds its tables and, per column, each of its cells = the cells it merges. A suppressed cell is recoverable when the equations fix its value, i.e. when no
// solution of the homogeneous system moves it.
// Checks suppressVariable's heuristic exactly; bounds from non-negativity (interval attacks) are not used.
import { EPSILON, reduceRows } from './reduce-rows.js';
import type { VariableSuppression } from './suppress-variable.js';

export interface SuppressedCell {
  /** Index of the grouping table, or "all". */
  readonly table: number | 'all';
  readonly value: number;
  /** Group index in the grouping table; absent for the all table. */
  readonly group?: number;
}

/** A column of a table: the all table's, or a group's. */
export interface TableColumn {
  readonly table: number | 'all';
  readonly group?: number;
}

/** Per row, the cells of `coarse` groups in one table sum to those of `fine` groups in another. */
export interface TableLink {
  readonly coarse: { readonly table: number; readonly groups: readonly number[] };
  readonly fine: { readonly table: number; readonly groups: readonly number[] };
}

/** Other variables whose published cells are linear in this one's, with their public patterns. */
export interface LinkedVariables {
  /** The variable is a count over other questions (derived-tallies-2019.ts). */
  readonly tally?: TallyEquations;
  /**
   * Its recodes (derived-recodes-2019.ts), suppressed before it, and theirs: each cell of a recode is the
   * sum of its parent's cells it merges, group by group. Parents come before their recodes.
   */
  readonly recodes?: readonly RecodeTerm[];
}

/** A count: per column, Σ weight · n = Σ of its parts' cells; n(0) = the "keine" cell. */
export interface TallyEquations {
  /** Per value of the count: its number. */
  readonly weights: readonly number[];
  readonly parts: readonly TallyTerm[];
  /** A cell equal to the count's n(0) (row `zeroRow`), column by column. */
  readonly none?: TallyTerm & { readonly zeroRow: number };
}

/** Another variable's public tables, located by this variable's columns. */
export interface LinkedPattern {
  readonly pattern: VariableSuppression;
  readonly links: readonly TableLink[];
  /**
   * Where this variable's columns lie in that variable's tables: whether it has an all table, and per table
   * of this variable its table and per group its group (−1: not listed there, so 0); undefined: no such table.
   */
  readonly columns: { readonly all: boolean; readonly tables: readonly ({ readonly table: number; readonly groups: readonly number[] } | undefined)[] };
}

/** One cell per column of another variable. */
export interface TallyTerm extends LinkedPattern {
  /** The value (row) of that variable. */
  readonly row: number;
}

export interface RecodeTerm extends LinkedPattern {
  /** 'own' (this variable) or the index of the recode term it merges. */
  readonly parent: 'own' | number;
  /** Per value of the parent: the value (row) of this recode it is merged into. */
  readonly merged: readonly number[];
}

/** A linked variable's cell in a column of this variable: published, suppressed, or in no public table. */
export function linkedState(linked: LinkedPattern, row: number, table: number | 'all', group: number): 'published' | 'suppressed' | 'unknown' {
  const { pattern } = linked;
  const known = pattern.known;
  if (table === 'all') return !linked.columns.all ? 'unknown' : (pattern.withheld.all || pattern.all[row]) && !known?.all[row] ? 'suppressed' : 'published';
  const at = linked.columns.tables[table];
  if (!at) return 'unknown';
  const g = at.groups[group]!;
  if (g === -1) return 'published';
  const hidden = pattern.withheld.tables[at.table]![g] || pattern.tables[at.table]![row]![g];
  return hidden && !known?.tables[at.table]![row]![g] ? 'suppressed' : 'published';
}

/** The suppressed cells whose value follows from the published margins (and links) by linear algebra. */
export function recoverableCells(pattern: VariableSuppression, links: readonly TableLink[] = []): SuppressedCell[] {
  const system = new LinearSystem();
  const own = system.addVariable(pattern, links);
  return system.determined().flatMap((unknown) => own.cells[unknown] ?? []);
}

/**
 * This variable's columns in which its published numbers, with the linked variables' tables, fix a
 * suppressed cell of its own or of a linked variable (the latter by the columns whose equation holds it).
 * Cells public through a linked variable (`pattern.known`) are no unknowns.
 */
export function recoverableLinkedColumns(pattern: VariableSuppression, links: readonly TableLink[], linked: LinkedVariables): TableColumn[] {
  const { system, own, columnOf } = linkedSystem(pattern, links, linked);
  const out = new Map<string, TableColumn>();
  for (const unknown of system.determined()) {
    const mine = own.cells[unknown];
    const cells = mine ? [mine.table === 'all' ? { table: mine.table } : { table: mine.table, group: mine.group! }] : (columnOf.get(unknown) ?? []);
    for (const cell of cells) out.set(`${cell.table}/${cell.group}`, cell);
  }
  return [...out.values()];
}

/**
 * The cells of this variable that its linked variables' public numbers fix whatever it publishes itself
 * but its bases (its recodes publish them too): a count's cells from its band and its parts' Σ.
 */
export function linkedDeterminedCells(pattern: VariableSuppression, links: readonly TableLink[], linked: LinkedVariables): SuppressedCell[] {
  const hidden: VariableSuppression = {
    all: pattern.all.map(() => true),
    tables: pattern.tables.map((table) => table.map((row) => row.map(() => true))),
    withheld: pattern.withheld,
    ...(pattern.known ? { known: pattern.known } : {}),
  };
  const { system, own } = linkedSystem(hidden, links, linked);
  return system.determined().flatMap((unknown) => own.cells[unknown] ?? []);
}

/** The variable's and its linked variables' published sums, with the unknowns each column's equations hold. */
function linkedSystem(pattern: VariableSuppression, links: readonly TableLink[], linked: LinkedVariables): { system: LinearSystem; own: Indices; columnOf: Map<number, TableColumn[]> } {
  const system = new LinearSystem();
  const own = system.addVariable(pattern, links);
  const added = <T extends LinkedPattern>(variable: T) => ({ variable, at: system.addVariable(variable.pattern, variable.links) });
  const tally = linked.tally;
  const parts = (tally?.parts ?? []).map(added);
  const none = tally?.none && added(tally.none);
  const recodes = (linked.recodes ?? []).map(added);
  const columnOf = new Map<number, TableColumn[]>();
  const remember = (index: number | undefined, column: TableColumn) => index !== undefined && index >= 0 && columnOf.set(index, [...(columnOf.get(index) ?? []), column]);
  const visit = (table: number | 'all', group: number, ownIndex: (value: number) => number) => {
    const column: TableColumn = table === 'all' ? { table } : { table, group };
    const at = ({ variable, at: indices }: { readonly variable: LinkedPattern; readonly at: Indices }, row: number): number | undefined => {
      if (table === 'all') return variable.columns.all ? indices.all[row] : undefined;
      const place = variable.columns.tables[table];
      if (!place) return undefined;
      const g = place.groups[group]!;
      return g === -1 ? -1 : indices.tables[place.table]![row]![g]!;
    };
    const equation = (terms: readonly (readonly [number | undefined, number])[]) => {
      if (terms.some(([index]) => index === undefined)) return;
      system.equation(terms as readonly (readonly [number, number])[]);
      for (const [index] of terms) remember(index, column);
    };
    if (tally) {
      const weighted = tally.weights.map((weight, value) => [ownIndex(value), weight] as const);
      equation([...weighted, ...parts.map((part) => [at(part, part.variable.row), -1] as const)]);
      if (none) equation([[ownIndex(tally.none!.zeroRow), 1], [at(none, none.variable.row), -1]]);
    }
    recodes.forEach((recode, r) => {
      const { parent, merged } = recode.variable;
      const parentIndex = (value: number) => (parent === 'own' ? ownIndex(value) : at(recodes[parent]!, value));
      const rows = recode.variable.pattern.all.length;
      for (let row = 0; row < rows; row++) {
        const sources = merged.flatMap((to, value) => (to === row ? [[parentIndex(value), -1] as const] : []));
        equation([[at(recodes[r]!, row), 1], ...sources]);
      }
    });
  };
  visit('all', 0, (value) => own.all[value]!);
  own.tables.forEach((table, t) => (table[0] ?? []).forEach((_, g) => visit(t, g, (value) => table[value]![g]!)));
  return { system, own, columnOf };
}

/** Unknown indices (−1: published) of one variable's cells. */
interface Indices {
  readonly all: readonly number[];
  readonly tables: readonly (readonly (readonly number[])[])[];
  /** The own variable's cell per unknown (sparse). */
  readonly cells: SuppressedCell[];
}

/** Unknowns (indices) with their coefficients. */
type Equation = readonly (readonly [index: number, coefficient: number])[];

/** Published sums as equations in the unknowns (sparse until solved). */
class LinearSystem {
  private unknowns = 0;
  private readonly equations: Equation[] = [];

  /** One published sum: the unknowns among `terms` (indices, −1 for published cells) with their coefficients. */
  equation(terms: readonly (readonly [index: number, coefficient: number])[]): void {
    const unknown = terms.filter(([at, coefficient]) => at !== -1 && coefficient !== 0);
    if (unknown.length > 0) this.equations.push(unknown);
  }

  /** A variable's suppressed cells as unknowns (but those public elsewhere, `known`) and its own published sums. */
  addVariable(pattern: VariableSuppression, links: readonly TableLink[]): Indices {
    const cells: SuppressedCell[] = [];
    const known = (cell: SuppressedCell) => (cell.table === 'all' ? pattern.known?.all[cell.value] : pattern.known?.tables[cell.table]![cell.value]![cell.group!]) ?? false;
    const numbered = (on: boolean, cell: SuppressedCell): number => {
      if (!on || known(cell)) return -1;
      cells[this.unknowns] = cell;
      return this.unknowns++;
    };
    const all = pattern.all.map((on, value) => numbered(on, { table: 'all', value }));
    const tables = pattern.tables.map((table, t) => table.map((row, value) => row.map((on, group) => numbered(on, { table: t, value, group }))));
    this.equation(all.map((at) => [at, 1]));
    pattern.tables.forEach((table, t) => {
      const groups = [...(table[0] ?? []).keys()];
      const withheld = pattern.withheld.tables[t] ?? [];
      const column = (group: number) => table.map((_, value) => [tables[t]![value]![group]!, 1] as const);
      for (const group of groups) if (!withheld[group]) this.equation(column(group));
      this.equation(groups.filter((group) => withheld[group]).flatMap(column));
      table.forEach((row, value) => this.equation([...row.map((_, group) => [tables[t]![value]![group]!, 1] as const), [all[value]!, -1]]));
    });
    for (const { coarse, fine } of links) {
      pattern.all.forEach((_, value) => {
        const side = ({ table, groups }: TableLink['coarse'], sign: number) => groups.map((group) => [tables[table]![value]![group]!, sign] as const);
        this.equation([...side(coarse, 1), ...side(fine, -1)]);
      });
    }
    return { all, tables, cells };
  }

  /** Unknowns fixed by the equations, solved block by block (unknowns that share no equation are apart). */
  determined(): number[] {
    const parent = Int32Array.from({ length: this.unknowns }, (_, i) => i);
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    for (const terms of this.equations) for (const [at] of terms) parent[root(at)] = root(terms[0]![0]);
    const blocks = new Map<number, { unknowns: number[]; equations: Equation[] }>();
    const blockOf = (at: number) => {
      const key = root(at);
      let block = blocks.get(key);
      if (!block) blocks.set(key, (block = { unknowns: [], equations: [] }));
      return block;
    };
    for (let at = 0; at < this.unknowns; at++) blockOf(at).unknowns.push(at);
    for (const terms of this.equations) blockOf(terms[0]![0]).equations.push(terms);
    return [...blocks.values()].flatMap(({ unknowns, equations }) => {
      const local = new Map(unknowns.map((at, i) => [at, i]));
      const matrix = equations.map((terms) => {
        const row = new Float64Array(unknowns.length);
        for (const [at, coefficient] of terms) row[local.get(at)!]! += coefficient;
        return row;
      });
      return determinedColumns(matrix, unknowns.length).map((column) => unknowns[column]!);
    });
  }
}

/** Columns of `matrix` fixed by it: pivot columns whose reduced row has no free column. */
function determinedColumns(matrix: Float64Array[], columns: number): number[] {
  const pivots = reduceRows(matrix, columns);
  const isPivot = new Set(pivots);
  return pivots.filter((column, r) => matrix[r]!.every((x, c) => c === column || isPivot.has(c) || Math.abs(x) < EPSILON));
}
