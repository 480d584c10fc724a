// survey::svyrecvar for postStrata of class "raking": 10 passes of
//   x ← x − psw · ave(x / psw, margin)   for margin in (size_class, state),
// with psw the weights after that margin's post-stratification in the last sweep. Every step subtracts a
// per-category multiple of psw, so the adjusted influence function is z0 − v·a[k] − w·b[t] (v, w: weights
// after the first and the second margin), and (a; b) is linear in the per-category sums of z0/v and z0/w.
// That linear map is computed once per design and reused for every column of every table.
import type { RakedDesign } from './raked-design.js';

/** Passes of the projection loop in svyrecvar (`for(iterations in 1:10)`). */
const PASSES = 10;

/**
 * The adjusted and centred influence function of a column is z0 − Σ_j c_j φ_j, with the basis
 * φ_k = v·[size class k], φ_{K+t} = w·[state t], φ_last = 1 (the centring by z̄ of the variance).
 */
export interface RakingProjection {
  readonly design: RakedDesign;
  /** Basis functions: size classes + states + 1. */
  readonly basis: number;
  /** Σ over respondents of φ φᵀ, row-major `basis × basis`. */
  readonly gram: Float64Array;
  /** Non-zero columns of each row j of `gram`: `column[start[j] … start[j + 1] − 1]`, ascending. */
  readonly gramColumns: { readonly start: Int32Array; readonly column: Int32Array };
  /** Size class k of each raking cell h = k · states + t. */
  readonly sizeClassOf: Int32Array;
  /**
   * Writes the coefficients c of a column given by its sums per raking cell (length H) into
   * `out[at … at + basis − 1]`: a, b and z̄ = mean of the adjusted function over all n respondents. The first
   * `occupied` entries of `cells` list the cells with a non-zero sum. (Offsets, not subarrays: a view per
   * column of every table was a measurable share of the small waves' time.)
   */
  readonly coefficients: (cellSums: Float64Array, out: Float64Array, at: number, cells: Int32Array, occupied: number) => void;
  /**
   * Row-major `H × basis`: the coefficients of a unit sum in raking cell h. `coefficients` is linear, so a
   * column with sums in few cells is Σ_h sum_h · row h; cheaper than the map where a column's cells are few.
   */
  readonly cellCoefficients: Float64Array;
}

export function rakingProjection(design: RakedDesign): RakingProjection {
  const rows = design.sizeClasses.length;
  const cols = design.states.length;
  const { cellRespondents: count, cellWeight: w, cellWeightFirst: v } = design;
  const size = rows + cols;
  // Stored transposed (column j of the map at j · size) so that applying it runs along memory.
  const map = new Float64Array(size * size);
  const unit = new Float64Array(size);
  const ab = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    unit.fill(0);
    unit[j] = 1;
    iterate(unit, ab, rows, cols, count, v, w);
    map.set(ab, j * size);
  }
  // Σ_i φ_i for the centring: n_k·v and n_t·w summed per category.
  const basisTotals = new Float64Array(size);
  for (let k = 0, h = 0; k < rows; k++) {
    for (let t = 0; t < cols; t++, h++) {
      basisTotals[k]! += count[h]! * v[h]!;
      basisTotals[rows + t]! += count[h]! * w[h]!;
    }
  }
  const n = design.respondents;
  const inverseV = v.map((value) => 1 / value);
  const inverseW = w.map((value) => 1 / value);
  const sizeClassOf = Int32Array.from({ length: rows * cols }, (_, h) => (h / cols) | 0);
  const sigma = new Float64Array(size);
  const coefficients = (cellSums: Float64Array, out: Float64Array, at: number, cells: Int32Array, occupied: number): void => {
    sigma.fill(0);
    let sum = 0;
    for (let i = 0; i < occupied; i++) {
      const h = cells[i]!;
      const s = cellSums[h]!;
      const k = sizeClassOf[h]!;
      sum += s;
      sigma[k]! += s * inverseV[h]!;
      sigma[rows + h - k * cols]! += s * inverseW[h]!;
    }
    out.fill(0, at, at + size);
    for (let j = 0; j < size; j++) {
      const s = sigma[j]!;
      if (s === 0) continue;
      const column = j * size;
      for (let i = 0; i < size; i++) out[at + i]! += map[column + i]! * s;
    }
    let corrected = 0;
    for (let i = 0; i < size; i++) corrected += out[at + i]! * basisTotals[i]!;
    out[at + size] = (sum - corrected) / n;
  };
  const gram = gramOf(design, rows, cols);
  const cellCoefficients = new Float64Array(rows * cols * (size + 1));
  const unitSum = new Float64Array(rows * cols);
  const onlyCell = new Int32Array(1);
  for (let h = 0; h < rows * cols; h++) {
    unitSum[h] = 1;
    onlyCell[0] = h;
    coefficients(unitSum, cellCoefficients, h * (size + 1), onlyCell, 1);
    unitSum[h] = 0;
  }
  return { design, basis: size + 1, gram, gramColumns: nonZeroColumns(gram, size + 1), sizeClassOf, coefficients, cellCoefficients };
}

/** The 10 passes on margin sums σ = (σ1; σ2), returning the accumulated (a; b). */
function iterate(
  sigma: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  count: Float64Array,
  v: Float64Array,
  w: Float64Array,
): void {
  out.fill(0);
  for (let pass = 0; pass < PASSES; pass++) {
    for (let k = 0; k < rows; k++) {
      // a[k] += mean over size class k of z / v, with z = z0 − v·a − w·b
      let units = 0;
      let cross = 0;
      for (let t = 0; t < cols; t++) {
        const h = k * cols + t;
        units += count[h]!;
        if (count[h]! > 0) cross += ((count[h]! * w[h]!) / v[h]!) * out[rows + t]!;
      }
      out[k] = (sigma[k]! - cross) / units;
    }
    for (let t = 0; t < cols; t++) {
      // b[t] += mean over state t of z / w
      let units = 0;
      let cross = 0;
      for (let k = 0; k < rows; k++) {
        const h = k * cols + t;
        units += count[h]!;
        if (count[h]! > 0) cross += ((count[h]! * v[h]!) / w[h]!) * out[k]!;
      }
      out[rows + t] = (sigma[rows + t]! - cross) / units;
    }
  }
}

function gramOf(design: RakedDesign, rows: number, cols: number): Float64Array {
  const { cellRespondents: count, cellWeight: w, cellWeightFirst: v } = design;
  const basis = rows + cols + 1;
  const last = basis - 1;
  const gram = new Float64Array(basis * basis);
  const add = (i: number, j: number, value: number): void => {
    gram[i * basis + j]! += value;
    if (i !== j) gram[j * basis + i]! += value;
  };
  for (let k = 0, h = 0; k < rows; k++) {
    for (let t = 0; t < cols; t++, h++) {
      const n = count[h]!;
      if (n === 0) continue;
      add(k, k, n * v[h]! * v[h]!);
      add(rows + t, rows + t, n * w[h]! * w[h]!);
      add(k, rows + t, n * v[h]! * w[h]!);
      add(k, last, n * v[h]!);
      add(rows + t, last, n * w[h]!);
      add(last, last, n);
    }
  }
  return gram;
}

function nonZeroColumns(matrix: Float64Array, size: number): { start: Int32Array; column: Int32Array } {
  const start = new Int32Array(size + 1);
  const column: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (matrix[i * size + j] !== 0) column.push(j);
    start[i + 1] = column.length;
  }
  return { start, column: Int32Array.from(column) };
}
