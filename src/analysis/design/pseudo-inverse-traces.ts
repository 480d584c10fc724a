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
  const s = scratch.take(size * size);
  s.set(a);
  const order = Array.from({ length: size }, (_, i) => i);
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, s[i * size + i]!);
  let rank = 0;
  const column = scratch.take(size);
  for (let j = 0; j < size; j++) {
    let pivot = j;
    for (let i = j + 1; i < size; i++) if (s[i * size + i]! > s[pivot * size + pivot]!) pivot = i;
    if (!(s[pivot * size + pivot]! > TOLERANCE * largest)) break;
    swap(s, order, size, j, pivot);
    // Schur complement of the trailing block.
    const root = Math.sqrt(s[j * size + j]!);
    for (let i = j + 1; i < size; i++) column[i] = s[i * size + j] = s[i * size + j]! / root;
    // Whole rows of the trailing block, so that it stays symmetric without strided writes.
    for (let i = j + 1; i < size; i++) {
      const lij = column[i]!;
      if (lij === 0) continue;
      const row = i * size;
      for (let k = j + 1; k < size; k++) s[row + k] = s[row + k]! - lij * column[k]!;
    }
    s[j * size + j] = root;
    rank++;
  }
  if (rank === 0) return { trace: 0, traceOfSquare: 0, rank };
  const factor = scratch.take(rank * rank);
  const block = scratch.take(rank * rank);
  for (let i = 0; i < rank; i++) {
    for (let k = 0; k <= i; k++) factor[i * rank + k] = s[i * size + k]!;
    for (let k = 0; k < rank; k++) block[i * rank + k] = b[order[i]! * size + order[k]!]!;
  }
  return { ...factorTraces(factor, block, rank), rank };
}

/** Symmetric swap of rows and columns i and j (i < j) of the working matrix. */
function swap(s: Float64Array, order: number[], size: number, i: number, j: number): void {
  if (i === j) return;
  const index = order[i]!;
  order[i] = order[j]!;
  order[j] = index;
  for (let k = 0; k < size; k++) {
    const value = s[i * size + k]!;
    s[i * size + k] = s[j * size + k]!;
    s[j * size + k] = value;
  }
  for (let k = 0; k < size; k++) {
    const value = s[k * size + i]!;
    s[k * size + i] = s[k * size + j]!;
    s[k * size + j] = value;
  }
}
