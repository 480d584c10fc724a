// statistics.md "Disclosure control" for one value × group table (docs/disclosure.md has the full rule).
// Published with the table: each group's base (column sums) unless it is withheld, the joint sum of the
// withheld bases, the "all" table's count per value (row sums, treated as exact even where the grouping has
// missing values: that only errs on the safe side) and the all table's base (their sum). The table is
// protected when no suppressed cell is a bridge of the graph of suppressed cells (find-bridges.ts), which
// implies that no row or column holds exactly one of them. Non-negativity adds one more attack: a line
// whose published sum leaves 0 for its suppressed cells reveals every one of them (docs/disclosure.md).
import { cheapest, countCost } from './cheapest.js';
import { cheapestCycle } from './cheapest-cycle.js';
import { findBridges, type Cell } from './find-bridges.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';

/** Costs of complementary cells: the smallest non-zero cells first, then zeros (countCost), then "all" cells. */
const MARGIN_COST = 1e9;

export interface TableCounts {
  /** Unweighted counts: one row per value of the domain, one column per group with base > 0 or withheld. */
  readonly counts: readonly (readonly number[])[];
  /** The all table's count per value; default the row sums (a grouping without missing values). */
  readonly margin?: readonly number[];
  /** All-table cells already suppressed (small themselves, or needed by another grouping). */
  readonly marginSuppressed?: readonly boolean[];
  /** Groups whose bases must be withheld whatever their size (a suppressed count of a filter question). */
  readonly withheld?: readonly boolean[];
  /** Cells to suppress whatever their size (needed by a table this one is linked to). */
  readonly forced?: readonly (readonly boolean[])[];
  /**
   * Cells whose count another variable publishes (a count's 0 = its question's "keine", a value a recode
   * keeps alone), with the all table's in the last column: hiding them protects nothing, so they are never
   * complements.
   */
  readonly published?: readonly (readonly boolean[])[];
}

export interface TableSuppression {
  /** Suppressed cells, same shape as the counts; withheld groups are suppressed whole on publication. */
  readonly cells: readonly (readonly boolean[])[];
  /** `marginSuppressed` plus the all-table cells this table needed as complements. */
  readonly margin: readonly boolean[];
  /** Groups whose bases are not published: 0 < base < k, `withheld`, and complements (never exactly one). */
  readonly withheld: readonly boolean[];
  /** True when a suppressed cell is still recomputable (no cycle exists, e.g. a single value). */
  readonly exposed: boolean;
}

/**
 * Primary suppression (0 < n < k, and every cell of a group whose base is withheld) and complementary
 * suppression, so that no suppressed cell can be recomputed from the published margins. The weighted
 * numbers of a cell play no part: the pattern follows the unweighted counts and is applied to the weighted
 * cells as well, which obey the same sums.
 *
 * @example suppressTable({ counts: [[3, 40], [20, 30]] }) // every cell: 3 has a partner in its row and column
 */
export function suppressTable(table: TableCounts, k: number = DEFAULT_K): TableSuppression {
  const { counts } = table;
  const rows = counts.length;
  const groups = counts[0]?.length ?? 0;
  const margin = table.margin ?? counts.map((row) => row.reduce((sum, n) => sum + n, 0));
  const withheld = withheldGroups(counts, table.withheld, k);
  // A row whose published all-table count is 0 is public knowledge: all its cells are 0. Hiding one
  // protects nothing, and as a complement it would protect nothing either.
  const known = counts.map((_, r) => margin[r] === 0 && !table.marginSuppressed?.[r]);
  // Column `groups` of the grid is the all table (the margin column).
  const primary = (n: number, r: number, g: number): boolean => !known[r] && (isSmallCount(n, k) || withheld[g]! || (table.forced?.[r]?.[g] ?? false));
  const grid = counts.map((row, r) => [...row.map((n, g) => primary(n, r, g)), table.marginSuppressed?.[r] ?? false]);
  const first = withheld.indexOf(true);
  const vertexOf = [...withheld.map((on, g) => (on ? first : g)), groups];
  const value = (row: number, column: number): number => (column === groups ? margin[row]! : counts[row]![column]!);
  const cellCost = (row: number, column: number): number => {
    if (grid[row]![column]) return 0;
    if (known[row] || table.published?.[row]?.[column]) return Infinity;
    if (column === groups) return MARGIN_COST + margin[row]!;
    return countCost(counts[row]![column]!);
  };
  // On the graph, the withheld groups are one vertex (the first of them); their cells are all suppressed.
  const cost = (row: number, vertex: number): number => (vertex < groups && withheld[vertex] ? (vertex === first ? cellCost(row, vertex) : Infinity) : cellCost(row, vertex));
  const unprotectable = new Set<string>();
  for (;;) {
    const bridge = findBridges(grid, vertexOf).find((cell) => !unprotectable.has(String(cell)));
    if (bridge) {
      const added = cheapestCycle(rows, groups + 1, [bridge[0], vertexOf[bridge[1]]!], cost);
      if (!added) unprotectable.add(String(bridge));
      else for (const [row, column] of added) grid[row]![column] = true;
      continue;
    }
    const partner = nonZeroPartner(grid, withheld, value, cellCost);
    if (!partner) break;
    grid[partner[0]]![partner[1]] = true;
  }
  return { cells: grid.map((row) => row.slice(0, groups)), margin: grid.map((row) => row[groups]!), withheld, exposed: unprotectable.size > 0 };
}

/**
 * 0 < base < k, and `forced`; then, while they are a single group or their bases sum to 0 (published as
 * the sum of all withheld bases), the group with the smallest non-zero base joins them.
 */
function withheldGroups(counts: readonly (readonly number[])[], forced: readonly boolean[] | undefined, k: number): boolean[] {
  const bases = (counts[0] ?? []).map((_, g) => counts.reduce((sum, row) => sum + row[g]!, 0));
  const out = bases.map((base, g) => isSmallCount(base, k) || (forced?.[g] ?? false));
  const sum = (): number => bases.reduce((total, base, g) => total + (out[g] ? base : 0), 0);
  while (out.some(Boolean) && (out.filter(Boolean).length < 2 || sum() === 0)) {
    const rank = (g: number): number => (bases[g] === 0 ? Infinity : bases[g]!);
    const next = cheapest([...bases.keys()].filter((g) => !out[g]), rank);
    if (next === undefined) break;
    out[next] = true;
  }
  return out;
}

/**
 * The cheapest unsuppressed non-zero cell of the first line whose published sum, less its published cells,
 * leaves 0 for its suppressed cells (n ≥ 0 then reveals every one of them): rows with a published all-table
 * cell, every group column with a published base and the all-table column (the variable's base).
 */
function nonZeroPartner(
  grid: readonly (readonly boolean[])[],
  withheld: readonly boolean[],
  value: (row: number, column: number) => number,
  cost: (row: number, column: number) => number,
): Cell | undefined {
  const groups = withheld.length;
  const partnerIn = (line: readonly Cell[], sum: number): Cell | undefined => {
    let left = sum;
    let hidden = false;
    let best: Cell | undefined;
    for (const [r, c] of line) {
      const n = value(r, c);
      if (grid[r]![c]) hidden = true;
      else {
        left -= n;
        if (n > 0 && cost(r, c) < Infinity && (!best || cost(r, c) < cost(best[0], best[1]))) best = [r, c];
      }
    }
    return hidden && left === 0 ? best : undefined;
  };
  for (let row = 0; row < grid.length; row++) {
    if (grid[row]![groups] || !grid[row]!.some(Boolean)) continue;
    const found = partnerIn([...Array(groups).keys()].map((c): Cell => [row, c]), value(row, groups));
    if (found) return found;
  }
  for (let column = 0; column <= groups; column++) {
    if (withheld[column] || !grid.some((line) => line[column])) continue;
    const line = grid.map((_, r): Cell => [r, column]);
    const found = partnerIn(line, line.reduce((sum, [r, c]) => sum + value(r, c), 0));
    if (found) return found;
  }
  return undefined;
}
