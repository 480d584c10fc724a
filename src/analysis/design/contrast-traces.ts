// tr Δ and tr Δ² of Rao-Scott's Δ = (CᵀQC/N)⁺ CᵀQVQC through the (r−1)(c−1) interaction contrasts C, as
// survey's svychisq computes them: A = CᵀQC/N and B = CᵀQVQC in closed form from the cells' moments, then
// R's solve(A, B), or the pseudo-inverse where A is singular (statistics.md). Q = diag(1/p̂), 0 where p̂ = 0.
import type { ColumnMoments } from './column-moments.js';
import { emptyCellsCloseCycle } from './empty-cell-graph.js';
import { pseudoInverseTraces, type PseudoInverseTraces } from './pseudo-inverse-traces.js';
import type { RakingProjection } from './raking-projection.js';
import { solveTraces } from './solve-traces.js';
import { scratch } from './scratch.js';

/** What the traces need of the design: the raking basis and its Gram matrix Φ. */
export type ContrastDesign = Pick<RakingProjection, 'basis' | 'gram' | 'gramColumns'>;

/** Per kept cell (b · r + a) of the table. */
export interface CellMoments {
  readonly q: Float64Array;
  readonly p: Float64Array;
  /** Σ α² y per cell and over the domain (α = w / W). */
  readonly squares: Float64Array;
  readonly m2: number;
}

/** The kept table: its cells' moment columns and shares. */
export interface TableDomain {
  /** Moment column of each kept cell (b · r + a). */
  readonly source: Int32Array;
  readonly p: Float64Array;
  /** 1 / p, 0 where p = 0. */
  readonly q: Float64Array;
  readonly total: number;
  readonly r: number;
  readonly c: number;
}

/**
 * @param floor no test (null) where tr B is not above it: the raking explains the table (raoScottTest's NO_VARIANCE)
 */
export function contrastTraces(
  cells: CellMoments,
  moments: ColumnMoments,
  domain: TableDomain,
  projection: ContrastDesign,
  scale: number,
  floor: number,
): PseudoInverseTraces | null {
  const { q, r, c, total } = domain;
  const full = (r - 1) * (c - 1);
  const gK = centredContrasts(moments.coefficients, projection.basis, domain);
  const gS = centredContrasts(moments.scores, projection.basis, domain);
  const a = contrastGram(q, r, c, 1 / total);
  const b = sandwich(cells, gK, gS, projection, r, c, scale);
  if (!(diagonalSum(b, full) > floor)) return null;
  // Empty cells on a cycle make A singular in exact arithmetic: R's solve fails there, so go straight to ⁺.
  const solved = emptyCellsCloseCycle(q, r, c) ? null : solveTraces(a, b, full);
  return solved ? { trace: solved.trace, traceOfSquare: solved.traceOfSquare, rank: full } : pseudoInverseTraces(a, b, full);
}

function diagonalSum(matrix: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += matrix[i * size + i]!;
  return sum;
}

/**
 * Gᵀ X (contrastProduct) for X_cell = (R_c − p_cell Σ R) / W, R the raw rows (`width` wide) of the cells' moment
 * columns: q·X computed once per cell, every sum kept in contrastProduct's order.
 */
function centredContrasts(raw: Float64Array, width: number, { source, p, q, total, r, c }: TableDomain): Float64Array {
  const sum = scratch.take(width);
  for (const column of source) for (let l = 0; l < width; l++) sum[l]! += raw[column * width + l]!;
  if (r === 2) return centredTwoRows(raw, width, sum, { source, p, q, total, r, c });
  const y = scratch.takeUnfilled(r * c * width);
  const rowSums = scratch.take(r * width);
  const colSums = scratch.take(c * width);
  const all = scratch.take(width);
  for (let b = 0; b < c; b++) {
    for (let a = 0; a < r; a++) {
      const cell = b * r + a;
      const from = source[cell]! * width;
      const at = cell * width;
      const qc = q[cell]!;
      const pc = p[cell]!;
      for (let l = 0; l < width; l++) {
        const value = qc * ((raw[from + l]! - pc * sum[l]!) / total);
        y[at + l] = value;
        rowSums[a * width + l]! += value;
        colSums[b * width + l]! += value;
        all[l]! += value;
      }
    }
  }
  const out = scratch.takeUnfilled((r - 1) * (c - 1) * width);
  const corner = r * c;
  for (let j = 1; j < c; j++) {
    for (let i = 1; i < r; i++) {
      const at = (j * r + i) * width;
      const to = ((j - 1) * (r - 1) + i - 1) * width;
      for (let l = 0; l < width; l++) out[to + l] = y[at + l]! - colSums[j * width + l]! / r - rowSums[i * width + l]! / c + all[l]! / corner;
    }
  }
  return out;
}

/**
 * centredContrasts of a two-value table (most of a document's): contrast j is (y_1j − y_0j) / 2 less its
 * mean over the groups, the double centring with its row of zeros left out.
 */
function centredTwoRows(raw: Float64Array, width: number, sum: Float64Array, { source, p, q, total, c }: TableDomain): Float64Array {
  const half = scratch.takeUnfilled(c * width);
  const all = scratch.take(width);
  for (let b = 0; b < c; b++) {
    const low = 2 * b;
    const from0 = source[low]! * width;
    const from1 = source[low + 1]! * width;
    const at = b * width;
    for (let l = 0; l < width; l++) {
      const y0 = q[low]! * ((raw[from0 + l]! - p[low]! * sum[l]!) / total);
      const y1 = q[low + 1]! * ((raw[from1 + l]! - p[low + 1]! * sum[l]!) / total);
      const value = (y1 - y0) / 2;
      half[at + l] = value;
      all[l]! += value;
    }
  }
  const out = scratch.takeUnfilled((c - 1) * width);
  for (let j = 1; j < c; j++) for (let l = 0; l < width; l++) out[(j - 1) * width + l] = half[j * width + l]! - all[l]! / c;
  return out;
}

/**
 * scale · Cᵀ diag(x) C for the interaction contrasts of an r × c grid, in closed form: C[(a, b), (i, j)] =
 * (δ_ai − 1/r)(δ_bj − 1/c) (R's qr.resid of the treatment-coded interaction on the main effects);
 * contrast (i, j), i, j ≥ 1, at (j − 1)(r − 1) + i − 1.
 */
function contrastGram(x: Float64Array, r: number, c: number, scale: number): Float64Array {
  const full = (r - 1) * (c - 1);
  const rowSums = scratch.take(r); // Σ_b x_ab
  const colSums = scratch.take(c); // Σ_a x_ab
  let all = 0;
  for (let b = 0; b < c; b++) {
    for (let a = 0; a < r; a++) {
      const value = x[b * r + a]!;
      rowSums[a]! += value;
      colSums[b]! += value;
      all += value;
    }
  }
  // ρ_b(i, i') = Σ_a x_ab (δ_ai − 1/r)(δ_ai' − 1/r); σ(i, i') = Σ_b ρ_b(i, i'); both tabulated for i, i' ≥ 1.
  const lines = r - 1;
  const rho = scratch.takeUnfilled(c * lines * lines);
  const sigma = scratch.takeUnfilled(lines * lines);
  for (let i = 1; i < r; i++) {
    for (let k = 1; k < r; k++) {
      const at = (i - 1) * lines + k - 1;
      sigma[at] = (i === k ? rowSums[i]! : 0) - (rowSums[i]! + rowSums[k]!) / r + all / (r * r);
      for (let b = 0; b < c; b++) rho[b * lines * lines + at] = (i === k ? x[b * r + i]! : 0) - (x[b * r + i]! + x[b * r + k]!) / r + colSums[b]! / (r * r);
    }
  }
  const out = scratch.takeUnfilled(full * full);
  for (let j = 1; j < c; j++) {
    for (let i = 1; i < r; i++) {
      const m = (j - 1) * lines + i - 1;
      for (let l = 1; l < c; l++) {
        for (let k = 1; k < r; k++) {
          const n = (l - 1) * lines + k - 1;
          if (n < m) continue;
          const at = (i - 1) * lines + k - 1;
          const own = rho[j * lines * lines + at]!;
          const value = (j === l ? own : 0) - (own + rho[l * lines * lines + at]!) / c + sigma[at]! / (c * c);
          out[m * full + n] = out[n * full + m] = scale * value;
        }
      }
    }
  }
  return out;
}

/** Gᵀ X for G = diag(q) C and X row-major cells × width: double-centred q·X at the contrasts. */
function contrastProduct(q: Float64Array, x: Float64Array, width: number, r: number, c: number): Float64Array {
  const full = (r - 1) * (c - 1);
  const out = scratch.takeUnfilled(full * width);
  const rowSums = scratch.take(r);
  const colSums = scratch.take(c);
  for (let l = 0; l < width; l++) {
    rowSums.fill(0);
    colSums.fill(0);
    let all = 0;
    for (let b = 0; b < c; b++) {
      for (let a = 0; a < r; a++) {
        const y = q[b * r + a]! * x[(b * r + a) * width + l]!;
        rowSums[a]! += y;
        colSums[b]! += y;
        all += y;
      }
    }
    for (let j = 1; j < c; j++) {
      for (let i = 1; i < r; i++) {
        const y = q[j * r + i]! * x[(j * r + i) * width + l]!;
        out[((j - 1) * (r - 1) + i - 1) * width + l] = y - colSums[j]! / r - rowSums[i]! / c + all / (r * c);
      }
    }
  }
  return out;
}

/**
 * GᵀVG for V = scale · (P0 − S Kᵀ − K Sᵀ + K Φ Kᵀ) (K: coefficients, S: scores, Φ: basis Gram; gK, gS: their
 * centredContrasts),
 * P0 = diag(y2) − p y2ᵀ − y2 pᵀ + m2 · p pᵀ: with gp = Gᵀp, gy = Gᵀy2, gS = GᵀS, gK = GᵀK and T = gK Φ / 2 − gS,
 * GᵀVG = scale · (Cᵀdiag(q²y2)C − gp gyᵀ − gy gpᵀ + m2 gp gpᵀ + T gKᵀ + gK Tᵀ).
 */
function sandwich(d: CellMoments, gK: Float64Array, gS: Float64Array, projection: ContrastDesign, r: number, c: number, scale: number): Float64Array {
  const { basis, gram, gramColumns } = projection;
  const full = (r - 1) * (c - 1);
  const weights = scratch.takeUnfilled(r * c);
  for (let cell = 0; cell < r * c; cell++) weights[cell] = d.q[cell]! * d.q[cell]! * d.squares[cell]!;
  const out = contrastGram(weights, r, c, 1);
  const gp = contrastProduct(d.q, d.p, 1, r, c);
  const gy = contrastProduct(d.q, d.squares, 1, r, c);
  // Row m of T: Σ_k gK[m, k] Φ[k, ·] over the non-zeros of Φ (symmetric), k ascending as in a dot product.
  const t = scratch.take(full * basis);
  for (let m = 0; m < full; m++) {
    const row = m * basis;
    for (let k = 0; k < basis; k++) {
      const g = gK[row + k]!;
      if (g === 0) continue;
      for (let e = gramColumns.start[k]!; e < gramColumns.start[k + 1]!; e++) {
        const j = gramColumns.column[e]!;
        t[row + j]! += g * gram[k * basis + j]!;
      }
    }
    for (let j = 0; j < basis; j++) t[row + j] = t[row + j]! / 2 - gS[row + j]!;
  }
  const start = (m: number, l: number): number => out[m * full + l]! - gp[m]! * gy[l]! - gy[m]! * gp[l]! + d.m2 * gp[m]! * gp[l]!;
  for (let m = 0; m < full; m++) {
    const rowM = m * basis;
    // Entries l and l + 1 together: two independent sums, each in the order it would have alone.
    for (let l = m; l < full; l += 2) {
      const next = Math.min(l + 1, full - 1);
      const rowL = l * basis;
      const rowN = next * basis;
      let value = start(m, l);
      let other = start(m, next);
      for (let j = 0; j < basis; j++) {
        value += t[rowM + j]! * gK[rowL + j]! + gK[rowM + j]! * t[rowL + j]!;
        other += t[rowM + j]! * gK[rowN + j]! + gK[rowM + j]! * t[rowN + j]!;
      }
      out[m * full + l] = out[l * full + m] = scale * value;
      out[m * full + next] = out[next * full + m] = scale * other;
    }
  }
  return out;
}
