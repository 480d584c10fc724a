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
