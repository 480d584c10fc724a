// tr(A⁻¹B) and tr((A⁻¹B)²) for symmetric positive definite A and symmetric B, by Cholesky A = LLᵀ:
// A⁻¹B is similar to the symmetric M = L⁻¹ B L⁻ᵀ, so tr = Σ M_ii and tr² = Σ M_ij² (R's solve(A, B), then traces).
import { scratch } from './scratch.js';

export interface SolveTraces {
  readonly trace: number;
  readonly traceOfSquare: number;
}

/** @returns null when A is not (numerically) positive definite */
export function solveTraces(a: Float64Array, b: Float64Array, size: number): SolveTraces | null {
  const l = choleskyFactor(a, size);
  return l && factorTraces(l, b, size);
}

/** A = LLᵀ, L row-major lower triangle; null when A is not (numerically) positive definite. */
export function choleskyFactor(a: Float64Array, size: number): Float64Array | null {
  const l = scratch.takeUnfilled(size * size);
  for (let j = 0; j < size; j++) {
    let diagonal = a[j * size + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * size + k]! ** 2;
    if (!(diagonal > 1e-13 * Math.abs(a[j * size + j]!))) return null;
    const root = Math.sqrt(diagonal);
    l[j * size + j] = root;
    for (let i = j + 1; i < size; i++) {
      let value = a[i * size + j]!;
      for (let k = 0; k < j; k++) value -= l[i * size + k]! * l[j * size + k]!;
      l[i * size + j] = value / root;
    }
  }
  return l;
}

/** The same traces given the Cholesky factor L (row-major lower triangle; the upper part is ignored). */
export function factorTraces(l: Float64Array, b: Float64Array, size: number): SolveTraces {
  const x = forwardSolve(l, b, size);
  // M = X L⁻ᵀ (= L⁻¹ B L⁻ᵀ, symmetric): its lower triangle alone, row i by forward substitution on
  // M[i, ·] Lᵀ = X[i, ·] up to column i, a third of the work of the full second solve.
  const m = scratch.takeUnfilled(size * size);
  let trace = 0;
  let offDiagonal = 0;
  let diagonal = 0;
  for (let i = 0; i < size; i++) {
    const row = i * size;
    for (let j = 0; j <= i; j++) {
      const lRow = j * size;
      let value = x[row + j]!;
      for (let k = 0; k < j; k++) value -= l[lRow + k]! * m[row + k]!;
      value /= l[lRow + j]!;
      m[row + j] = value;
      if (j < i) offDiagonal += value * value;
      else {
        trace += value;
        diagonal += value * value;
      }
    }
  }
  return { trace, traceOfSquare: diagonal + 2 * offDiagonal };
}

/** L⁻¹Y for lower-triangular L, column by column. */
function forwardSolve(l: Float64Array, y: Float64Array, size: number): Float64Array {
  const out = scratch.takeUnfilled(size * size);
  out.set(y);
  for (let i = 0; i < size; i++) {
    const row = i * size;
    for (let k = 0; k < i; k++) {
      const factor = l[row + k]!;
      if (factor === 0) continue;
      const from = k * size;
      for (let j = 0; j < size; j++) out[row + j]! -= factor * out[from + j]!;
    }
    const pivot = l[row + i]!;
    for (let j = 0; j < size; j++) out[row + j] = out[row + j]! / pivot;
  }
  return out;
}
