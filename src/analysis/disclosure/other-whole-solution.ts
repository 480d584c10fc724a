// Whether published sums pin hidden counts although they do not fix them linearly, or leave them only a few
// other values: counts are whole and never negative, so n1 + n2 + n3 = 6 and 3·n1 + 5·n2 + 8·n3 = 32 allow
// (2, 2, 2) only. First the cheap witnesses: the truth moved by small multiples of each integer vector
// spanning the sums' null space, and by ±1 of each combination of them (with much mass in the hidden cells
// most of them stay ≥ 0); then a depth-first search over the unknowns, pruned by each sum's remaining
// total. Ours because the question is tiny (a column's hidden cells) and the product needs no
// integer-programming solver for it.
import { reduceRows } from './reduce-rows.js';

/** Σ coefficients[i] · n[i] = the same sum over the true counts; coefficients ≥ 0, one per unknown. */
export interface WholeSum {
  readonly coefficients: readonly number[];
}

/** Search nodes after which counting stops with what it found (the caller then hides more). */
const BUDGET = 200_000;

/**
 * How many whole, non-negative n other than `truth` meet every sum, counted up to `wanted`; fewer when the
 * search ran out of budget (treat the missing ones as absent: the caller hides more). The first sum must
 * have every coefficient > 0 (the column's count of the hidden cells), which bounds each unknown.
 */
export function otherWholeSolutions(truth: readonly number[], sums: readonly WholeSum[], wanted: number): number {
  const rows = sums.map(({ coefficients }) => coefficients);
  const nearby = nearbySolutions(truth, nullSpace(rows, truth.length), rows, wanted);
  return nearby >= wanted ? nearby : Math.max(nearby, searchOthers(truth, sums, wanted));
}

/** Combinations with coefficients −1, 0, 1 of up to this many null-space vectors are tried (3⁶ − 1 moves). */
const MAX_MOVE_BASIS = 6;

/** Distinct solutions among the truth's moves (multiples of one vector, then ±1 combinations), up to `wanted`. */
function nearbySolutions(truth: readonly number[], basis: readonly number[][], rows: readonly (readonly number[])[], wanted: number): number {
  // Checked in whole numbers: a vector that rounding put off the null space is no witness.
  const same = (moved: readonly number[]) => rows.every((row) => row.reduce((sum, c, i) => sum + c * (moved[i]! - truth[i]!), 0) === 0);
  const found = new Set<string>();
  const consider = (moved: readonly number[]): void => {
    if (found.size < wanted && moved.every((n) => n >= 0) && moved.some((n, i) => n !== truth[i]) && same(moved)) found.add(moved.join(','));
  };
  for (const vector of basis) {
    for (let step = 1; step <= wanted && found.size < wanted; step++) {
      for (const sign of [1, -1]) consider(truth.map((n, i) => n + sign * step * vector[i]!));
    }
  }
  // Reached only when every vector's ±1 move above was tried, so combinations of one vector are skipped.
  const used = basis.slice(0, MAX_MOVE_BASIS);
  for (let code = 1; code < 3 ** used.length && found.size < wanted; code++) {
    const moved = [...truth];
    let vectors = 0;
    for (let j = 0, rest = code; j < used.length; j++, rest = Math.floor(rest / 3)) {
      const factor = (rest % 3) - 1;
      if (factor === 0) continue;
      vectors++;
      used[j]!.forEach((x, i) => (moved[i]! += factor * x));
    }
    if (vectors > 1) consider(moved);
  }
  return found.size;
}

/**
 * Integer vectors spanning { z : rows · z = 0 } (reduced row echelon form; each vector for one free
 * unknown, scaled to whole numbers). Coefficients are small integers, so the scales are too.
 */
function nullSpace(rows: readonly (readonly number[])[], size: number): number[][] {
  const matrix = rows.map((row) => Float64Array.from(row));
  const pivots = reduceRows(matrix, size);
  const free = [...Array(size).keys()].filter((column) => !pivots.includes(column));
  return free.flatMap((f) => {
    const vector = new Array<number>(size).fill(0);
    vector[f] = 1;
    pivots.forEach((column, r) => (vector[column] = -matrix[r]![f]!));
    const scale = wholeScale(vector);
    return scale === undefined ? [] : [vector.map((x) => Math.round(scale * x))];
  });
}

/** The least multiplier up to 1000 that makes every entry whole. */
function wholeScale(vector: readonly number[]): number | undefined {
  for (let m = 1; m <= 1000; m++) if (vector.every((x) => Math.abs(m * x - Math.round(m * x)) < 1e-6)) return m;
  return undefined;
}

/** Every solution other than the truth, depth first, counted up to `wanted` or until the budget is spent. */
function searchOthers(truth: readonly number[], sums: readonly WholeSum[], wanted: number): number {
  const totals = sums.map(({ coefficients }) => coefficients.reduce((total, c, i) => total + c * truth[i]!, 0));
  // Per sum, whether any unknown from i on still takes part in it.
  const later = sums.map(({ coefficients }) => {
    const out = new Array<boolean>(truth.length + 1).fill(false);
    for (let i = truth.length - 1; i >= 0; i--) out[i] = out[i + 1]! || coefficients[i]! > 0;
    return out;
  });
  let nodes = 0;
  let found = 0;
  const search = (i: number, remaining: readonly number[], same: boolean): void => {
    if (found >= wanted || ++nodes > BUDGET) return;
    if (remaining.some((left, s) => left < 0 || (left > 0 && !later[s]![i]))) return;
    if (i === truth.length) {
      if (!same) found++;
      return;
    }
    const bound = Math.min(...sums.map(({ coefficients }, s) => (coefficients[i]! > 0 ? Math.floor(remaining[s]! / coefficients[i]!) : Infinity)));
    for (let n = bound; n >= 0; n--) search(i + 1, remaining.map((left, s) => left - sums[s]!.coefficients[i]! * n), same && n === truth[i]);
  };
  search(0, totals, true);
  return found;
}
