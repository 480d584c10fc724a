// What suppressResults hands suppressVariable about variables linked to one: a count's parts, its
// recodes (and theirs), the structural zeros of a recode used as grouping, and what a recode of a count
// must not pin (docs/disclosure.md).
import type { Recode } from '../../instrument/derived-recodes-2019.js';
import type { Tally, TallyPart } from '../../instrument/derived-tallies-2019.js';
import { linkedIn, type Child, type Layout, type PublishedPattern } from './published-pattern.js';
import { linkedState, type RecodeTerm, type TallyEquations, type TallyTerm } from './recoverable-cells.js';
import { isSmallCount } from './small-count.js';
import type { CellFlags, VariableCounts } from './suppress-variable.js';

/** The published patterns of a tally's parts (and of its "keine" cell). */
export interface TallyPatterns {
  readonly parts: readonly { readonly pattern: PublishedPattern | undefined; readonly value: string }[];
  readonly none?: { readonly pattern: PublishedPattern | undefined; readonly value: string };
}

export function tallyParts(tally: Tally, patternOf: (variable: string) => PublishedPattern | undefined): TallyPatterns {
  const of = (part: TallyPart) => ({ pattern: patternOf(part.variable), value: part.value });
  return { parts: tally.parts.map(of), ...(tally.none ? { none: of(tally.none) } : {}) };
}

/** Undefined when a value is not a count (0, 1, …) or a part is not published: then the count stands alone. */
export function tallyEquations(tally: TallyPatterns, values: readonly string[], layout: Layout): TallyEquations | undefined {
  if (!values.every((value) => /^(0|[1-9]\d*)$/.test(value))) return undefined;
  const term = (part: TallyPatterns['parts'][number]) => tallyTerm(part, layout);
  const parts = tally.parts.map(term);
  if (parts.some((part) => part === undefined)) return undefined;
  const none = tally.none && term(tally.none);
  const zeroRow = values.indexOf('0');
  return { weights: values.map(Number), parts: parts as TallyTerm[], ...(none && zeroRow !== -1 ? { none: { ...none, zeroRow } } : {}) };
}

/** A part's cell located by the columns of `layout`; undefined when the part is not published. */
function tallyTerm({ pattern, value }: TallyPatterns['parts'][number], layout: Layout): TallyTerm | undefined {
  const row = pattern?.values.indexOf(value) ?? -1;
  return pattern && row !== -1 ? { ...linkedIn(layout, pattern), row } : undefined;
}

/** Whether a cell (value in a group of grouping `by`) is 0 whatever the data. */
export type StructuralZero = (by: string, group: string, value: string) => boolean;

/** A recode of a count: the recode, the count's values and structural zeros, and the count's parts. */
export interface PinSource {
  readonly recode: Recode;
  readonly countValues: readonly string[];
  readonly countZero: StructuralZero;
  readonly parts: TallyPatterns['parts'];
}

/**
 * VariableCounts `pins` of a recode of a count, column by column: the recode's rows of which one must be
 * hidden there. Where exactly one part hides a cell, the recode must not show every value > 0 alone (Σ value
 * · n less the published parts would give that part). Where two or more hide, it gives their sum only, and
 * the count's exact check (its parts' tables and this recode) decides. (Where every part is published,
 * splitCells hid a part where a row would split.)
 */
export function pinningRows({ recode, countValues, countZero, parts }: PinSource, values: readonly string[], layout: Layout): VariableCounts['pins'] {
  const located = parts.flatMap((part) => tallyTerm(part, layout) ?? []);
  const column = (by: string, group: string, table: number | 'all', g: number): number[] | undefined => {
    if (located.filter((part) => linkedState(part, part.row, table, g) === 'suppressed').length !== 1) return undefined;
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
export function structuralZero(variable: string, recodes: ReadonlyMap<string, Recode>, valuesOf: (variable: string) => readonly string[]): StructuralZero {
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
export function recodeTerms(children: readonly Child[], values: readonly string[], layout: Layout): RecodeTerm[] {
  const out: RecodeTerm[] = [];
  const add = ({ pattern, recode }: Child, parent: 'own' | number, parentValues: readonly string[]) => {
    out.push({ ...linkedIn(layout, pattern), parent, merged: parentValues.map((value) => pattern.values.indexOf(recode.values[value]!)) });
    const index = out.length - 1;
    for (const child of pattern.children) add(child, index, pattern.values);
  };
  for (const child of children) add(child, 'own', values);
  return out;
}

/** A count of which this variable is a part: what splitCells and countedZeros need of it. */
export interface SplitSource {
  /** The part's value that the count counts. */
  readonly value: string;
  /** Whether this variable is the count's first part (the one splitCells hides). */
  readonly first: boolean;
  /** The count's values that some unit has. */
  readonly countValues: readonly string[];
  readonly countZero: StructuralZero;
  /** The count's unweighted cell in a column (by, group). */
  readonly countOf: (by: string, group: string, value: string) => number;
  /** The count's recodes (egov_band): value of the count → value of the recode. */
  readonly recodes: readonly Readonly<Record<string, string>>[];
  /**
   * For the count's last part: its recodes as pinningRows sees them, with the other parts. Where exactly
   * one of those hides, the recode would pin a row (community_band "1" in vg_community "false", which is
   * its all-table cell); this part hides there instead, and the count's exact check decides.
   */
  readonly relief?: readonly { readonly pins: PinSource; readonly values: readonly string[] }[];
}

/**
 * Cells of a count's part to suppress whatever their count. The first part's: where every part is published,
 * Σ value · n = the parts' cells is public; a column where the count's possible values are two
 * (vg_community "true" with only two parts: 2 or 3) gives both with the group's base, one where a recode
 * merges all but single values into one row of two values (community_band "2+" = 2 or 3) with that row.
 * Where one of the two is small, the part's cell there hides, so that Σ is unknown. The last part's: see
 * SplitSource `relief`. Undefined when there is none.
 */
export function splitCells(sources: readonly SplitSource[], values: readonly string[], layout: Layout, k: number): CellFlags | undefined {
  let any = false;
  const flag = (by: string, group: string, value: string): boolean =>
    sources.some((source) => {
      if (!source.first || source.value !== value) return false;
      const possible = source.countValues.filter((candidate) => !source.countZero(by, group, candidate));
      const rowsOf = (recode: Readonly<Record<string, string>>) => {
        const rows = new Map<string | undefined, string[]>();
        for (const candidate of possible) rows.set(recode[candidate], [...(rows.get(recode[candidate]) ?? []), candidate]);
        return [...rows.values()];
      };
      const partitions = [[possible], ...source.recodes.map(rowsOf)];
      return partitions.some((rows) => {
        const merged = rows.filter((row) => row.length > 1);
        return merged.length === 1 && merged[0]!.length === 2 && merged[0]!.some((candidate) => isSmallCount(source.countOf(by, group, candidate), k));
      });
    });
  const relieved = sources.flatMap((source) => (source.relief ?? []).map((relief) => ({ value: source.value, pins: pinningRows(relief.pins, relief.values, layout) })));
  const pinned = (by: string, group: string, value: string): boolean => {
    const at = layout.get(by)!.index;
    const g = at === 'all' ? 0 : layout.get(by)!.groups.indexOf(group);
    return relieved.some(({ value: own, pins }) => own === value && (at === 'all' ? pins?.all : pins?.tables[at]?.[g]) !== undefined);
  };
  const cells = cellFlags(values, layout, (by, group, value) => {
    const hit = flag(by, group, value) || pinned(by, group, value);
    any ||= hit;
    return hit;
  });
  return any ? cells : undefined;
}

/**
 * The part's counted cells that the count makes 0: where a grouping leaves the count only the value 0
 * (vg_community "false" when no unit has the count 1), Σ value · n = 0 there, so every part's is (exactly
 * only where no unit answered a part's question but not another's).
 */
export function countedZeros(sources: readonly SplitSource[], values: readonly string[], layout: Layout): CellFlags {
  return cellFlags(values, layout, (by, group, value) =>
    sources.some((source) => source.value === value && source.countValues.every((candidate) => candidate === '0' || source.countZero(by, group, candidate))),
  );
}

function cellFlags(values: readonly string[], layout: Layout, flag: (by: string, group: string, value: string) => boolean): CellFlags {
  const tables: boolean[][][] = [];
  let all = values.map(() => false);
  for (const [by, { groups, index }] of layout) {
    if (index === 'all') all = values.map((value) => flag('all', 'all', value));
    else tables[index] = values.map((value) => groups.map((group) => flag(by, group, value)));
  }
  return { all, tables };
}
