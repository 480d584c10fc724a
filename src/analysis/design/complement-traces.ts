// tr Δ and tr Δ² of Rao-Scott's Δ = (CᵀQC/N)⁺ CᵀQVQC without the (r−1)(c−1)-square matrices, for large
// tables. With S the cells with p > 0 and W = Q^½ V Q^½ on them, Δ's non-zero eigenvalues are N times those
// of P W, P the projector on the column space of Q^½C. Its complement is spanned by Z = Q^-½ X, X the main
// effects (row + column) that vanish on the empty cells: on a connected part of the empty cells' row–column
// graph the main effect is one number, +t on its rows and −t on its columns. With G = XᵀQ⁻¹X, H = XᵀVX and
// Y = VX:  tr PW = tr W − tr G⁻¹H,  tr (PW)² = tr W² − 2 tr G⁻¹YᵀQY + tr (G⁻¹H)²,  rank = |S| − dim X.
// Cost |S|² · basis, against (r−1)²(c−1)² · basis + (r−1)³(c−1)³ for the contrasts' route.
import type { ColumnMoments } from './column-moments.js';
import type { CellMoments, ContrastDesign, TableDomain } from './contrast-traces.js';
import { emptyCellGraph } from './empty-cell-graph.js';
import { choleskyFactor, factorTraces } from './solve-traces.js';
import { scratch } from './scratch.js';

/** The cells' centred raking coefficients K and scores S ((R_c − p_c ΣR) / W), row-major cells × basis. */
interface CentredCells {
  readonly coefficients: Float64Array;
  readonly scores: Float64Array;
}

export interface ComplementTraces {
  readonly trace: number;
  readonly traceOfSquare: number;
  readonly rank: number;
  /** tr CᵀQVQC (the contrasts' B), for raoScottTest's no-variance rule. */
  readonly contrastTrace: number;
}

/** @returns null where this route would lose digits or could decide the rank otherwise than R: use the contrasts */
export function complementTraces(
  cells: CellMoments,
  moments: ColumnMoments,
  domain: TableDomain,
  design: ContrastDesign,
  scale: number,
): ComplementTraces | null {
  const { q, r, c, total } = domain;
  const kept = keptCells(q);
  if (!withinSpan(q, kept)) return null;
  const centred = { coefficients: centredCells(moments.coefficients, design.basis, domain), scores: centredCells(moments.scores, design.basis, domain) };
  const v = covariance(cells, centred, design, kept, scale);
  const size = kept.length;
  let trace = 0;
  let square = 0;
  for (let k = 0; k < size; k++) {
    const qk = q[kept[k]!]!;
    const diagonal = qk * v[k * size + k]!;
    trace += diagonal;
    let off = 0;
    for (let l = k + 1; l < size; l++) off += q[kept[l]!]! * v[k * size + l]! ** 2;
    square += diagonal * diagonal + 2 * qk * off;
  }
  const effects = mainEffects(q, r, c, kept);
  const d = effects.count;
  const contrastTrace = contrastTraceOf(v, domain, kept);
  if (d === 0) return { trace: total * trace, traceOfSquare: total * total * square, rank: size, contrastTrace };
  const { g, h, yqy } = effectMoments(v, domain, kept, effects);
  const l = choleskyFactor(g, d); // positive definite (X has full column rank, every kept p > 0) but for rounding
  if (!l) return null;
  const onEffects = factorTraces(l, h, d);
  const cross = factorTraces(l, yqy, d).trace;
  const interaction = trace - onEffects.trace;
  const interactionSquare = square - 2 * cross + onEffects.traceOfSquare;
  if (!(interaction * CANCELLATION > trace && interactionSquare * CANCELLATION ** 2 > square)) return null;
  return { trace: total * interaction, traceOfSquare: total * total * interactionSquare, rank: size - d, contrastTrace };
}

/**
 * tr PW is tr W less the main effects' part: where that part is nearly all of it, the difference keeps too
 * few digits, and the contrasts' route takes over (on the synthetic waves of 412 to 100,000 the tables that
 * take this route have tr W / tr PW ≤ 1.5). Also where the cell shares span more than SHARE_SPAN:
 * then A could have an eigenvalue within R's ginv tolerance (√ε of the largest) that is not exactly 0, and
 * R's rank would not be the empty cells' (rank = |S| − dim X here).
 */
const CANCELLATION = 1e2;
const SHARE_SPAN = 1e6;

/** (R_c − p_c Σ R) / W per cell: the cells' centred raw rows, row-major cells × width. */
function centredCells(raw: Float64Array, width: number, { source, p, total }: TableDomain): Float64Array {
  const sum = scratch.take(width);
  for (const column of source) for (let l = 0; l < width; l++) sum[l]! += raw[column * width + l]!;
  const out = scratch.takeUnfilled(source.length * width);
  for (let cell = 0; cell < source.length; cell++) {
    const from = source[cell]! * width;
    for (let l = 0; l < width; l++) out[cell * width + l] = (raw[from + l]! - p[cell]! * sum[l]!) / total;
  }
  return out;
}

function withinSpan(q: Float64Array, kept: Int32Array): boolean {
  let smallest = Infinity;
  let largest = 0;
  for (const cell of kept) {
    smallest = Math.min(smallest, q[cell]!);
    largest = Math.max(largest, q[cell]!);
  }
  return largest <= SHARE_SPAN * smallest;
}

function keptCells(q: Float64Array): Int32Array {
  const kept: number[] = [];
  q.forEach((value, cell) => value !== 0 && kept.push(cell));
  return Int32Array.from(kept);
}

/**
 * V = scale · (diag(y2) − p y2ᵀ − y2 pᵀ + m2 p pᵀ + T Kᵀ + K Tᵀ) on the kept cells, T = K Φ / 2 − S
 * (the sandwich of contrast-traces.ts before the contrasts).
 */
function covariance(cells: CellMoments, centred: CentredCells, { basis, gram, gramColumns }: ContrastDesign, kept: Int32Array, scale: number): Float64Array {
  const size = kept.length;
  const { p, squares: y2, m2 } = cells;
  const { coefficients: k, scores: s } = centred;
  const t = scratch.take(size * basis);
  for (let i = 0; i < size; i++) {
    const row = kept[i]! * basis;
    const at = i * basis;
    for (let j = 0; j < basis; j++) {
      const coefficient = k[row + j]!;
      if (coefficient === 0) continue;
      for (let e = gramColumns.start[j]!; e < gramColumns.start[j + 1]!; e++) t[at + gramColumns.column[e]!]! += coefficient * gram[j * basis + gramColumns.column[e]!]!;
    }
    for (let j = 0; j < basis; j++) t[at + j] = t[at + j]! / 2 - s[row + j]!;
  }
  const v = scratch.takeUnfilled(size * size);
  for (let i = 0; i < size; i++) {
    const ci = kept[i]!;
    const rowI = ci * basis;
    for (let m = i; m < size; m++) {
      const cm = kept[m]!;
      const rowM = cm * basis;
      let value = (i === m ? y2[ci]! : 0) - p[ci]! * y2[cm]! - y2[ci]! * p[cm]! + m2 * p[ci]! * p[cm]!;
      for (let j = 0; j < basis; j++) value += t[i * basis + j]! * k[rowM + j]! + k[rowI + j]! * t[m * basis + j]!;
      v[i * size + m] = v[m * size + i] = scale * value;
    }
  }
  return v;
}

/** tr CᵀQVQC = Σ q_k V_kl q_l (CCᵀ)_lk, CCᵀ = ρ_r ⊗ ρ_c with ρ_n(i, i') = [i = i' ≥ 1] − ([i ≥ 1] + [i' ≥ 1]) / n + (n − 1) / n². */
function contrastTraceOf(v: Float64Array, { q, r, c }: TableDomain, kept: Int32Array): number {
  const rowRho = rhoTable(r);
  const columnRho = rhoTable(c);
  const size = kept.length;
  let sum = 0;
  for (let k = 0; k < size; k++) {
    const ck = kept[k]!;
    const a = (ck % r) * r;
    const b = ((ck / r) | 0) * c;
    let row = 0;
    for (let l = 0; l < size; l++) {
      const cl = kept[l]!;
      row += v[k * size + l]! * q[cl]! * rowRho[a + (cl % r)]! * columnRho[b + ((cl / r) | 0)]!;
    }
    sum += q[ck]! * row;
  }
  return sum;
}

function rhoTable(n: number): Float64Array {
  const table = scratch.takeUnfilled(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) table[i * n + j] = (i === j && i > 0 ? 1 : 0) - ((i > 0 ? 1 : 0) + (j > 0 ? 1 : 0)) / n + (n - 1) / (n * n);
  return table;
}

interface MainEffects {
  /** dim X: the connected parts of the empty cells' graph on rows and columns, less one. */
  readonly count: number;
  /** Per kept cell, the X columns of its row (+1) and its column (−1); −1 for the part left out. */
  readonly plus: Int32Array;
  readonly minus: Int32Array;
}

function mainEffects(q: Float64Array, r: number, c: number, kept: Int32Array): MainEffects {
  const { part, parts } = emptyCellGraph(q, r, c);
  // Part 0 is left out: the main effects are defined up to one common shift of rows against columns.
  const plus = Int32Array.from(kept, (cell) => part[cell % r]! - 1);
  const minus = Int32Array.from(kept, (cell) => part[r + ((cell / r) | 0)]! - 1);
  return { count: parts - 1, plus, minus };
}

/** G = XᵀQ⁻¹X, H = XᵀVX and YᵀQY for Y = VX, X's rows e_plus − e_minus (a cell whose row and column share a part is 0). */
function effectMoments(v: Float64Array, { p, q }: TableDomain, kept: Int32Array, { count: d, plus, minus }: MainEffects) {
  const size = kept.length;
  const y = scratch.take(size * d);
  const g = scratch.take(d * d);
  for (let l = 0; l < size; l++) {
    const a = plus[l]!;
    const b = minus[l]!;
    if (a === b) continue;
    const share = p[kept[l]!]!;
    if (a >= 0) g[a * d + a]! += share;
    if (b >= 0) g[b * d + b]! += share;
    if (a >= 0 && b >= 0) {
      g[a * d + b]! -= share;
      g[b * d + a]! -= share;
    }
    for (let k = 0; k < size; k++) {
      const value = v[k * size + l]!;
      if (a >= 0) y[k * d + a]! += value;
      if (b >= 0) y[k * d + b]! -= value;
    }
  }
  const h = scratch.take(d * d);
  const yqy = scratch.take(d * d);
  for (let k = 0; k < size; k++) {
    const a = plus[k]!;
    const b = minus[k]!;
    const qk = q[kept[k]!]!;
    for (let i = 0; i < d; i++) {
      const yi = y[k * d + i]!;
      if (a !== b) {
        if (a >= 0) h[a * d + i]! += yi;
        if (b >= 0) h[b * d + i]! -= yi;
      }
      for (let j = 0; j < d; j++) yqy[i * d + j]! += qk * yi * y[k * d + j]!;
    }
  }
  return { g, h, yqy };
}
