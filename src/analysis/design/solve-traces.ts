// tr(A⁻¹B) and tr((A⁻¹B)²) for symmetric positive definite A and symmetric B, by Cholesky A = LLᵀ:
// A⁻¹B is similar to M = L⁻¹ B L⁻ᵀ, so tr = Σ M_ii and tr² = Σ M_ij² (R's solve(A, B), then traces).
import { scratch } from './scratch.js';

export interface SolveTraces {
  readonly trace: number;
  readonly traceOfSquare: number;
}

/** @returns null when A is not (numerically) positive definite */
export function solveTraces(a: Float64Array, b: Float64Array, size: number): SolveTraces | null {
  const l = scratch.take(size * size);
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
  return factorTraces(l, b, size);
}

/** The same traces given the Cholesky factor L (row-major lower triangle; the upper part is ignored). */
export function factorTraces(l: Float64Array, b: Float64Array, size: number): SolveTraces {
  // X = L⁻¹B, then M = L⁻¹Xᵀ (= L⁻¹ B L⁻ᵀ as B is symmetric).
  const x = forwardSolve(l, b, size);
  const xt = scratch.take(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) xt[i * size + j] = x[j * size + i]!;
  const m = forwardSolve(l, xt, size);
  let trace = 0;
  let traceOfSquare = 0;
  for (let i = 0; i < size; i++) {
    trace += m[i * size + i]!;
    for (let j = 0; j < size; j++) traceOfSquare += m[i * size + j]! ** 2;
  }
  return { trace, traceOfSquare };
}

/** L⁻¹Y for lower-triangular L, column by column. */
function forwardSolve(l: Float64Array, y: Float64Array, size: number): Float64Array {
  const out = scratch.take(size * size);
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
