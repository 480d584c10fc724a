// statistics.md "Disclosure control" for one value × group table (docs/disclosure.md has the full rule).
// Published with the table: each group's base (column sums), the "all" table's count per value (row sums,
// treated as exact even where the grouping has missing values: that only errs on the safe side) and the
// all table's base (their sum). The table is protected when no suppressed cell is a bridge of the graph of
// suppressed cells (find-bridges.ts), which implies that no row or column holds exactly one of them.
import { cheapestCycle } from './cheapest-cycle.js';
import { findBridges } from './find-bridges.js';
import { DEFAULT_K, isSmallCount } from './small-count.js';

/** Costs of complementary cells: the smallest non-zero cells first, then zeros, then "all" cells. */
const ZERO_COST = 1e6;
const MARGIN_COST = 1e9;

export interface TableCounts {
  /** Unweighted counts: one row per value of the domain, one column per group with base > 0. */
  readonly counts: readonly (readonly number[])[];
  /** The all table's count per value; default the row sums (a grouping without missing values). */
  readonly margin?: readonly number[];
  /** All-table cells already suppressed (small themselves, or needed by another grouping). */
  readonly marginSuppressed?: readonly boolean[];
}

export interface TableSuppression {
  /** Suppressed cells, same shape as the counts. */
  readonly cells: readonly (readonly boolean[])[];
  /** `marginSuppressed` plus the all-table cells this table needed as complements. */
  readonly margin: readonly boolean[];
}

/**
 * Primary suppression (0 < n < k, and every cell of a group whose base is 0 < base < k) and
 * complementary suppression, so that no suppressed cell can be recomputed from the published margins.
 * The weighted numbers of a cell play no part: the pattern follows the unweighted counts and is applied
 * to the weighted cells as well, which obey the same sums.
 *
 * @example suppressTable({ counts: [[3, 40], [20, 30]] }) // every cell: 3 has a partner in its row and column
 */
export function suppressTable(table: TableCounts, k: number = DEFAULT_K): TableSuppression {
  const { counts } = table;
  const rows = counts.length;
  const groups = counts[0]?.length ?? 0;
  const margin = table.margin ?? counts.map((row) => row.reduce((sum, n) => sum + n, 0));
  // Column `groups` of the grid is the all table (the margin column).
  const grid = counts.map((row, r) => [...primaryCells(counts, r, k), table.marginSuppressed?.[r] ?? false]);
  const cost = (row: number, column: number): number => {
    if (grid[row]![column]) return 0;
    if (column === groups) return MARGIN_COST + margin[row]!;
    const n = counts[row]![column]!;
    return n === 0 ? ZERO_COST : n;
  };
  const unprotectable = new Set<string>();
  for (;;) {
    const bridge = findBridges(grid).find((cell) => !unprotectable.has(String(cell)));
    if (!bridge) break;
    const added = cheapestCycle(rows, groups + 1, bridge, cost);
    // Only a table with a single value has no cycle; its cells equal the published bases anyway.
    if (!added) unprotectable.add(String(bridge));
    else for (const [row, column] of added) grid[row]![column] = true;
  }
  return { cells: grid.map((row) => row.slice(0, groups)), margin: grid.map((row) => row[groups]!) };
}

function primaryCells(counts: readonly (readonly number[])[], row: number, k: number): boolean[] {
  return counts[row]!.map((n, column) => isSmallCount(n, k) || isSmallCount(columnSum(counts, column), k));
}

function columnSum(counts: readonly (readonly number[])[], column: number): number {
  return counts.reduce((sum, row) => sum + row[column]!, 0);
}
