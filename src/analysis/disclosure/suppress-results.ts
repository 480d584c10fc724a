// The public results document (statistics.md "Disclosure control"; rule in docs/disclosure.md): the
// analysts' document with small cells and their complements suppressed, variable by variable, filter
// questions before the questions they filter, sources before their recodes, parts before their counts
// (publicResults applies all three).
import type { Recode } from '../../instrument/derived-recodes-2019.js';
import type { Tally, TallyPart } from '../../instrument/derived-tallies-2019.js';
import type { Condition } from '../../instrument/model.js';
import { SIZE_CLASS_NESTING } from '../../register/size-class-nesting.js';
import type { CountCell, ResultCell, ResultsDocument, ResultsTable, TableTest } from '../results-document.js';
import { DEFAULT_K } from './small-count.js';
import { suppressVariable, type TableLink, type TallyEquations, type TallyTerm, type VariableCounts, type VariableSuppression } from './suppress-variable.js';

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

export interface SuppressOptions {
  /** The unweighted document of the same analysis: the pattern follows unweighted counts. Default `doc`. */
  readonly counts?: ResultsDocument;
  /** Show-if conditions per variable (questionFilters): a base must not reveal a suppressed filter count. */
  readonly filters?: ReadonlyMap<string, readonly Condition[]>;
  /** Derived variables that regroup another's values (DERIVED_RECODES_2019): their cells are sums of its cells. */
  readonly recodes?: Readonly<Record<string, Recode>>;
  /** Derived counts over other questions (DERIVED_TALLIES_2019): Σ value · n of a group = their parts' cells. */
  readonly tallies?: Readonly<Record<string, Tally>>;
}

/**
 * Suppresses every table of `doc` for publication. A weighted document needs the unweighted document of
 * the same analysis as `counts`.
 *
 * @example suppressResults(analyzeWave(data), 5, { filters: questionFilters(instrument) })
 * @example suppressResults(weightedDoc, 5, { counts: analyzeWave(data), filters })
 */
export function suppressResults(doc: ResultsDocument, k: number = DEFAULT_K, options: SuppressOptions = {}): PublicResultsDocument {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k muss eine ganze Zahl ≥ 1 sein, nicht ${k}`);
  const counts = options.counts ?? doc;
  if (counts.weighted) throw new RangeError('Die Sperrung richtet sich nach ungewichteten Fallzahlen: ungewichtetes Ergebnisdokument angeben');
  const countTables = new Map(counts.tables.map((table) => [tableKey(table), table]));
  const variables = byVariable(doc.tables);
  const recodes = validRecodes(options.recodes ?? {}, variables);
  const patterns = new Map<string, PublishedPattern>();
  const patternOf = (variable: string, path: readonly string[]): PublishedPattern | undefined => {
    const tables = variables.get(variable);
    if (!tables || path.includes(variable)) return undefined;
    let pattern = patterns.get(variable);
    if (!pattern) {
      const recode = recodes.get(variable);
      const source = recode && patternOf(recode.variable, [...path, variable]);
      pattern = source && recode ? recodedPattern(tables, countTables, source, recode) : undefined;
      if (!pattern) {
        const filters = (options.filters?.get(variable) ?? []).flatMap((condition) => {
          const filter = patternOf(condition.variable, [...path, variable]);
          return filter ? [{ filter, values: condition.in }] : [];
        });
        const tally = options.tallies?.[variable];
        const parts = tally && tallyParts(tally, (part) => patternOf(part, [...path, variable]));
        pattern = variablePattern(tables, countTables, filters, nestsOf(variable, recodes, variables), k, parts);
      }
      patterns.set(variable, pattern);
    }
    return pattern;
  };
  const out = new Map<ResultsTable, PublicTable>();
  let suppressedCells = 0;
  for (const [variable, tables] of variables) {
    const pattern = patternOf(variable, [])!;
    for (const table of tables) {
      const published = publicTable(table, pattern);
      suppressedCells += published.cells.filter((cell) => 'suppressed' in cell).length;
      out.set(table, published);
    }
  }
  return { ...doc, tables: doc.tables.map((table) => out.get(table)!), disclosure: { k, suppressed_cells: suppressedCells } };
}

/** A variable's pattern by group label: what its own tables publish, and what questions it filters read. */
interface PublishedPattern {
  readonly values: readonly string[];
  readonly tables: Layout;
  readonly suppression: VariableSuppression;
}

/** Per grouping (and `all`): the groups listed, and the table's index in the pattern. */
type Layout = ReadonlyMap<string, { readonly groups: readonly string[]; readonly index: number | 'all' }>;

interface Filter {
  readonly filter: PublishedPattern;
  readonly values: readonly string[];
}

function variablePattern(
  tables: readonly ResultsTable[],
  countTables: ReadonlyMap<string, ResultsTable>,
  filters: readonly Filter[],
  nests: (values: readonly string[]) => number[][],
  k: number,
  tally?: TallyPatterns,
): PublishedPattern {
  const values = valuesOf(tables);
  const layout = new Map<string, { groups: string[]; index: number | 'all' }>();
  const matrices: number[][][] = [];
  const withheldTables: boolean[][] = [];
  let all: number[] | undefined;
  for (const table of tables) {
    const n = countsOf(table, countTables);
    if (table.by === 'all') {
      if (table.cells.length === 0) continue;
      layout.set('all', { groups: ['all'], index: 'all' });
      all = values.map((value) => n.get('all')?.get(value) ?? 0);
      continue;
    }
    const forced = new Set(filters.flatMap(({ filter, values: asked }) => withheldByFilter(filter, table.by, asked)));
    const own = [...n.keys()];
    const groups = [...forced].every((group) => n.has(group)) ? own : orderedGroups(unique([...own, ...forced]), filters, table.by);
    if (groups.length === 0) continue;
    layout.set(table.by, { groups, index: matrices.length });
    matrices.push(values.map((value) => groups.map((group) => n.get(group)?.get(value) ?? 0)));
    withheldTables.push(groups.map((group) => forced.has(group)));
  }
  // Without an all table its row sums are still computable from any grouping without missing values.
  all ??= values.map((_, v) => Math.max(0, ...matrices.map((matrix) => matrix[v]!.reduce((a, b) => a + b, 0))));
  const withheldAll = filters.some(({ filter, values: asked }) => withheldByFilter(filter, 'all', asked).length > 0);
  const equations = tally && tallyEquations(tally, values, layout);
  const counts: VariableCounts = { all, tables: matrices, withheld: { all: withheldAll, tables: withheldTables }, ...(equations ? { tally: equations } : {}) };
  return { values, tables: layout, suppression: suppressVariable(counts, k, nestingLinks(layout), nests(values)) };
}

/** The published patterns of a tally's parts (and of its "keine" cell). */
interface TallyPatterns {
  readonly parts: readonly { readonly pattern: PublishedPattern | undefined; readonly value: string }[];
  readonly none?: { readonly pattern: PublishedPattern | undefined; readonly value: string };
}

function tallyParts(tally: Tally, patternOf: (variable: string) => PublishedPattern | undefined): TallyPatterns {
  const of = (part: TallyPart) => ({ pattern: patternOf(part.variable), value: part.value });
  return { parts: tally.parts.map(of), ...(tally.none ? { none: of(tally.none) } : {}) };
}

/** Undefined when a value is not a count (0, 1, …) or a part is not published: then the count stands alone. */
function tallyEquations(tally: TallyPatterns, values: readonly string[], layout: Layout): TallyEquations | undefined {
  if (!values.every((value) => /^(0|[1-9]\d*)$/.test(value))) return undefined;
  const term = ({ pattern, value }: TallyPatterns['parts'][number]): TallyTerm | undefined => {
    const row = pattern?.values.indexOf(value) ?? -1;
    if (!pattern || row === -1) return undefined;
    const tables: TallyTerm['columns']['tables'][number][] = [];
    for (const [by, { groups, index }] of layout) {
      const there = pattern.tables.get(by);
      if (index !== 'all' && typeof there?.index === 'number') tables[index] = { table: there.index, groups: groups.map((group) => there.groups.indexOf(group)) };
    }
    return { pattern: pattern.suppression, links: nestingLinks(pattern.tables), row, columns: { all: pattern.tables.has('all'), tables } };
  };
  const parts = tally.parts.map(term);
  if (parts.some((part) => part === undefined)) return undefined;
  const none = tally.none && term(tally.none);
  const zeroRow = values.indexOf('0');
  return { weights: values.map(Number), parts: parts as TallyTerm[], ...(none && zeroRow !== -1 ? { none: { ...none, zeroRow } } : {}) };
}

/**
 * Recodes whose source is published and whose values cover the source's values (a later questionnaire
 * version with other options keeps its own suppression), keyed by the derived variable.
 */
function validRecodes(recodes: Readonly<Record<string, Recode>>, variables: ReadonlyMap<string, readonly ResultsTable[]>): Map<string, Recode> {
  return new Map(
    Object.entries(recodes).filter(([derived, { variable, values }]) => {
      const [own, source] = [new Set(valuesOf(variables.get(derived) ?? [])), valuesOf(variables.get(variable) ?? [])];
      return own.size > 0 && source.length > 0 && source.every((value) => own.has(values[value] ?? '\u0000'));
    }),
  );
}

/** Per recode of `variable`: the merged value (nest) of each of its values. */
function nestsOf(variable: string, recodes: ReadonlyMap<string, Recode>, variables: ReadonlyMap<string, readonly ResultsTable[]>) {
  const own = [...recodes].filter(([, recode]) => recode.variable === variable);
  return (values: readonly string[]): number[][] =>
    own.map(([derived, recode]) => {
      const merged = valuesOf(variables.get(derived)!);
      return values.map((value) => merged.indexOf(recode.values[value]!));
    });
}

/**
 * A recode publishes exactly what its source's pattern leaves computable: a cell where every source cell of
 * its nest and group is published (their sum), nothing where one is suppressed; the source's withheld
 * bases are its own. Undefined when the tables do not line up (then it is suppressed on its own).
 */
function recodedPattern(tables: readonly ResultsTable[], countTables: ReadonlyMap<string, ResultsTable>, source: PublishedPattern, recode: Recode): PublishedPattern | undefined {
  const values = valuesOf(tables);
  const parts = values.map((value) => source.values.flatMap((from, s) => (recode.values[from] === value ? [s] : [])));
  const layout = new Map<string, { groups: readonly string[]; index: number | 'all' }>();
  const { suppression } = source;
  const cells: boolean[][][] = [];
  const withheld: boolean[][] = [];
  let all: boolean[] | undefined;
  for (const table of tables) {
    const own = [...countsOf(table, countTables).keys()];
    if (own.length === 0) continue;
    const from = source.tables.get(table.by);
    if (!from || own.some((group) => !from.groups.includes(group))) return undefined;
    if (from.index === 'all') {
      layout.set('all', { groups: ['all'], index: 'all' });
      all = parts.map((rows) => rows.some((s) => suppression.all[s]));
      continue;
    }
    // The source's groups: one it lists without numbers (a withheld filter count) is listed here too.
    const t = from.index;
    layout.set(table.by, { groups: from.groups, index: cells.length });
    cells.push(parts.map((rows) => from.groups.map((_, g) => suppression.withheld.tables[t]![g]! || rows.some((s) => suppression.tables[t]![s]![g]))));
    withheld.push(from.groups.map((_, g) => suppression.withheld.tables[t]![g]!));
  }
  const suppressionOfRecode: VariableSuppression = {
    all: all ?? parts.map(() => suppression.withheld.all),
    tables: cells,
    withheld: { all: suppression.withheld.all, tables: withheld },
  };
  return { values, tables: layout, suppression: suppressionOfRecode };
}

/** Size classes nested in unit types: per row, landkreis = lk1 + lk2 + lk3, and so on. */
function nestingLinks(layout: Layout): TableLink[] {
  const coarse = layout.get('unit_type');
  const fine = layout.get('size_class');
  if (typeof coarse?.index !== 'number' || typeof fine?.index !== 'number') return [];
  const indices = (groups: readonly string[], names: readonly string[]) => names.map((name) => groups.indexOf(name)).filter((g) => g !== -1);
  return SIZE_CLASS_NESTING.map((nest) => ({
    coarse: { table: coarse.index as number, groups: indices(coarse.groups, nest.unitTypes) },
    fine: { table: fine.index as number, groups: indices(fine.groups, nest.sizeClasses) },
  }));
}

/**
 * The groups of grouping `by` in which a filter value's count is suppressed, or the filter's base withheld:
 * there the filtered question's base would reveal it (base = the filter's count, less item non-response).
 */
function withheldByFilter({ values, tables, suppression }: PublishedPattern, by: string, asked: readonly string[]): string[] {
  const table = tables.get(by);
  if (!table) return [];
  const rows = asked.map((value) => values.indexOf(value)).filter((row) => row !== -1);
  return table.groups.filter((_, g) => {
    if (table.index === 'all') return suppression.withheld.all || rows.some((row) => suppression.all[row]);
    return suppression.withheld.tables[table.index]![g] || rows.some((row) => suppression.tables[table.index as number]![row]![g]);
  });
}

/** The filter's group order (the grouping's), for groups the filtered table itself lacks. */
function orderedGroups(groups: readonly string[], filters: readonly Filter[], by: string): string[] {
  const order = filters.map(({ filter }) => filter.tables.get(by)?.groups).find((found) => found !== undefined) ?? [];
  const rank = (group: string): number => (order.includes(group) ? order.indexOf(group) : order.length + groups.indexOf(group));
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

function publicTable(table: ResultsTable, pattern: PublishedPattern): PublicTable {
  const layout = pattern.tables.get(table.by);
  if (!layout) return table; // no group with base > 0: no cell
  const { suppression } = pattern;
  const t = layout.index;
  const byGroup = new Map<string, ResultCell[]>();
  for (const cell of table.cells) {
    const list = byGroup.get(cell.by);
    if (list) list.push(cell);
    else byGroup.set(cell.by, [cell]);
  }
  const valueIndex = new Map(pattern.values.map((value, v) => [value, v]));
  let any = false;
  const cells = layout.groups.flatMap((group, g): ResultCell[] => {
    const withheld = t === 'all' ? suppression.withheld.all : suppression.withheld.tables[t]![g]!;
    // A group the analysts' table lacks (base 0) is listed only when withheld: its absence would say 0.
    const own = byGroup.get(group) ?? pattern.values.map((value): ResultCell => ({ by: group, value, suppressed: true }));
    return own.map((cell) => {
      const v = valueIndex.get(cell.value)!;
      if (!withheld && !(t === 'all' ? suppression.all[v]! : suppression.tables[t]![v]![g]!)) return cell;
      any = true;
      return withheld ? { by: group, value: cell.value, suppressed: true } : { by: group, value: cell.value, base: cell.base, suppressed: true };
    });
  });
  return { ...table, cells, ...(table.test && any ? { test: { method: table.test.method, suppressed: true } } : {}) };
}

/** Unweighted count by group, then value; groups in the table's order. */
function countsOf(table: ResultsTable, countTables: ReadonlyMap<string, ResultsTable>): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const source = countTables.get(tableKey(table));
  if (!source) throw new RangeError(`Keine ungewichtete Tabelle ${tableKey(table)}`);
  const out = new Map<string, Map<string, number>>();
  for (const cell of source.cells) {
    const group = out.get(cell.by) ?? new Map<string, number>();
    group.set(cell.value, countOf(cell, table));
    out.set(cell.by, group);
  }
  return out;
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

/** A variable's values in the order its tables name them. */
function valuesOf(tables: readonly ResultsTable[]): string[] {
  return unique(tables.flatMap((table) => table.cells.map((cell) => cell.value)));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function tableKey(table: ResultsTable): string {
  return `${table.variable} × ${table.by}`;
}
