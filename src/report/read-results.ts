// Reading shares, means and test p-values out of a results document (analysts' or public). Every number
// of the report comes through here, so every number is a sum (or difference) of published cells of one
// variable's tables, or the cell of a recode that merges exactly the values asked for.
import type { PublicResultsDocument, PublicTable } from '../analysis/disclosure/suppress-results.js';
import type { CountCell, ResultCell, ResultsDocument, ResultsTable } from '../analysis/results-document.js';
import { DERIVED_RECODES_2019 } from '../instrument/derived-recodes-2019.js';

export type AnyResults = ResultsDocument | PublicResultsDocument;
type AnyTable = ResultsTable | PublicTable;

/** A share with its counts; absent where a cell is suppressed or the base is empty. */
export interface Share {
  readonly n: number;
  readonly base: number;
  readonly share: number;
}

export interface ShareQuery {
  readonly variable: string;
  /** Values counted (e.g. ['vorhanden'] or ['1', '2']). */
  readonly values: readonly string[];
  /** Grouping (`"all"` by default). */
  readonly by?: string;
  /** Groups of `by` that form the base (`["hat", "entwickelt"]`); default: `["all"]`. */
  readonly groups?: readonly string[];
}

export function findTable(results: AnyResults, variable: string, by = 'all'): AnyTable | undefined {
  const found = results.tables.find((table) => table.variable === variable && table.by === by);
  if (!found) noteNotAsked(results);
  return found;
}

// A questionnaire version may lack some of 2019's questions, derived variables or options (issue 9). A
// report part read through a probe tells whether it looked for one: then it is left out, not shown as
// "too few answers".
const probes = new WeakMap<AnyResults, { notAsked: boolean }>();

/** Whether `read` looks for a variable, grouping or value the results do not have (not in the questionnaire). */
export function readsNotAsked(results: AnyResults, read: (results: AnyResults) => unknown): boolean {
  const probe: AnyResults = { ...results };
  const state = { notAsked: false };
  probes.set(probe, state);
  read(probe);
  return state.notAsked;
}

function noteNotAsked(results: AnyResults): void {
  const state = probes.get(results);
  if (state) state.notAsked = true;
}

/** Σ n over the chosen values and groups / Σ base over the groups; undefined if missing or suppressed. */
export function shareOf(results: AnyResults, query: ShareQuery): Share | undefined {
  const table = findTable(results, query.variable, query.by ?? 'all');
  if (!table) return undefined;
  // A value outside the domain (an option merged away in a later version) is not asked, not 0 %.
  if (table.cells.length > 0 && !query.values.every((value) => table.cells.some((cell) => cell.value === value))) {
    noteNotAsked(results);
    return undefined;
  }
  const groups = query.groups ?? ['all'];
  let n = 0;
  let base = 0;
  for (const group of groups) {
    const cells = table.cells.filter((cell) => cell.by === group);
    if (cells.length === 0) continue;
    if (cells.some((cell) => !isCount(cell))) return complementShare(results, table, query.values, groups) ?? recodedShare(results, query);
    base += (cells[0] as CountCell).base;
    n += (cells as CountCell[]).filter((cell) => query.values.includes(cell.value)).reduce((sum, cell) => sum + cell.n, 0);
  }
  return base > 0 ? { n, base, share: n / base } : undefined;
}

/**
 * A share over several groups whose cells are partly suppressed can still be public: the all table less the
 * other groups (gk1 + gk2 + gk3 = all − gk4 … lk3). Only where every group's base is published and the bases
 * add up to the all table's, i.e. no respondent lacks a group; otherwise undefined.
 */
function complementShare(results: AnyResults, table: AnyTable, values: readonly string[], groups: readonly string[]): Share | undefined {
  const all = results.tables.find((candidate) => candidate.variable === table.variable && candidate.by === 'all');
  const counted = all?.cells.filter((cell) => values.includes(cell.value)) ?? [];
  if (!all || counted.length !== values.length || !counted.every(isCount) || all.cells[0]?.base === undefined) return undefined;
  const bases = new Map<string, number | undefined>();
  for (const cell of table.cells) if (!bases.has(cell.by)) bases.set(cell.by, cell.base);
  if ([...bases.values()].some((base) => base === undefined)) return undefined;
  const sum = (items: readonly number[]) => items.reduce((total, item) => total + item, 0);
  const allBase = all.cells[0].base;
  if (Math.abs(sum([...bases.values()] as number[]) - allBase) > 1e-9 * allBase) return undefined;
  const others = table.cells.filter((cell) => !groups.includes(cell.by) && values.includes(cell.value));
  if (!others.every(isCount)) return undefined;
  const n = sum(counted.map((cell) => cell.n)) - sum(others.map((cell) => cell.n));
  const base = sum(groups.map((group) => bases.get(group) ?? 0));
  return base > 0 ? { n, base, share: n / base } : undefined;
}

/**
 * A share whose cells are suppressed can be public in a recode: egov_count 1 and 2 are egov_band "1-2", and
 * 0, 1 and 2 are vg_egov "false". Only where the recode merges exactly the values asked for into its own.
 */
function recodedShare(results: AnyResults, query: ShareQuery): Share | undefined {
  for (const [derived, recode] of Object.entries(DERIVED_RECODES_2019)) {
    if (recode.variable !== query.variable || !results.tables.some((table) => table.variable === derived && table.by === (query.by ?? 'all'))) continue;
    const targets = [...new Set(query.values.map((value) => recode.values[value]))];
    if (targets.some((target) => target === undefined)) continue;
    const merged = Object.keys(recode.values).filter((value) => targets.includes(recode.values[value]));
    if (merged.length === query.values.length && merged.every((value) => query.values.includes(value))) {
      const found = shareOf(results, { ...query, variable: derived, values: targets as string[] });
      if (found) return found;
    }
  }
  return undefined;
}

/** The mean of a numeric-coded variable in one group (e.g. data_use_count among vg_strategy = hat). */
export function meanOf(results: AnyResults, variable: string, by: string, group: string): number | undefined {
  const table = findTable(results, variable, by);
  const cells = table?.cells.filter((cell) => cell.by === group) ?? [];
  if (cells.length === 0 || cells.some((cell) => !isCount(cell))) return undefined;
  const counts = cells as CountCell[];
  return counts.reduce((sum, cell) => sum + Number(cell.value) * cell.n, 0) / counts[0]!.base;
}

/** The p-value of the independence test of `variable` × `by`; undefined when there is none or it is withheld. */
export function pValueOf(results: AnyResults, variable: string, by: string): number | undefined {
  const test = findTable(results, variable, by)?.test;
  if (!test || !('p' in test)) return undefined;
  return test.p;
}

/** Groups of a table with their base; undefined where a public document withholds it. */
export function groupBases(results: AnyResults, variable: string, by: string): { group: string; base: number | undefined }[] {
  const table = findTable(results, variable, by);
  const seen = new Map<string, number | undefined>();
  for (const cell of table?.cells ?? []) if (!seen.has(cell.by)) seen.set(cell.by, cell.base);
  return [...seen].map(([group, base]) => ({ group, base }));
}

function isCount(cell: ResultCell): cell is CountCell {
  return !('suppressed' in cell);
}
