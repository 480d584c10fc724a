// The cheapest set of further cells that puts one suppressed cell on a cycle of suppressed cells
// (Dijkstra from its column back to its row through the complete bipartite rows × columns graph).
import type { Cell } from './find-bridges.js';

/**
 * Cells to add so that `cell` lies on a cycle, or undefined when none exists (one row, or only
 * forbidden cells). `cost(row, column)`: 0 for a cell already suppressed, Infinity for one that must
 * not be used; ties go to the lower row, then the lower column.
 */
export function cheapestCycle(rows: number, columns: number, cell: Cell, cost: (row: number, column: number) => number): Cell[] | undefined {
  const [fromRow, fromColumn] = cell;
  const vertices = rows + columns; // rows first, then columns
  const distance = new Array<number>(vertices).fill(Infinity);
  const previous = new Array<number>(vertices).fill(-1);
  const done = new Array<boolean>(vertices).fill(false);
  const start = rows + fromColumn;
  distance[start] = 0;
  for (;;) {
    let vertex = -1;
    for (let v = 0; v < vertices; v++) if (!done[v] && distance[v]! < Infinity && (vertex === -1 || distance[v]! < distance[vertex]!)) vertex = v;
    if (vertex === -1) return undefined;
    if (vertex === fromRow) break;
    done[vertex] = true;
    const isRow = vertex < rows;
    const [first, last] = isRow ? [rows, vertices] : [0, rows];
    for (let next = first; next < last; next++) {
      const [row, column] = isRow ? [vertex, next - rows] : [next, vertex - rows];
      if (row === fromRow && column === fromColumn) continue;
      const through = distance[vertex]! + cost(row, column);
      if (through < distance[next]!) {
        distance[next] = through;
        previous[next] = vertex;
      }
    }
  }
  const added: Cell[] = [];
  for (let vertex = fromRow; vertex !== start; vertex = previous[vertex]!) {
    const other = previous[vertex]!;
    const cellOnPath: Cell = vertex < rows ? [vertex, other - rows] : [other, vertex - rows];
    if (cost(cellOnPath[0], cellOnPath[1]) > 0) added.push(cellOnPath);
  }
  return added;
}
