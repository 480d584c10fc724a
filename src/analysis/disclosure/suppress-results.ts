// The public results document (statistics.md "Disclosure control"; rule in docs/disclosure.md): the
// analysts' document with small cells and their complements suppressed, variable by variable.
import type { CountCell, ResultCell, ResultsDocument, ResultsTable, TableTest } from '../results-document.js';
import { DEFAULT_K } from './small-count.js';
import { suppressVariable, type VariableCounts } from './suppress-variable.js';

/** A test on a table with suppressed cells: X², p and V would let a reader solve for the hidden cells. */
export interface WithheldTest {
  readonly method: TableTest['method'];
  readonly suppressed: true;
}

export interface PublicTable extends Omit<ResultsTable, 'test'> {
  readonly test?: TableTest | WithheldTest | null;
}

export interface PublicResultsDocument extends Omit<ResultsDocument, 'tables'> {
  readonly tables: readonly PublicTable[];
  readonly disclosure: { readonly k: number; readonly suppressed_cells: number };
}

/**
 * Suppresses every table of `doc` for publication. The pattern follows unweighted counts, so a weighted
 * document needs the unweighted document of the same analysis as `counts`.
 *
 * @example suppressResults(analyzeWave(data), 5)
 * @example suppressResults(weightedDoc, 5, analyzeWave(data))
 */
export function suppressResults(doc: ResultsDocument, k: number = DEFAULT_K, counts: ResultsDocument = doc): PublicResultsDocument {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k muss eine ganze Zahl ≥ 1 sein, nicht ${k}`);
  if (counts.weighted) throw new RangeError('Die Sperrung richtet sich nach ungewichteten Fallzahlen: ungewichtetes Ergebnisdokument angeben');
  const countTables = new Map(counts.tables.map((table) => [tableKey(table), table]));
  const out = new Map<ResultsTable, PublicTable>();
  let suppressedCells = 0;
  for (const tables of byVariable(doc.tables).values()) {
    const shape = variableShape(tables, countTables);
    const pattern = suppressVariable(shape.counts, k);
    const hidden = (table: number | 'all', value: number, group: number): boolean =>
      table === 'all' ? pattern.all[value]! : pattern.tables[table]![value]![group]!;
    tables.forEach((table) => {
      const t = shape.index.get(table);
      if (t === undefined) return void out.set(table, table); // no group with base > 0: no cell
      let any = false;
      const cells = table.cells.map((cell): ResultCell => {
        const value = shape.values.indexOf(cell.value);
        if (!hidden(t, value, t === 'all' ? 0 : shape.groups[t]!.indexOf(cell.by))) return cell;
        any = true;
        suppressedCells++;
        return { by: cell.by, value: cell.value, base: cell.base, suppressed: true };
      });
      out.set(table, { ...table, cells, ...(table.test && any ? { test: { method: table.test.method, suppressed: true } } : {}) });
    });
  }
  return { ...doc, tables: doc.tables.map((table) => out.get(table)!), disclosure: { k, suppressed_cells: suppressedCells } };
}

interface VariableShape {
  readonly values: readonly string[];
  /** Per grouping table (index as in `counts.tables`): its groups with base > 0. */
  readonly groups: readonly (readonly string[])[];
  readonly index: ReadonlyMap<ResultsTable, number | 'all'>;
  readonly counts: VariableCounts;
}

function variableShape(tables: readonly ResultsTable[], countTables: ReadonlyMap<string, ResultsTable>): VariableShape {
  const countsOf = (table: ResultsTable): ReadonlyMap<string, number> => {
    const source = countTables.get(tableKey(table));
    if (!source) throw new RangeError(`Keine ungewichtete Tabelle ${tableKey(table)}`);
    return new Map(source.cells.map((cell) => [cellKey(cell.by, cell.value), countOf(cell, table)]));
  };
  const values = unique(tables.flatMap((table) => table.cells.map((cell) => cell.value)));
  const index = new Map<ResultsTable, number | 'all'>();
  const groups: string[][] = [];
  const matrices: number[][][] = [];
  let all: number[] | undefined;
  for (const table of tables) {
    if (table.cells.length === 0) continue;
    const n = countsOf(table);
    if (table.by === 'all') {
      index.set(table, 'all');
      all = values.map((value) => n.get(cellKey('all', value)) ?? 0);
      continue;
    }
    index.set(table, groups.length);
    const tableGroups = unique(table.cells.map((cell) => cell.by));
    groups.push(tableGroups);
    matrices.push(values.map((value) => tableGroups.map((group) => n.get(cellKey(group, value)) ?? 0)));
  }
  // Without an all table its row sums are still computable from any grouping without missing values.
  all ??= values.map((_, v) => Math.max(0, ...matrices.map((matrix) => matrix[v]!.reduce((a, b) => a + b, 0))));
  return { values, groups, index, counts: { all, tables: matrices } };
}

function countOf(cell: ResultCell, table: ResultsTable): number {
  if ('suppressed' in cell) throw new RangeError(`${tableKey(table)} ist schon gesperrt`);
  return (cell as CountCell).n;
}

function byVariable(tables: readonly ResultsTable[]): Map<string, ResultsTable[]> {
  const out = new Map<string, ResultsTable[]>();
  for (const table of tables) {
    const list = out.get(table.variable);
    if (list) list.push(table);
    else out.set(table.variable, [table]);
  }
  return out;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function tableKey(table: ResultsTable): string {
  return `${table.variable} × ${table.by}`;
}

function cellKey(by: string, value: string): string {
  return `${by}\u0000${value}`;
}
