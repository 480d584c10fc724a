// What an attacker knows of a public results document, as linear equations in its suppressed cells:
// every published sum of every variable (group bases, the joint sum of withheld bases, row sums against
// the `all` table), per column of a count Σ value · n(value) = the parts' cells and n(0) = "keine", each
// recode cell = the cells it merges. Cells the attacker knows although they are suppressed (a row whose
// all-table count is published as 0, a count's 0 beside a published "keine" cell, a value a recode keeps
// alone beside its published recode cell, structural zeros) are not unknowns. Written from scratch,
// independently of the suppression code it checks.
import type { Recode } from '../../src/instrument/derived-recodes-2019.js';
import type { Tally } from '../../src/instrument/derived-tallies-2019.js';
import type { PublicResultsDocument } from '../../src/analysis/disclosure/suppress-results.js';

export interface Relations {
  readonly tallies?: Readonly<Record<string, Tally>>;
  readonly recodes?: Readonly<Record<string, Recode>>;
}

export interface PublishedEquations {
  /** Unknown cells, as cellKey(variable, by, group, value). */
  readonly unknowns: readonly string[];
  /** Homogeneous rows: Σ coefficient · unknown = (a number the published cells fix). Sparse: index → coefficient. */
  readonly rows: readonly ReadonlyMap<number, number>[];
}

export const cellKey = (variable: string, by: string, group: string, value: string) => `${variable}|${by}|${group}|${value}`;

export function publishedEquations(pub: PublicResultsDocument, { tallies = {}, recodes = {} }: Relations): PublishedEquations {
  const hidden = new Set(pub.tables.flatMap((table) => table.cells.flatMap((cell) => ('suppressed' in cell ? [cellKey(table.variable, table.by, cell.by, cell.value)] : []))));
  const valuesOf = (variable: string) => [...new Set(pub.tables.filter((t) => t.variable === variable).flatMap((t) => t.cells.map((c) => c.value)))];
  const lineage = (name: string): string[] => (recodes[name] ? [name, ...lineage(recodes[name].variable)] : [name]);
  const down = (name: string, root: string, value: string): string => (name === root ? value : recodes[name]!.values[down(recodes[name]!.variable, root, value)]!);
  const isPublic = (name: string) => {
    const [variable, by, group, value] = name.split('|') as [string, string, string, string];
    const zeroRow = (name: string, row: string) => {
      const all = pub.tables.find((t) => t.variable === name && t.by === 'all')?.cells.find((c) => c.value === row);
      return all !== undefined && !('suppressed' in all) && all.n === 0;
    };
    if (zeroRow(variable, value)) return true;
    const none = tallies[variable]?.none;
    if (none && value === '0' && !hidden.has(cellKey(none.variable, by, group, none.value))) return true;
    for (const [derived, recode] of Object.entries(recodes)) {
      const alone = recode.variable === variable && Object.keys(recode.values).filter((v) => recode.values[v] === recode.values[value]).length === 1;
      if (alone && (!hidden.has(cellKey(derived, by, group, recode.values[value]!)) || zeroRow(derived, recode.values[value]!))) return true;
    }
    const root = lineage(by).find((name) => lineage(variable).includes(name));
    return root !== undefined && !valuesOf(root).some((source) => down(variable, root, source) === value && down(by, root, source) === group);
  };
  const index = new Map<string, number>();
  for (const name of hidden) if (!isPublic(name)) index.set(name, index.size);
  const rows: Map<number, number>[] = [];
  const equation = (terms: readonly [string, number][]) => {
    const row = new Map<number, number>();
    for (const [name, coefficient] of terms) {
      const at = index.get(name);
      if (at !== undefined) row.set(at, (row.get(at) ?? 0) + coefficient);
    }
    for (const [at, coefficient] of row) if (coefficient === 0) row.delete(at);
    if (row.size > 0) rows.push(row);
  };
  const columns = (variable: string) => pub.tables.filter((t) => t.variable === variable).flatMap((t) => [...new Set(t.cells.map((c) => c.by))].map((group) => [t.by, group] as const));
  for (const table of pub.tables) {
    const groups = [...new Set(table.cells.map((cell) => cell.by))];
    const values = valuesOf(table.variable);
    const withheld = groups.filter((group) => table.cells.some((cell) => cell.by === group && 'suppressed' in cell && cell.base === undefined));
    for (const group of groups.filter((g) => !withheld.includes(g))) equation(values.map((value) => [cellKey(table.variable, table.by, group, value), 1]));
    equation(withheld.flatMap((group) => values.map((value): [string, number] => [cellKey(table.variable, table.by, group, value), 1])));
    if (table.by !== 'all') for (const value of values) equation([...groups.map((group): [string, number] => [cellKey(table.variable, table.by, group, value), 1]), [cellKey(table.variable, 'all', 'all', value), -1]]);
  }
  for (const [count, tally] of Object.entries(tallies)) {
    for (const [by, group] of columns(count)) {
      equation([...valuesOf(count).map((value): [string, number] => [cellKey(count, by, group, value), Number(value)]), ...tally.parts.map((part): [string, number] => [cellKey(part.variable, by, group, part.value), -1])]);
      if (tally.none) equation([[cellKey(count, by, group, '0'), 1], [cellKey(tally.none.variable, by, group, tally.none.value), -1]]);
    }
  }
  for (const [derived, recode] of Object.entries(recodes)) {
    for (const [by, group] of columns(derived)) {
      for (const value of valuesOf(derived)) {
        const merged = Object.keys(recode.values).filter((source) => recode.values[source] === value);
        equation([[cellKey(derived, by, group, value), 1], ...merged.map((source): [string, number] => [cellKey(recode.variable, by, group, source), -1])]);
      }
    }
  }
  return { unknowns: [...index.keys()], rows };
}

/** Unknowns the equations fix (Gauss–Jordan on the homogeneous system). */
export function recovered(pub: PublicResultsDocument, relations: Relations): string[] {
  const { unknowns, rows } = publishedEquations(pub, relations);
  const equations = rows.map((row) => {
    const dense = new Array<number>(unknowns.length).fill(0);
    for (const [at, coefficient] of row) dense[at] = coefficient;
    return dense;
  });
  const pivots: number[] = [];
  for (let column = 0, rank = 0; column < unknowns.length && rank < equations.length; column++) {
    const best = equations.slice(rank).reduce((b, row, i) => (Math.abs(row[column]!) > Math.abs(equations[b]![column]!) ? rank + i : b), rank);
    if (Math.abs(equations[best]![column]!) < 1e-9) continue;
    [equations[rank], equations[best]] = [equations[best]!, equations[rank]!];
    const pivot = equations[rank]!.map((x) => x / equations[rank]![column]!);
    equations[rank] = pivot;
    equations.forEach((row, r) => r !== rank && row[column] !== 0 && (equations[r] = row.map((x, c) => x - row[column]! * pivot[c]!)));
    pivots.push(column);
    rank++;
  }
  return pivots.filter((column, r) => equations[r]!.every((x, c) => c === column || pivots.includes(c) || Math.abs(x) < 1e-9)).map((column) => unknowns[column]!);
}
