// tr(A⁺B) and tr((A⁺B)²) for symmetric positive semi-definite A and symmetric B whose null space contains
// A's (so for Rao-Scott's A = CᵀD⁺C/N, B = CᵀD⁺VD⁺C). For such B every symmetric generalised inverse A⁻
// gives the same traces as the Moore–Penrose A⁺ (A⁻ and A⁺ agree on the range of A), so a pivoted
// Cholesky factorisation serves: A = P L Lᵀ Pᵀ of rank r, A⁻ = P [(L₁L₁ᵀ)⁻¹ 0; 0 0] Pᵀ. Its rank decision
// (pivot above √ε × the largest diagonal) stands in for MASS::ginv's singular values above √ε × the largest.
import { factorTraces, type SolveTraces } from './solve-traces.js';
import { scratch } from './scratch.js';

export interface PseudoInverseTraces extends SolveTraces {
  readonly rank: number;
}

const TOLERANCE = Math.sqrt(Number.EPSILON);

/** @param a, b row-major `size × size`, symmetric */
export function pseudoInverseTraces(a: Float64Array, b: Float64Array, size: number): PseudoInverseTraces {
  const { factor: l, order, rank } = pivotedCholesky(a, size);
  if (rank === 0) return { trace: 0, traceOfSquare: 0, rank };
  const factor = scratch.takeUnfilled(rank * rank);
  const block = scratch.takeUnfilled(rank * rank);
  for (let i = 0; i < rank; i++) {
    for (let k = 0; k <= i; k++) factor[i * rank + k] = l[i * size + k]!;
    for (let k = 0; k < rank; k++) block[i * rank + k] = b[order[i]! * size + order[k]!]!;
  }
  return { ...factorTraces(factor, block, rank), rank };
}

/**
 * A = P L Lᵀ Pᵀ, left-looking: column j of L from A's entries and the columns before it, the pivots from
 * the remaining diagonal (each entry of A has the same subtractions, in the same order, as in the
 * right-looking update of the whole trailing block, at half its work).
 * @returns L row-major `size × size` (rows in pivot order, the first `rank` columns), and the pivot order
 */
function pivotedCholesky(a: Float64Array, size: number): { factor: Float64Array; order: Int32Array; rank: number } {
  const l = scratch.takeUnfilled(size * size);
  const order = Int32Array.from({ length: size }, (_, i) => i);
  const diagonal = scratch.takeUnfilled(size);
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, (diagonal[i] = a[i * size + i]!));
  let rank = 0;
  for (let j = 0; j < size; j++) {
    let pivot = j;
    for (let i = j + 1; i < size; i++) if (diagonal[i]! > diagonal[pivot]!) pivot = i;
    if (!(diagonal[pivot]! > TOLERANCE * largest)) break;
    swapRows(l, order, diagonal, size, j, pivot);
    const root = Math.sqrt(diagonal[j]!);
    l[j * size + j] = root;
    const rowJ = j * size;
    const source = order[j]!;
    for (let i = j + 1; i < size; i++) {
      const rowI = i * size;
      let value = a[order[i]! * size + source]!;
      for (let t = 0; t < j; t++) value = value - l[rowI + t]! * l[rowJ + t]!;
      const lij = value / root;
      l[rowI + j] = lij;
      diagonal[i] = diagonal[i]! - lij * lij;
    }
    rank++;
  }
  return { factor: l, order, rank };
}

/** Swaps entries i and j (i < j) of the pivot order and the remaining diagonal, and rows i and j of L's columns so far. */
function swapRows(l: Float64Array, order: Int32Array, diagonal: Float64Array, size: number, i: number, j: number): void {
  if (i === j) return;
  const index = order[i]!;
  order[i] = order[j]!;
  order[j] = index;
  const value = diagonal[i]!;
  diagonal[i] = diagonal[j]!;
  diagonal[j] = value;
  for (let k = 0; k < i; k++) {
    const entry = l[i * size + k]!;
    l[i * size + k] = l[j * size + k]!;
    l[j * size + k] = entry;
  }
}
