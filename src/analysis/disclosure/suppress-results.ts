// The public results document (statistics.md "Disclosure control"; rule in docs/disclosure.md): the
// analysts' document with small cells and their complements suppressed, variable by variable, filter
// questions before the questions they filter, recodes (coarse, the report's figures) before their sources,
// parts before their counts and their "or" flags (publicResults applies all four).
import type { Recode } from '../../instrument/derived-recodes-2019.js';
import type { Tally, TallyPart } from '../../instrument/derived-tallies-2019.js';
import type { Union } from '../../instrument/derived-unions-2019.js';
import type { Condition } from '../../instrument/model.js';
import type { CountCell, ResultCell, ResultsDocument, ResultsTable, TableTest } from '../results-document.js';
import { countedZeros, pinningRows, recodeTerms, splitCells, structuralZero, tallyEquations, tallyParts, type PinSource, type SplitSource, type StructuralZero, type TallyPatterns } from './linked-variables.js';
import { nestingLinks, type Child, type PublishedPattern } from './published-pattern.js';
import { DEFAULT_K } from './small-count.js';
import { suppressVariable, type CellFlags, type VariableCounts } from './suppress-variable.js';
import { unionCells, type UnionCellsOf, type UnionPart } from './union-columns.js';

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
  /** Derived "or" flags (DERIVED_UNIONS_2019): flag − part counts units no table shows. */
  readonly unions?: Readonly<Record<string, Union>>;
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
  /** A variable's unweighted cell in a column (by, group). */
  const countCells = (variable: string) => {
    const byGrouping = new Map((variables.get(variable) ?? []).map((table) => [table.by, countsOf(table, countTables)]));
    return (by: string, group: string, value: string) => byGrouping.get(by)?.get(group)?.get(value) ?? 0;
  };
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
      const union = options.unions?.[variable];
      const cellsOf = (cells: readonly TallyPart[]) => unionPartsOf(cells, (part) => patternOf(part, within), countCells);
      const unionParts = union && cellsOf(union.parts);
      const unionNone = union?.none && cellsOf([union.none])?.[0];
      const unionDeeper = union && cellsOf(deeperParts(union, options.unions ?? {}));
      const splits = Object.entries(options.tallies ?? {}).flatMap(([count, tally]): SplitSource[] => {
        const p = tally.parts.findIndex((part) => part.variable === variable);
        if (p === -1 || !variables.has(count)) return [];
        const countValues = possibleValues(count, variables, countTables);
        const countZero = zeros(count);
        const countRecodes = [...recodes].filter(([, recode]) => recode.variable === count);
        const last = p === tally.parts.length - 1;
        const others = last && countRecodes.length > 0 ? tallyParts({ parts: tally.parts.slice(0, p) }, (part) => patternOf(part, within)).parts : [];
        const relief = last ? countRecodes.map(([derived, recode]) => ({ pins: { recode, countValues, countZero, parts: others }, values: valuesOf(variables.get(derived)!) })) : [];
        const values = countRecodes.map(([, recode]) => recode.values);
        return [{ value: tally.parts[p]!.value, first: p === 0, countValues, countZero, countOf: countCells(count), recodes: values, relief }];
      });
      pattern = variablePattern(tables, countTables, filters, k, {
        ...(parts ? { tally: parts } : {}),
        ...(splits.length > 0 ? { splits } : {}),
        ...(union && unionParts ? { union: { union, cells: { parts: unionParts, deeper: unionDeeper ?? [], ...(unionNone ? { none: unionNone } : {}) } } } : {}),
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

interface Filter {
  readonly filter: PublishedPattern;
  readonly values: readonly string[];
}

function variablePattern(
  tables: readonly ResultsTable[],
  countTables: ReadonlyMap<string, ResultsTable>,
  filters: readonly Filter[],
  k: number,
  linked: {
    readonly tally?: TallyPatterns;
    readonly union?: { readonly union: Union; readonly cells: UnionCellsOf };
    readonly children: readonly Child[];
    readonly zero: StructuralZero;
    readonly pins?: PinSource;
    readonly splits?: readonly SplitSource[];
  },
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
  // The grouping tables were added to `layout` in the order of their indices.
  const groupings = [...layout].filter(([, { index }]) => index !== 'all');
  // A part's cell that its count makes 0 is taken as known only where it is 0: with partial answers the
  // count's equation is not exact.
  const counted = linked.splits && countedZeros(linked.splits, values, layout);
  const countedZero = (v: number, index: number | 'all', g: number) =>
    counted !== undefined && (index === 'all' ? counted.all[v]! && all![v] === 0 : counted.tables[index]![v]![g]! && matrices[index]![v]![g] === 0);
  const zero = (by: string, group: string, value: string, v: number, index: number | 'all', g: number) => linked.zero(by, group, value) || countedZero(v, index, g);
  const structuralZeros = {
    all: values.map((value, v) => zero('all', 'all', value, v, 'all', 0)),
    tables: groupings.map(([by, { groups, index }]) => values.map((value, v) => groups.map((group, g) => zero(by, group, value, v, index, g)))),
  };
  const pins = linked.pins && pinningRows(linked.pins, values, layout);
  // The union rule reads the variable's own counts table by table, the all table first.
  const allTable = layout.has('all') ? [{ by: 'all', groups: ['all'], counts: values.map((_, v) => [all![v]!]) }] : [];
  const own = { values, tables: [...allTable, ...groupings.map(([by, { groups, index }]) => ({ by, groups, counts: matrices[index as number]! }))] };
  const union = linked.union && unionCells(linked.union.union, linked.union.cells, own, k);
  const split = linked.splits && splitCells(linked.splits, values, layout, k);
  const forced = union && split ? eitherCell(union.forced, split) : (union?.forced ?? split);
  const counts: VariableCounts = {
    all,
    tables: matrices,
    withheld: { all: withheldAll, tables: withheldTables },
    linked: { ...(tally ? { tally } : {}), recodes },
    structuralZeros,
    ...(pins ? { pins } : {}),
    ...(forced ? { forced } : {}),
    ...(union ? { known: union.known } : {}),
  };
  return { values, tables: layout, suppression: suppressVariable(counts, k, nestingLinks(layout)), children: linked.children };
}

/** The parts of the union's parts that are "or" flags themselves, and theirs (not the direct parts). */
function deeperParts(union: Union, unions: Readonly<Record<string, Union>>, seen: ReadonlySet<string> = new Set()): TallyPart[] {
  return union.parts.flatMap((part) => {
    const inner = unions[part.variable];
    if (!inner || inner.value !== part.value || seen.has(part.variable)) return [];
    return [...inner.parts, ...deeperParts(inner, unions, new Set([...seen, part.variable]))];
  });
}

/** Cells of other variables with their patterns and counts; undefined when one is not a published variable. */
function unionPartsOf(
  cells: readonly TallyPart[],
  patternOf: (variable: string) => PublishedPattern | undefined,
  countCells: (variable: string) => (by: string, group: string, value: string) => number,
): UnionPart[] | undefined {
  const parts: UnionPart[] = [];
  for (const { variable, value } of cells) {
    const pattern = patternOf(variable);
    if (!pattern) return undefined;
    const countOf = countCells(variable);
    parts.push({ pattern, value, count: (by, group) => countOf(by, group, value) });
  }
  return parts;
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

/** The values of `variable` that some unit has (a row whose all-table count is 0 is public: 0 everywhere). */
function possibleValues(variable: string, variables: ReadonlyMap<string, readonly ResultsTable[]>, countTables: ReadonlyMap<string, ResultsTable>): string[] {
  const tables = variables.get(variable) ?? [];
  const all = tables.find((table) => table.by === 'all');
  const n = all ? countsOf(all, countTables).get('all') : undefined;
  return valuesOf(tables).filter((value) => !n || (n.get(value) ?? 0) > 0);
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

/** Cells flagged in either. */
function eitherCell(a: CellFlags, b: CellFlags): CellFlags {
  return { all: a.all.map((on, v) => on || b.all[v]!), tables: a.tables.map((table, t) => table.map((row, v) => row.map((on, g) => on || (b.tables[t]?.[v]?.[g] ?? false)))) };
}
