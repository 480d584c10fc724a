// The empty cells of an r × c table as a graph: rows and columns are its nodes, each empty cell an edge
// between its row and its column. Its cycles and connected parts decide the rank of Rao-Scott's A = CᵀD⁺C:
// a non-zero doubly centred table can live on the empty cells alone exactly when they close a cycle.
import { scratch } from './scratch.js';

export interface EmptyCellGraph {
  /** Whether the empty cells close a cycle (then A is singular). */
  readonly cycle: boolean;
  /** Connected part of each node, numbered from 0 in node order: rows 0 … r − 1, then columns r … r + c − 1. */
  readonly part: Int32Array;
  readonly parts: number;
}

/**
 * Whether the empty cells close a cycle: all the contrasts route needs. The union-find works on the Rao-Scott
 * arena; a graph of its own per test cost more than the union-find.
 * @param q per cell b · r + a, 0 where the cell is empty
 */
export function emptyCellsCloseCycle(q: Float64Array, r: number, c: number): boolean {
  return unite(q, r, c, scratch.takeIndices(r + c));
}

/** @param q per cell b · r + a, 0 where the cell is empty */
export function emptyCellGraph(q: Float64Array, r: number, c: number): EmptyCellGraph {
  const root = scratch.takeIndices(r + c);
  const cycle = unite(q, r, c, root);
  const part = new Int32Array(r + c).fill(-1);
  let parts = 0;
  for (let node = 0; node < r + c; node++) {
    const top = find(root, node);
    if (part[top] === -1) part[top] = parts++;
    part[node] = part[top]!;
  }
  return { cycle, part, parts };
}

/** Union-find over the empty cells into `root` (overwritten); true where one closes a cycle. */
function unite(q: Float64Array, r: number, c: number, root: Int32Array): boolean {
  for (let node = 0; node < r + c; node++) root[node] = node;
  let cycle = false;
  for (let cell = 0; cell < r * c; cell++) {
    if (q[cell] !== 0) continue;
    const row = find(root, cell % r);
    const column = find(root, r + ((cell / r) | 0));
    if (row === column) cycle = true;
    else root[row] = column;
  }
  return cycle;
}

function find(root: Int32Array, node: number): number {
  while (root[node] !== node) node = root[node] = root[root[node]!]!;
  return node;
}
