// The public results document (statistics.md "Disclosure control"; rule in docs/disclosure.md): the
// analysts' document with small cells and their complements suppressed, variable by variable, filter
// questions before the questions they filter, recodes (coarse, the report's figures) before their sources,
// parts before their counts (publicResults applies all three).
import type { Recode } from '../../instrument/derived-recodes-2019.js';
import type { Tally, TallyPart } from '../../instrument/derived-tallies-2019.js';
import type { Condition } from '../../instrument/model.js';
import { SIZE_CLASS_NESTING } from '../../register/size-class-nesting.js';
import type { CountCell, ResultCell, ResultsDocument, ResultsTable, TableTest } from '../results-document.js';
import { DEFAULT_K } from './small-count.js';
import { linkedState, suppressVariable, type LinkedPattern, type RecodeTerm, type TableLink, type TallyEquations, type TallyTerm, type VariableCounts, type VariableSuppression } from './suppress-variable.js';

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
  const filtersOf = (variable: string): readonly Condition[] => options.filters?.get(variable) ?? (recodes.has(variable) ? filtersOf(recodes.get(variable)!.variable) : []);
  const patternOf = (variable: string, path: readonly string[]): PublishedPattern | undefined => {
    const tables = variables.get(variable);
    if (!tables || path.includes(variable)) return undefined;
    let pattern = patterns.get(variable);
    if (!pattern) {
      const within = [...path, variable];
      const filters = filtersOf(variable).flatMap((condition) => {
        const filter = patternOf(condition.variable, within);
        return filter ? [{ filter, values: condition.in }] : [];
      });
      const tally = options.tallies?.[variable];
      const parts = tally && tallyParts(tally, (part) => patternOf(part, within));
      const children = [...recodes].flatMap(([derived, recode]) => {
        const child = recode.variable === variable ? patternOf(derived, within) : undefined;
        return child ? [{ pattern: child, recode }] : [];
      });
      const recode = recodes.get(variable);
      const counted = recode && options.tallies?.[recode.variable];
      const pins = recode && counted ? { recode, count: recode.variable, parts: tallyParts(counted, (part) => patternOf(part, within)).parts } : undefined;
      const zeros = (name: string) => structuralZero(name, recodes, (other) => valuesOf(variables.get(other) ?? []));
      pattern = variablePattern(tables, countTables, filters, k, {
        ...(parts ? { tally: parts } : {}),
        children,
        zero: zeros(variable),
        ...(pins ? { pins: { ...pins, countValues: possibleValues(pins.count, variables, countTables), countZero: zeros(pins.count) } } : {}),
      });
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
  /** Its recodes, suppressed before it. */
  readonly children: readonly Child[];
}

/** A recode of a variable with its published pattern. */
interface Child {
  readonly pattern: PublishedPattern;
  readonly recode: Recode;
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
  k: number,
  linked: { readonly tally?: TallyPatterns; readonly children: readonly Child[]; readonly zero: StructuralZero; readonly pins?: PinSource },
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
  const tally = linked.tally && tallyEquations(linked.tally, values, layout);
  const recodes = recodeTerms(linked.children, values, layout);
  const structuralZeros = {
    all: values.map(() => false),
    tables: [...layout].flatMap(([by, { groups, index }]) => (index === 'all' ? [] : [{ index, cells: values.map((value) => groups.map((group) => linked.zero(by, group, value))) }])).sort((a, b) => a.index - b.index).map((table) => table.cells),
  };
  const pins = linked.pins && pinningRows(linked.pins, values, layout);
  const counts: VariableCounts = { all, tables: matrices, withheld: { all: withheldAll, tables: withheldTables }, linked: { ...(tally ? { tally } : {}), recodes }, structuralZeros, ...(pins ? { pins } : {}) };
  return { values, tables: layout, suppression: suppressVariable(counts, k, nestingLinks(layout)), children: linked.children };
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
    return pattern && row !== -1 ? { ...linkedIn(layout, pattern), row } : undefined;
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

/** Whether a cell (value in a group of grouping `by`) is 0 whatever the data. */
type StructuralZero = (by: string, group: string, value: string) => boolean;

/** A recode of a count: the recode, the count's values and structural zeros, and the count's parts. */
interface PinSource {
  readonly recode: Recode;
  readonly countValues: readonly string[];
  readonly countZero: StructuralZero;
  readonly parts: TallyPatterns['parts'];
}

/** The values of `variable` that some unit has (a row whose all-table count is 0 is public: 0 everywhere). */
function possibleValues(variable: string, variables: ReadonlyMap<string, readonly ResultsTable[]>, countTables: ReadonlyMap<string, ResultsTable>): string[] {
  const tables = variables.get(variable) ?? [];
  const all = tables.find((table) => table.by === 'all');
  const n = all ? countsOf(all, countTables).get('all') : undefined;
  return valuesOf(tables).filter((value) => !n || (n.get(value) ?? 0) > 0);
}

/** VariableCounts `pins` of a recode of a count, column by column. */
function pinningRows({ recode, countValues, countZero, parts }: PinSource, values: readonly string[], layout: Layout): VariableCounts['pins'] {
  const located = parts.flatMap(({ pattern, value }) => (pattern && pattern.values.includes(value) ? [{ ...linkedIn(layout, pattern), row: pattern.values.indexOf(value) }] : []));
  const column = (by: string, group: string, table: number | 'all', g: number): number[] | undefined => {
    if (!located.some((part) => linkedState(part, part.row, table, g) === 'suppressed')) return undefined;
    const possible = countValues.filter((value) => !countZero(by, group, value));
    const rows: number[] = [];
    for (const value of possible.filter((candidate) => Number(candidate) > 0)) {
      const merged = recode.values[value]!;
      if (possible.filter((other) => recode.values[other] === merged).length > 1) return undefined;
      rows.push(values.indexOf(merged));
    }
    return rows.every((row) => row !== -1) ? rows : undefined;
  };
  const tables: (number[] | undefined)[][] = [];
  for (const [by, { groups, index }] of layout) if (index !== 'all') tables[index] = groups.map((group, g) => column(by, group, index, g));
  return { all: column('all', 'all', 'all', 0), tables };
}

/**
 * Whether a cell of `variable` by a grouping is 0 whatever the data: both are recodes (or the variable itself)
 * of one variable, and no value of it leads to both the cell's value and the group (egov_count 5 in
 * vg_egov false; vg_strategy hat in vg_strategy ohne).
 */
function structuralZero(variable: string, recodes: ReadonlyMap<string, Recode>, valuesOf: (variable: string) => readonly string[]): StructuralZero {
  const lineage = (name: string): string[] => (recodes.has(name) ? [name, ...lineage(recodes.get(name)!.variable)] : [name]);
  const own = lineage(variable);
  /** The value of `name` for `value` of its ancestor `root`. */
  const down = (name: string, root: string, value: string): string | undefined => (name === root ? value : recodes.get(name)!.values[down(recodes.get(name)!.variable, root, value)!]);
  const roots = new Map<string, { root: string; values: readonly string[] } | undefined>();
  return (by: string, group: string, value: string): boolean => {
    if (!roots.has(by)) {
      const root = lineage(by).find((name) => own.includes(name));
      roots.set(by, root === undefined ? undefined : { root, values: valuesOf(root) });
    }
    const found = roots.get(by);
    return found !== undefined && !found.values.some((source) => down(variable, found.root, source) === value && down(by, found.root, source) === group);
  };
}

/**
 * The recodes of a variable and theirs, parents first, each located by the variable's columns: a recode's
 * cell is the sum of its parent's cells it merges.
 */
function recodeTerms(children: readonly Child[], values: readonly string[], layout: Layout): RecodeTerm[] {
  const out: RecodeTerm[] = [];
  const add = ({ pattern, recode }: Child, parent: 'own' | number, parentValues: readonly string[]) => {
    out.push({ ...linkedIn(layout, pattern), parent, merged: parentValues.map((value) => pattern.values.indexOf(recode.values[value]!)) });
    const index = out.length - 1;
    for (const child of pattern.children) add(child, index, pattern.values);
  };
  for (const child of children) add(child, 'own', values);
  return out;
}

/** Another variable's pattern located by the columns of `layout` (groups matched by name). */
function linkedIn(layout: Layout, other: PublishedPattern): LinkedPattern {
  const tables: LinkedPattern['columns']['tables'][number][] = [];
  for (const [by, { groups, index }] of layout) {
    const there = other.tables.get(by);
    if (index !== 'all' && typeof there?.index === 'number') tables[index] = { table: there.index, groups: groups.map((group) => there.groups.indexOf(group)) };
  }
  return { pattern: other.suppression, links: nestingLinks(other.tables), columns: { all: other.tables.has('all'), tables } };
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
