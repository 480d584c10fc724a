// The attacker's view of one variable's public tables: every published sum (group bases, the joint sum
// of a table's withheld bases, the all table as row margins, its base) is a linear equation in the
// suppressed cells; a count over other questions adds its parts' tables and, per column, Σ value · n =
// the parts' cells. A suppressed cell is recoverable when the equations fix its value, i.e. when no
// solution of the homogeneous system moves it.
// Checks suppressVariable's heuristic exactly; bounds from non-negativity (interval attacks) are not used.
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

/** A count over other questions (derived-tallies-2019.ts) and the public patterns of its parts. */
export interface TallyEquations {
  /** Per value of the count: its number. */
  readonly weights: readonly number[];
  /** Per column, Σ weight · n of the count = Σ of these cells. */
  readonly parts: readonly TallyTerm[];
  /** A cell equal to the count's n(0) (row `zeroRow`), column by column. */
  readonly none?: TallyTerm & { readonly zeroRow: number };
}

/** One cell per column of another variable's published tables. */
export interface TallyTerm {
  readonly pattern: VariableSuppression;
  readonly links: readonly TableLink[];
  /** The value (row) of that variable. */
  readonly row: number;
  /**
   * Where the count's columns lie in that variable's tables: whether it has an all table, and per table of
   * the count its table and per group its group (−1: not listed there, so 0); undefined: no such table.
   */
  readonly columns: { readonly all: boolean; readonly tables: readonly ({ readonly table: number; readonly groups: readonly number[] } | undefined)[] };
}

/** A term's cell in a column of the count: its count is published, suppressed, or not in a public table. */
export function termState(term: TallyTerm, table: number | 'all', group: number): 'published' | 'suppressed' | 'unknown' {
  const { pattern, row } = term;
  if (table === 'all') return !term.columns.all ? 'unknown' : pattern.withheld.all || pattern.all[row] ? 'suppressed' : 'published';
  const at = term.columns.tables[table];
  if (!at) return 'unknown';
  const g = at.groups[group]!;
  if (g === -1) return 'published';
  return pattern.withheld.tables[at.table]![g] || pattern.tables[at.table]![row]![g] ? 'suppressed' : 'published';
}

const EPSILON = 1e-9;

/** The suppressed cells whose value follows from the published margins (and links) by linear algebra. */
export function recoverableCells(pattern: VariableSuppression, links: readonly TableLink[] = []): SuppressedCell[] {
  const system = new LinearSystem();
  const own = system.addVariable(pattern, links);
  return system.determined().flatMap((unknown) => own.cells[unknown] ?? []);
}

/**
 * A count's columns whose published numbers, with its parts' tables, fix a suppressed cell of the count or
 * of a part: the count's own cells by their column, a part's through the columns whose equation holds it.
 * The count's 0 cells equal to a published "keine" cell are public anyway.
 */
export function recoverableTallyColumns(pattern: VariableSuppression, links: readonly TableLink[], tally: TallyEquations): TableColumn[] {
  const system = new LinearSystem();
  const { none } = tally;
  const knownZero = (table: number | 'all', value: number, group: number) => none !== undefined && value === none.zeroRow && termState(none, table, group) === 'published';
  const own = system.addVariable(pattern, links, knownZero);
  const terms = [...tally.parts, ...(none ? [none] : [])].map((term) => ({ term, at: system.addVariable(term.pattern, term.links) }));
  const columnOf = new Map<number, TableColumn[]>();
  const column = (table: number | 'all', group: number, indices: readonly number[]) => {
    const cell: TableColumn = table === 'all' ? { table } : { table, group };
    const termIndex = (term: TallyTerm, at: Indices): number | undefined => {
      if (table === 'all') return term.columns.all ? at.all[term.row] : undefined;
      const place = term.columns.tables[table];
      if (!place) return undefined;
      const g = place.groups[group]!;
      return g === -1 ? -1 : at.tables[place.table]![term.row]![g]!;
    };
    const parts = terms.slice(0, tally.parts.length).map(({ term, at }) => termIndex(term, at));
    if (parts.every((index) => index !== undefined)) {
      const equation = [...indices.map((at, value) => [at, tally.weights[value]!] as const), ...parts.map((at) => [at!, -1] as const)];
      system.equation(equation);
      for (const at of parts) if (at! >= 0) columnOf.set(at!, [...(columnOf.get(at!) ?? []), cell]);
    }
    const noneIndex = none && termIndex(none, terms.at(-1)!.at);
    if (none && noneIndex !== undefined) {
      system.equation([[indices[none.zeroRow]!, 1], [noneIndex, -1]]);
      if (noneIndex >= 0) columnOf.set(noneIndex, [...(columnOf.get(noneIndex) ?? []), cell]);
    }
  };
  column('all', 0, own.all);
  own.tables.forEach((table, t) => (table[0] ?? []).forEach((_, g) => column(t, g, table.map((row) => row[g]!))));
  const out = new Map<string, TableColumn>();
  for (const unknown of system.determined()) {
    const mine = own.cells[unknown];
    const cells = mine ? [mine.table === 'all' ? { table: mine.table } : { table: mine.table, group: mine.group! }] : (columnOf.get(unknown) ?? []);
    for (const cell of cells) out.set(`${cell.table}/${cell.group}`, cell);
  }
  return [...out.values()];
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

  /** A variable's suppressed cells as unknowns (but those `known` elsewhere) and its own published sums. */
  addVariable(pattern: VariableSuppression, links: readonly TableLink[], known: (table: number | 'all', value: number, group: number) => boolean = () => false): Indices {
    const cells: SuppressedCell[] = [];
    const numbered = (on: boolean, cell: SuppressedCell): number => {
      if (!on || known(cell.table, cell.value, cell.group ?? 0)) return -1;
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
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < matrix.length; column++) {
    let best = rank;
    for (let r = rank + 1; r < matrix.length; r++) if (Math.abs(matrix[r]![column]!) > Math.abs(matrix[best]![column]!)) best = r;
    if (Math.abs(matrix[best]![column]!) < EPSILON) continue;
    [matrix[rank], matrix[best]] = [matrix[best]!, matrix[rank]!];
    const pivot = matrix[rank]!;
    const scale = pivot[column]!;
    for (let c = column; c < columns; c++) pivot[c]! /= scale;
    for (let r = 0; r < matrix.length; r++) {
      const factor = matrix[r]![column]!;
      if (r === rank || Math.abs(factor) < EPSILON) continue;
      const line = matrix[r]!;
      for (let c = column; c < columns; c++) line[c]! -= factor * pivot[c]!;
    }
    pivots.push(column);
    rank++;
  }
  const isPivot = new Set(pivots);
  return pivots.filter((column, r) => matrix[r]!.every((x, c) => c === column || isPivot.has(c) || Math.abs(x) < EPSILON));
}
