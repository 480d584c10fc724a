// Bridges of the bipartite graph whose edges are the suppressed cells of a table (rows = values,
// columns = groups plus the margin column). Every row and column sum is published, so a suppressed cell
// is recomputable from the margins exactly when it lies on no cycle of suppressed cells, i.e. when it is
// a bridge (the null space of a bipartite incidence matrix is spanned by its cycles).

/** A cell as [row, column]. */
export type Cell = readonly [row: number, column: number];

/** Every suppressed cell that is a bridge, in row-major order. */
export function findBridges(suppressed: readonly (readonly boolean[])[]): Cell[] {
  const rows = suppressed.length;
  const columns = suppressed[0]?.length ?? 0;
  const vertices = rows + columns; // rows first, then columns
  const neighbours = (vertex: number): number[] => {
    const out: number[] = [];
    if (vertex < rows) {
      suppressed[vertex]!.forEach((on, column) => on && out.push(rows + column));
    } else {
      const column = vertex - rows;
      suppressed.forEach((row, r) => row[column] && out.push(r));
    }
    return out;
  };
  const order = new Array<number>(vertices).fill(-1);
  const low = new Array<number>(vertices).fill(0);
  const bridges: Cell[] = [];
  let clock = 0;
  const visit = (vertex: number, parent: number): void => {
    order[vertex] = low[vertex] = clock++;
    for (const next of neighbours(vertex)) {
      if (next === parent) continue; // one cell per row and column pair: no parallel edges
      if (order[next] === -1) {
        visit(next, vertex);
        low[vertex] = Math.min(low[vertex]!, low[next]!);
        if (low[next]! > order[vertex]!) bridges.push(vertex < rows ? [vertex, next - rows] : [next, vertex - rows]);
      } else {
        low[vertex] = Math.min(low[vertex]!, order[next]!);
      }
    }
  };
  for (let vertex = 0; vertex < vertices; vertex++) if (order[vertex] === -1) visit(vertex, -1);
  return bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
