// Which groupings to count together: one joint key per block, so each table variable costs one pass over
// the respondents per block plus the marginalisation of each block's joint table (issue 4 "Performance").

/** Joint tables up to this many Float64 counters (32 KB) stay in the fastest cache; crosstabs then uses lanes. */
export const CACHED_SLOTS = 4096;
/** A table variable's typical number of values, and its counters per joint cell (4 slots × 4 lanes). */
const TYPICAL_WIDTH = 3;
const TYPICAL_COUNTERS = 16;
/** Measured here: a pass into a table beyond the cache costs about three passes into a cached one. */
const UNCACHED_PASS = 3;

/**
 * Partitions groupings (given their level counts incl. missing) into blocks, greedily in order of size:
 * a grouping joins the block where that adds the least cost, unless a block of its own is cheaper. Cost
 * of a block ≈ one pass over n (dearer when its table leaves the cache) + joint cells × groupings × width
 * (marginalisation), cells ≤ min(∏ levels, n).
 */
export function groupingBlocks(levels: readonly number[], n: number): number[][] {
  const blocks: { members: number[]; cells: number }[] = [];
  const cost = (cells: number, members: number) =>
    n * (cells * TYPICAL_COUNTERS <= CACHED_SLOTS ? 1 : UNCACHED_PASS) + Math.min(cells, n) * members * TYPICAL_WIDTH;
  const order = [...levels.keys()].sort((a, b) => levels[a]! - levels[b]!);
  for (const g of order) {
    let best: (typeof blocks)[number] | undefined;
    let bestCost = cost(levels[g]!, 1);
    for (const block of blocks) {
      const added = cost(block.cells * levels[g]!, block.members.length + 1) - cost(block.cells, block.members.length);
      if (added < bestCost) [best, bestCost] = [block, added];
    }
    if (best) {
      best.members.push(g);
      best.cells *= levels[g]!;
    } else blocks.push({ members: [g], cells: levels[g]! });
  }
  return blocks.map((block) => block.members.sort((a, b) => a - b));
}
