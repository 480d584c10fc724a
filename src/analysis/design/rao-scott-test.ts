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
import { complementTraces } from './complement-traces.js';
import { contrastTraces, type ContrastDesign } from './contrast-traces.js';
import { fUpperTail } from './f-upper-tail.js';
import { scratch } from './scratch.js';

/** The weighted test of a table, as in the results document. */
export type RaoScottResult = RaoScottTableTest;

/** What the test needs of the design: the basis of the raking adjustment and the number of rows. */
export type RaoScottDesign = ContrastDesign & { readonly design: { readonly respondents: number } };

export interface RaoScottOptions {
  /**
   * The groups are the strata of a stacked design (the waves of a trend, stacked-design.ts): the moments
   * and the basis Gram already carry each stratum's n_h / (n_h − 1), and ddf = d0 · (domain units − strata
   * with units in the domain), as degf() of the subset.
   */
  readonly groupsAreStrata?: boolean;
  /**
   * Which route computes tr Δ and tr Δ² (default: the cheaper for the table's size, complement-traces.ts for
   * large tables); both give the same. Forced to 'complement', a table that route declines gets no test.
   */
  readonly traces?: 'contrasts' | 'complement';
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
  const full = (r - 1) * (c - 1);
  const n = projection.design.respondents;
  const scale = options.groupsAreStrata ? 1 : n / (n - 1);
  const cellMoments = { q, p, squares: cellSquares, m2: squares / total ** 2 };
  const floor = NO_VARIANCE * unadjustedTrace(q, cellSquares, r, c, scale);
  const route = options.traces ?? (complementIsCheaper(q, full, basis) ? 'complement' : 'contrasts');
  const complement = route === 'complement' ? complementTraces(cellMoments, moments, domain, projection, scale) : null;
  if (complement && !(complement.contrastTrace > floor)) return null;
  // Where the complement route declines (null), the contrasts' route; forced to the complement, no test.
  const traces = complement ?? (options.traces === 'complement' ? null : contrastTraces(cellMoments, moments, domain, projection, scale, floor));
  if (!traces || !(traces.trace > 0) || !(traces.traceOfSquare > 0)) return null;
  const statistic = pearson / traces.trace;
  const df = (traces.trace * traces.trace) / traces.traceOfSquare;
  const ddf = df * (units - (options.groupsAreStrata ? c : 1));
  const result = { method: 'rao-scott' as const, statistic, df, ddf, p: fUpperTail(statistic, df, ddf), cramers_v };
  return traces.rank < full ? { ...result, rank_deficient: { rank: traces.rank, full } } : result;
}

/**
 * Operation counts of the two routes: the contrasts' sandwich (full² · basis) and solves (about 0.8 full³),
 * against the cells' covariance (|S|² · basis) and its main-effect terms.
 */
function complementIsCheaper(q: Float64Array, full: number, basis: number): boolean {
  let cells = 0;
  for (const value of q) if (value !== 0) cells++;
  return cells * cells * (basis + 4) < full * full * basis + 0.8 * full ** 3;
}

/**
 * The raking can explain a table entirely (e.g. every respondent alone in its state): its variance is then
 * rounding noise, some 1e-16 of the variance before the adjustment, and F = X² / tr Δ would be ~1e16 with
 * p ≈ 0 — a "significant" difference made of rounding. Below this share of that variance, no test.
 */
const NO_VARIANCE = 1e-9;

/** tr(scale · Cᵀ diag(q² y2) C), the sandwich's leading term, as Σ_ab q² y2 · Σ_i (δ_ai − 1/r)² · Σ_j (δ_bj − 1/c)². */
function unadjustedTrace(q: Float64Array, squares: Float64Array, r: number, c: number, scale: number): number {
  const along = (lines: number, line: number) => (line === 0 ? (lines - 1) / lines ** 2 : (1 - 1 / lines) ** 2 + (lines - 2) / lines ** 2);
  let sum = 0;
  for (let b = 0; b < c; b++) for (let a = 0; a < r; a++) sum += q[b * r + a]! ** 2 * squares[b * r + a]! * along(r, a) * along(c, b);
  return scale * sum;
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

