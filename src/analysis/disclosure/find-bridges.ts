// Bridges of the bipartite graph whose edges are the suppressed cells of a table (rows = values,
// columns = groups plus the margin column). Every row and column sum is published, so a suppressed cell
// is recomputable from the margins exactly when it lies on no cycle of suppressed cells, i.e. when it is
// a bridge (the null space of a bipartite incidence matrix is spanned by its cycles). Columns whose bases
// are withheld publish only their joint sum: they are one vertex, and their cells parallel edges.

/** A cell as [row, column]. */
export type Cell = readonly [row: number, column: number];

/**
 * Every suppressed cell that is a bridge, in row-major order.
 * @param vertexOf the vertex of each column (a column index); columns sharing one are a single vertex
 */
export function findBridges(suppressed: readonly (readonly boolean[])[], vertexOf: readonly number[] = columnsOwn(suppressed)): Cell[] {
  const rows = suppressed.length;
  const columns = vertexOf.length;
  const vertices = rows + columns; // rows first, then columns
  const neighbours = (vertex: number): Cell[] => {
    const out: Cell[] = [];
    if (vertex < rows) suppressed[vertex]!.forEach((on, column) => on && out.push([vertex, column]));
    else vertexOf.forEach((v, column) => v === vertex - rows && suppressed.forEach((line, row) => line[column] && out.push([row, column])));
    return out;
  };
  const other = (vertex: number, [row, column]: Cell): number => (vertex < rows ? rows + vertexOf[column]! : row);
  const order = new Array<number>(vertices).fill(-1);
  const low = new Array<number>(vertices).fill(0);
  const bridges: Cell[] = [];
  let clock = 0;
  const visit = (vertex: number, parent: Cell | undefined): void => {
    order[vertex] = low[vertex] = clock++;
    for (const edge of neighbours(vertex)) {
      if (parent && edge[0] === parent[0] && edge[1] === parent[1]) continue; // parallel edges are other cells
      const next = other(vertex, edge);
      if (order[next] === -1) {
        visit(next, edge);
        low[vertex] = Math.min(low[vertex]!, low[next]!);
        if (low[next]! > order[vertex]!) bridges.push(edge);
      } else {
        low[vertex] = Math.min(low[vertex]!, order[next]!);
      }
    }
  };
  for (let vertex = 0; vertex < vertices; vertex++) if (order[vertex] === -1) visit(vertex, undefined);
  return bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function columnsOwn(suppressed: readonly (readonly boolean[])[]): number[] {
  return [...(suppressed[0] ?? []).keys()];
}
