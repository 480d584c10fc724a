// Rao-Scott second-order F test of a value × group table on the raked design, as survey's
// svychisq(~value + group, subset(design, domain), statistic = "F"): with p̂ the cell shares, V their
// linearisation covariance, C the interaction contrasts (treatment coding, residuals on the main effects)
// and D = diag(p̂):  Δ = (Cᵀ D⁻¹ C / N)⁺ · Cᵀ D⁻¹ V D⁻¹ C,  F = X²/tr Δ,  d0 = (tr Δ)² / tr Δ²,
// F ~ F(d0, d0 · ddf) with ddf = degf(domain) = domain units − 1. ⁺: R's solve, and the Moore–Penrose
// pseudo-inverse where the matrix is singular (statistics.md).
import { chiSquareTest } from '../stats/chi-square-test.js';
import { cramersV } from '../stats/cramers-v.js';
import type { ColumnMoments } from './column-moments.js';
import { fUpperTail } from './f-upper-tail.js';
import { pseudoInverseTraces } from './pseudo-inverse-traces.js';
import type { RakingProjection } from './raking-projection.js';
import { solveTraces } from './solve-traces.js';

export interface RaoScottResult {
  readonly method: 'rao-scott';
  readonly statistic: number;
  readonly df: number;
  readonly ddf: number;
  readonly p: number;
  readonly cramers_v: number;
  readonly rank_deficient?: { readonly rank: number; readonly full: number };
}

/**
 * @param moments columnMoments of the table, column g · values + v
 * @returns null when fewer than 2 values or groups have units, or the design leaves no variance
 */
export function raoScottTest(projection: RakingProjection, moments: ColumnMoments, groups: number, values: number): RaoScottResult | null {
  const kept = keptLines(moments.units, groups, values);
  const r = kept.values.length;
  const c = kept.groups.length;
  if (r < 2 || c < 2) return null;
  const { basis } = projection;
  const size = r * c;
  // Cell (a, b) of the kept table at b · r + a (R's interaction order), from moment column `source`.
  const source = Int32Array.from({ length: size }, (_, cell) => kept.groups[(cell / r) | 0]! * values + kept.values[cell % r]!);
  let total = 0;
  let units = 0;
  let squares = 0;
  for (const column of source) {
    total += moments.sums[column]!;
    units += moments.units[column]!;
    squares += moments.squares[column]!;
  }
  const p = Float64Array.from(source, (column) => moments.sums[column]! / total);
  const weighted = new Float64Array(size);
  for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) weighted[a * c + b] = p[b * r + a]! * total;
  const pearson = chiSquareTest(weighted, r, c).statistic;
  const cramers_v = cramersV(pearson, total, r, c);
  // Domain influence functions: coefficients (K_c − p_c ΣK) / W and scores (R_c − p_c ΣR) / W.
  const coefficients = centred(moments.coefficients, source, p, basis, total);
  const scores = centred(moments.scores, source, p, basis, total);
  const q = p.map((share) => (share === 0 ? 0 : 1 / share));
  const full = (r - 1) * (c - 1);
  const a = contrastGram(q, r, c, 1 / total);
  const cellSquares = Float64Array.from(source, (column) => moments.squares[column]! / total ** 2);
  const b = sandwich({ q, p, squares: cellSquares, m2: squares / total ** 2, coefficients, scores }, projection, r, c);
  const solved = solveTraces(a, b, full);
  const traces = solved ? { ...solved, rank: full } : pseudoInverseTraces(a, b, full);
  if (!(traces.trace > 0) || !(traces.traceOfSquare > 0)) return null;
  const statistic = pearson / traces.trace;
  const df = (traces.trace * traces.trace) / traces.traceOfSquare;
  const ddf = df * (units - 1);
  const result = { method: 'rao-scott' as const, statistic, df, ddf, p: fUpperTail(statistic, df, ddf), cramers_v };
  return traces.rank < full ? { ...result, rank_deficient: { rank: traces.rank, full } } : result;
}

function keptLines(units: Float64Array, groups: number, values: number): { values: number[]; groups: number[] } {
  const valueSums = new Float64Array(values);
  const groupSums = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    for (let v = 0; v < values; v++) {
      valueSums[v]! += units[g * values + v]!;
      groupSums[g]! += units[g * values + v]!;
    }
  }
  return {
    values: [...valueSums.keys()].filter((v) => valueSums[v]! > 0),
    groups: [...groupSums.keys()].filter((g) => groupSums[g]! > 0),
  };
}

/** Row-major cells × basis: (X_c − p_c Σ X) / W for the raw rows X of the cells' moment columns. */
function centred(raw: Float64Array, source: Int32Array, p: Float64Array, basis: number, total: number): Float64Array {
  const sum = new Float64Array(basis);
  for (const column of source) for (let j = 0; j < basis; j++) sum[j]! += raw[column * basis + j]!;
  const out = new Float64Array(source.length * basis);
  source.forEach((column, cell) => {
    for (let j = 0; j < basis; j++) out[cell * basis + j] = (raw[column * basis + j]! - p[cell]! * sum[j]!) / total;
  });
  return out;
}

/**
 * scale · Cᵀ diag(x) C for the interaction contrasts of an r × c grid, in closed form: C[(a, b), (i, j)] =
 * (δ_ai − 1/r)(δ_bj − 1/c) (R's qr.resid of the treatment-coded interaction on the main effects);
 * contrast (i, j), i, j ≥ 1, at (j − 1)(r − 1) + i − 1.
 */
function contrastGram(x: Float64Array, r: number, c: number, scale: number): Float64Array {
  const full = (r - 1) * (c - 1);
  const rowSums = new Float64Array(r); // Σ_b x_ab
  const colSums = new Float64Array(c); // Σ_a x_ab
  let all = 0;
  for (let b = 0; b < c; b++) {
    for (let a = 0; a < r; a++) {
      const value = x[b * r + a]!;
      rowSums[a]! += value;
      colSums[b]! += value;
      all += value;
    }
  }
  // ρ_b(i, i') = Σ_a x_ab (δ_ai − 1/r)(δ_ai' − 1/r); σ(i, i') = Σ_b ρ_b(i, i').
  const rho = (b: number, i: number, k: number) => (i === k ? x[b * r + i]! : 0) - (x[b * r + i]! + x[b * r + k]!) / r + colSums[b]! / (r * r);
  const sigma = (i: number, k: number) => (i === k ? rowSums[i]! : 0) - (rowSums[i]! + rowSums[k]!) / r + all / (r * r);
  const out = new Float64Array(full * full);
  for (let j = 1; j < c; j++) {
    for (let i = 1; i < r; i++) {
      const m = (j - 1) * (r - 1) + i - 1;
      for (let l = 1; l < c; l++) {
        for (let k = 1; k < r; k++) {
          const n = (l - 1) * (r - 1) + k - 1;
          if (n < m) continue;
          const value = (j === l ? rho(j, i, k) : 0) - (rho(j, i, k) + rho(l, i, k)) / c + sigma(i, k) / (c * c);
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
  const out = new Float64Array(full * width);
  const rowSums = new Float64Array(r);
  const colSums = new Float64Array(c);
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

interface DomainMoments {
  readonly q: Float64Array;
  readonly p: Float64Array;
  /** Σ α² y per cell and over the domain (α = w / W). */
  readonly squares: Float64Array;
  readonly m2: number;
  readonly coefficients: Float64Array;
  readonly scores: Float64Array;
}

/**
 * GᵀVG for V = n/(n−1) · (P0 − S Kᵀ − K Sᵀ + K Φ Kᵀ) (K: coefficients, S: scores, Φ: basis Gram),
 * P0 = diag(y2) − p y2ᵀ − y2 pᵀ + m2 · p pᵀ: with gp = Gᵀp, gy = Gᵀy2, gS = GᵀS, gK = GᵀK and T = gK Φ / 2 − gS,
 * GᵀVG = n/(n−1) · (Cᵀdiag(q²y2)C − gp gyᵀ − gy gpᵀ + m2 gp gpᵀ + T gKᵀ + gK Tᵀ).
 */
function sandwich(d: DomainMoments, projection: RakingProjection, r: number, c: number): Float64Array {
  const { basis, gram } = projection;
  const n = projection.design.respondents;
  const full = (r - 1) * (c - 1);
  const out = contrastGram(d.q.map((q, cell) => q * q * d.squares[cell]!), r, c, 1);
  const gp = contrastProduct(d.q, d.p, 1, r, c);
  const gy = contrastProduct(d.q, d.squares, 1, r, c);
  const gS = contrastProduct(d.q, d.scores, basis, r, c);
  const gK = contrastProduct(d.q, d.coefficients, basis, r, c);
  const t = new Float64Array(full * basis);
  for (let m = 0; m < full; m++) {
    for (let j = 0; j < basis; j++) {
      let sum = 0;
      for (let k = 0; k < basis; k++) sum += gK[m * basis + k]! * gram[k * basis + j]!;
      t[m * basis + j] = sum / 2 - gS[m * basis + j]!;
    }
  }
  const scale = n / (n - 1);
  for (let m = 0; m < full; m++) {
    for (let l = m; l < full; l++) {
      let value = out[m * full + l]! - gp[m]! * gy[l]! - gy[m]! * gp[l]! + d.m2 * gp[m]! * gp[l]!;
      for (let j = 0; j < basis; j++) value += t[m * basis + j]! * gK[l * basis + j]! + gK[m * basis + j]! * t[l * basis + j]!;
      out[m * full + l] = out[l * full + m] = scale * value;
    }
  }
  return out;
}
