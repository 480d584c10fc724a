// The complement choices of disclosure control all take "the cheapest candidate, the first on ties".

/** The item of least cost (the first of equals); undefined for no items. */
export function cheapest<T>(items: readonly T[], cost: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestCost = Infinity;
  for (const item of items) {
    const c = cost(item);
    if (best === undefined || c < bestCost) [best, bestCost] = [item, c];
  }
  return best;
}

/** A zero as a complement protects little (n ≥ 0): the last resort, after every non-zero cell. */
export const ZERO_COST = 1e6;

/** The cost of hiding a cell of count `n` as a complement: its count, zeros last. */
export function countCost(n: number): number {
  return n === 0 ? ZERO_COST : n;
}
