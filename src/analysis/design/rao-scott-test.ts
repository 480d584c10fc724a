// Rao-Scott second-order F test of a value × group table on the raked design, as survey's
// svychisq(~value + group, subset(design, domain), statistic = "F"): with p̂ the cell shares, V their
// linearisation covariance, C the interaction contrasts (treatment coding, residuals on the main effects)
// and D = diag(p̂):  Δ = (Cᵀ D⁻¹ C / N)⁺ · Cᵀ D⁻¹ V D⁻¹ C,  F = X²/tr Δ,  d0 = (tr Δ)² / tr Δ²,
// F ~ F(d0, d0 · ddf) with ddf = degf(domain) = domain units − 1. ⁺: R's solve, and the Moore–Penrose
// pseudo-inverse where the matrix is singular (statistics.md).
import { pearsonStatistic } from '../stats/chi-square-test.js';
import { cramersV } from '../stats/cramers-v.js';
import type { ColumnMoments } from './column-moments.js';
import type { RaoScottTableTest } from '../results-document.js';
import { fUpperTail } from './f-upper-tail.js';
import { pseudoInverseTraces, type PseudoInverseTraces } from './pseudo-inverse-traces.js';
import type { RakingProjection } from './raking-projection.js';
import { solveTraces } from './solve-traces.js';
import { scratch } from './scratch.js';

/** The weighted test of a table, as in the results document. */
export type RaoScottResult = RaoScottTableTest;

/** What the test needs of the design: the basis of the raking adjustment and the number of rows. */
export type RaoScottDesign = Pick<RakingProjection, 'basis' | 'gram' | 'gramColumns'> & { readonly design: { readonly respondents: number } };

export interface RaoScottOptions {
  /**
   * The groups are the strata of a stacked design (the waves of a trend, stacked-design.ts): the moments
   * and the basis Gram already carry each stratum's n_h / (n_h − 1), and ddf = d0 · (domain units − strata
   * with units in the domain), as degf() of the subset.
   */
  readonly groupsAreStrata?: boolean;
}

/**
 * @param moments columnMoments of the table, column g · values + v
 * @returns null when fewer than 2 values or groups have units, or the design leaves no variance (NO_VARIANCE)
 */
export function raoScottTest(
  projection: RaoScottDesign,
  moments: ColumnMoments,
  groups: number,
  values: number,
  options: RaoScottOptions = {},
): RaoScottResult | null {
  scratch.reset();
  const kept = keptLines(moments.units, groups, values);
  const r = kept.values.length;
  const c = kept.groups.length;
  if (r < 2 || c < 2) return null;
  const { basis } = projection;
  const size = r * c;
  // Cell (a, b) of the kept table at b · r + a (R's interaction order), from moment column `source`.
  const source = new Int32Array(size);
  for (let b = 0, cell = 0; b < c; b++) for (let a = 0; a < r; a++, cell++) source[cell] = kept.groups[b]! * values + kept.values[a]!;
  let total = 0;
  let units = 0;
  let squares = 0;
  for (const column of source) {
    total += moments.sums[column]!;
    units += moments.units[column]!;
    squares += moments.squares[column]!;
  }
  const p = scratch.takeUnfilled(size);
  const q = scratch.takeUnfilled(size);
  const cellSquares = scratch.takeUnfilled(size);
  for (let cell = 0; cell < size; cell++) {
    const column = source[cell]!;
    p[cell] = moments.sums[column]! / total;
    q[cell] = p[cell] === 0 ? 0 : 1 / p[cell]!;
    cellSquares[cell] = moments.squares[column]! / total ** 2;
  }
  const weighted = scratch.takeUnfilled(size);
  for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) weighted[a * c + b] = p[b * r + a]! * total;
  const pearson = pearsonStatistic(weighted, r, c);
  const cramers_v = cramersV(pearson, total, r, c);
  // Domain influence functions: coefficients (K_c − p_c ΣK) / W and scores (R_c − p_c ΣR) / W.
  const domain = { source, p, q, total, r, c };
  const gK = centredContrasts(moments.coefficients, basis, domain);
  const gS = centredContrasts(moments.scores, basis, domain);
  const full = (r - 1) * (c - 1);
  const a = contrastGram(q, r, c, 1 / total);
  const n = projection.design.respondents;
  const scale = options.groupsAreStrata ? 1 : n / (n - 1);
  const b = sandwich({ q, p, squares: cellSquares, m2: squares / total ** 2, gK, gS }, projection, r, c, scale);
  if (!(diagonalSum(b, full) > NO_VARIANCE * unadjustedTrace(q, cellSquares, r, c, scale))) return null;
  // Empty cells on a cycle make A singular in exact arithmetic: R's solve fails there, so go straight to ⁺.
  const solved = emptyCellsOnCycle(q, r, c) ? null : solveTraces(a, b, full);
  const traces = solved ?? pseudoInverseTraces(a, b, full);
  if (!(traces.trace > 0) || !(traces.traceOfSquare > 0)) return null;
  const statistic = pearson / traces.trace;
  const df = (traces.trace * traces.trace) / traces.traceOfSquare;
  const ddf = df * (units - (options.groupsAreStrata ? c : 1));
  const result = { method: 'rao-scott' as const, statistic, df, ddf, p: fUpperTail(statistic, df, ddf), cramers_v };
  const rank = solved ? full : (traces as PseudoInverseTraces).rank;
  return rank < full ? { ...result, rank_deficient: { rank, full } } : result;
}

/**
 * The raking can explain a table entirely (e.g. every respondent alone in its state): its variance is then
 * rounding noise, some 1e-16 of the variance before the adjustment, and F = X² / tr Δ would be ~1e16 with
 * p ≈ 0 — a "significant" difference made of rounding. Below this share of that variance, no test.
 */
const NO_VARIANCE = 1e-9;

function diagonalSum(matrix: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += matrix[i * size + i]!;
  return sum;
}

/** tr(scale · Cᵀ diag(q² y2) C), the sandwich's leading term, as Σ_ab q² y2 · Σ_i (δ_ai − 1/r)² · Σ_j (δ_bj − 1/c)². */
function unadjustedTrace(q: Float64Array, squares: Float64Array, r: number, c: number, scale: number): number {
  const along = (lines: number, line: number) => (line === 0 ? (lines - 1) / lines ** 2 : (1 - 1 / lines) ** 2 + (lines - 2) / lines ** 2);
  let sum = 0;
  for (let b = 0; b < c; b++) for (let a = 0; a < r; a++) sum += q[b * r + a]! ** 2 * squares[b * r + a]! * along(r, a) * along(c, b);
  return scale * sum;
}

/**
 * Whether the empty cells (q = 0) of the r × c grid, as edges between their row and column, close a cycle:
 * exactly then a non-zero doubly centred table lives on them alone, so C·x = 0 off them and A·x = 0.
 */
function emptyCellsOnCycle(q: Float64Array, r: number, c: number): boolean {
  const root = Int32Array.from({ length: r + c }, (_, node) => node);
  const find = (node: number): number => {
    while (root[node] !== node) node = root[node] = root[root[node]!]!;
    return node;
  };
  for (let b = 0; b < c; b++) {
    for (let a = 0; a < r; a++) {
      if (q[b * r + a] !== 0) continue;
      const row = find(a);
      const column = find(r + b);
      if (row === column) return true;
      root[row] = column;
    }
  }
  return false;
}

function keptLines(units: Float64Array, groups: number, values: number): { values: number[]; groups: number[] } {
  const valueSums = scratch.take(values);
  const groupSums = scratch.take(groups);
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

interface Domain {
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
 * Gᵀ X (contrastProduct) for X_cell = (R_c − p_cell Σ R) / W, R the raw rows (`width` wide) of the cells' moment
 * columns: q·X computed once per cell, every sum kept in contrastProduct's order.
 */
function centredContrasts(raw: Float64Array, width: number, { source, p, q, total, r, c }: Domain): Float64Array {
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
function centredTwoRows(raw: Float64Array, width: number, sum: Float64Array, { source, p, q, total, c }: Domain): Float64Array {
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

interface DomainMoments {
  readonly q: Float64Array;
  readonly p: Float64Array;
  /** Σ α² y per cell and over the domain (α = w / W). */
  readonly squares: Float64Array;
  readonly m2: number;
  /** Gᵀ of the domain's coefficients K and scores S (centredContrasts). */
  readonly gK: Float64Array;
  readonly gS: Float64Array;
}

/**
 * GᵀVG for V = scale · (P0 − S Kᵀ − K Sᵀ + K Φ Kᵀ) (K: coefficients, S: scores, Φ: basis Gram),
 * P0 = diag(y2) − p y2ᵀ − y2 pᵀ + m2 · p pᵀ: with gp = Gᵀp, gy = Gᵀy2, gS = GᵀS, gK = GᵀK and T = gK Φ / 2 − gS,
 * GᵀVG = scale · (Cᵀdiag(q²y2)C − gp gyᵀ − gy gpᵀ + m2 gp gpᵀ + T gKᵀ + gK Tᵀ).
 */
function sandwich(d: DomainMoments, projection: RaoScottDesign, r: number, c: number, scale: number): Float64Array {
  const { basis, gram, gramColumns } = projection;
  const full = (r - 1) * (c - 1);
  const weights = scratch.takeUnfilled(r * c);
  for (let cell = 0; cell < r * c; cell++) weights[cell] = d.q[cell]! * d.q[cell]! * d.squares[cell]!;
  const out = contrastGram(weights, r, c, 1);
  const gp = contrastProduct(d.q, d.p, 1, r, c);
  const gy = contrastProduct(d.q, d.squares, 1, r, c);
  const { gK, gS } = d;
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
