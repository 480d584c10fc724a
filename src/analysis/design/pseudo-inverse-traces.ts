// tr(A⁺B) and tr((A⁺B)²) for symmetric positive semi-definite A and symmetric B whose null space contains
// A's (so for Rao-Scott's A = CᵀD⁺C/N, B = CᵀD⁺VD⁺C). For such B every symmetric generalised inverse A⁻
// gives the same traces as the Moore–Penrose A⁺ (A⁻ and A⁺ agree on the range of A), so a pivoted
// Cholesky factorisation serves: A = P L Lᵀ Pᵀ of rank r, A⁻ = P [(L₁L₁ᵀ)⁻¹ 0; 0 0] Pᵀ. Its rank decision
// (pivot above √ε × the largest diagonal) stands in for MASS::ginv's singular values above √ε × the largest.
import { factorTraces, type SolveTraces } from './solve-traces.js';

export interface PseudoInverseTraces extends SolveTraces {
  readonly rank: number;
}

const TOLERANCE = Math.sqrt(Number.EPSILON);

/** @param a, b row-major `size × size`, symmetric */
export function pseudoInverseTraces(a: Float64Array, b: Float64Array, size: number): PseudoInverseTraces {
  const s = Float64Array.from(a);
  const order = Array.from({ length: size }, (_, i) => i);
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, s[i * size + i]!);
  let rank = 0;
  for (let j = 0; j < size; j++) {
    let pivot = j;
    for (let i = j + 1; i < size; i++) if (s[i * size + i]! > s[pivot * size + pivot]!) pivot = i;
    if (!(s[pivot * size + pivot]! > TOLERANCE * largest)) break;
    swap(s, order, size, j, pivot);
    // Schur complement of the trailing block.
    const root = Math.sqrt(s[j * size + j]!);
    for (let i = j + 1; i < size; i++) s[i * size + j] = s[i * size + j]! / root;
    for (let i = j + 1; i < size; i++) {
      const lij = s[i * size + j]!;
      if (lij === 0) continue;
      for (let k = j + 1; k <= i; k++) {
        s[i * size + k] = s[i * size + k]! - lij * s[k * size + j]!;
        s[k * size + i] = s[i * size + k]!;
      }
    }
    s[j * size + j] = root;
    rank++;
  }
  if (rank === 0) return { trace: 0, traceOfSquare: 0, rank };
  const factor = new Float64Array(rank * rank);
  const block = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) {
    for (let k = 0; k <= i; k++) factor[i * rank + k] = s[i * size + k]!;
    for (let k = 0; k < rank; k++) block[i * rank + k] = b[order[i]! * size + order[k]!]!;
  }
  return { ...factorTraces(factor, block, rank), rank };
}

/** Symmetric swap of rows and columns i and j (i < j) of the working matrix. */
function swap(s: Float64Array, order: number[], size: number, i: number, j: number): void {
  if (i === j) return;
  [order[i], order[j]] = [order[j]!, order[i]!];
  for (let k = 0; k < size; k++) [s[i * size + k], s[j * size + k]] = [s[j * size + k]!, s[i * size + k]!];
  for (let k = 0; k < size; k++) [s[k * size + i], s[k * size + j]] = [s[k * size + j]!, s[k * size + i]!];
}
