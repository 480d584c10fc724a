// statistics.md "Weighted": raking of the respondents to the register's units by size_class and by state,
// as survey::rake(svydesign(ids = ~1, weights = ~w0), list(~size_class, ~state), …,
// control = list(maxit = 1000, epsilon = 1e-12)) with w0 = N / n.
import type { RakedDesign } from '../design/raked-design.js';
import { MISSING, type CodedVariable } from '../wave-data.js';
import { excludeEmptyCategories, type ExcludedCategory } from './exclude-empty-categories.js';
import { fitCellWeights, type CellFit } from './fit-cell-weights.js';
import { kishDesignEffect } from './kish-design-effect.js';
import type { TargetMargins } from './target-margins.js';

export interface RakingInput {
  /** The respondents' size class and state (WaveData groupings `size_class`, `state`). */
  readonly sizeClass: Pick<CodedVariable, 'values' | 'codes'>;
  readonly state: Pick<CodedVariable, 'values' | 'codes'>;
  readonly target: TargetMargins;
  /**
   * Optional trimming, as multiples of the mean weight N / n: weights outside [lower, upper] × mean are
   * clipped and the clipped weights raked again, until raking leaves every weight within the bounds
   * (trim-and-rerake as in anesrake; off by default, not part of statistics.md). Where the bounds cannot
   * be met together with the margins, the weights still meet the margins and `converged` is false.
   */
  readonly trim?: { readonly lower: number; readonly upper: number };
  /** Relative tolerance (× sum of the start weights); default 1e-12. */
  readonly epsilon?: number;
  readonly maxSweeps?: number;
}

export interface RakingResult {
  /** One weight per respondent. */
  readonly weights: Float64Array;
  /** Sweeps of the (last) raking. */
  readonly iterations: number;
  /** Kish, n · Σw² / (Σw)². */
  readonly designEffect: number;
  readonly excluded: readonly ExcludedCategory[];
  readonly converged: boolean;
  /** Trim-and-rerake rounds (0 without trimming). */
  readonly trimRounds: number;
  /** The raked design for variances and tests. */
  readonly design: RakedDesign;
}

const MAX_TRIM_ROUNDS = 100;

export function rakeWeights(input: RakingInput): RakingResult {
  const { target } = input;
  const rowOf = categoryIndex(input.sizeClass, target.sizeClasses, 'Größenklasse');
  const colOf = categoryIndex(input.state, target.states, 'Land');
  const n = rowOf.length;
  const rowCounts = tally(rowOf, target.sizeClasses.length);
  const colCounts = tally(colOf, target.states.length);
  const kept = excludeEmptyCategories(target, rowCounts, colCounts);
  const rows = kept.sizeClasses.length;
  const cols = kept.states.length;
  const rowTo = remap(kept.sizeClasses, target.sizeClasses.length);
  const colTo = remap(kept.states, target.states.length);
  const cellOf = new Uint16Array(n);
  const respondents = new Float64Array(rows * cols);
  for (let i = 0; i < n; i++) {
    const h = rowTo[rowOf[i]!]! * cols + colTo[colOf[i]!]!;
    cellOf[i] = h;
    respondents[h]! += 1;
  }
  const sizeClassTotals = Float64Array.from(kept.sizeClasses, (k) => lineSum(target, k, kept.states, true));
  const stateTotals = Float64Array.from(kept.states, (t) => lineSum(target, t, kept.sizeClasses, false));
  checkPopulated(sizeClassTotals, kept.sizeClasses.map((k) => target.sizeClasses[k]!));
  checkPopulated(stateTotals, kept.states.map((t) => target.states[t]!));
  const total = sizeClassTotals.reduce((sum, units) => sum + units, 0);
  const mean = total / n;
  const problem = {
    sizeClasses: rows,
    states: cols,
    respondents,
    sizeClassTotals,
    stateTotals,
    maxSweeps: input.maxSweeps ?? 1000,
  };
  const rake = (start: Float64Array): CellFit => {
    let startTotal = 0;
    for (let h = 0; h < start.length; h++) startTotal += respondents[h]! * start[h]!;
    return fitCellWeights({ ...problem, start, epsilon: (input.epsilon ?? 1e-12) * startTotal });
  };
  let fit = rake(new Float64Array(rows * cols).fill(mean));
  let trimRounds = 0;
  if (input.trim) {
    const lower = input.trim.lower * mean;
    const upper = input.trim.upper * mean;
    while (trimRounds < MAX_TRIM_ROUNDS && outside(fit.weights, respondents, lower, upper)) {
      trimRounds++;
      fit = rake(fit.weights.map((weight) => Math.min(upper, Math.max(lower, weight))));
    }
  }
  const withinBounds = !input.trim || !outside(fit.weights, respondents, input.trim.lower * mean, input.trim.upper * mean);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = fit.weights[cellOf[i]!]!;
  return {
    weights,
    iterations: fit.sweeps,
    designEffect: kishDesignEffect(weights),
    excluded: kept.excluded,
    converged: fit.converged && withinBounds,
    trimRounds,
    design: {
      respondents: n,
      sizeClasses: kept.sizeClasses.map((k) => target.sizeClasses[k]!),
      states: kept.states.map((t) => target.states[t]!),
      cellOf,
      cellRespondents: respondents,
      cellWeight: fit.weights,
      cellWeightFirst: fit.afterFirstMargin,
    },
  };
}

function categoryIndex(variable: Pick<CodedVariable, 'values' | 'codes'>, categories: readonly string[], label: string): Int32Array {
  const lookup = new Map(categories.map((value, index) => [value, index]));
  const byCode = Int32Array.from(variable.values, (value) => lookup.get(value) ?? -1);
  const { codes } = variable;
  const indices = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const index = code < byCode.length ? byCode[code]! : -1;
    if (index < 0) {
      const value = code === MISSING ? 'fehlt' : variable.values[code];
      throw new RangeError(`Befragte Nr. ${i + 1}: ${label} „${value}“ gehört nicht zur Zielpopulation`);
    }
    indices[i] = index;
  }
  return indices;
}

function tally(indices: Int32Array, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (let i = 0; i < indices.length; i++) counts[indices[i]!]! += 1;
  return counts;
}

function remap(kept: readonly number[], size: number): Int32Array {
  const to = new Int32Array(size).fill(-1);
  kept.forEach((index, position) => (to[index] = position));
  return to;
}

function lineSum(target: TargetMargins, index: number, others: readonly number[], isRow: boolean): number {
  const cols = target.states.length;
  return others.reduce((sum, other) => sum + target.units[isRow ? index * cols + other : other * cols + index]!, 0);
}

function checkPopulated(totals: Float64Array, names: readonly string[]): void {
  totals.forEach((units, index) => {
    if (!(units > 0)) throw new RangeError(`Kategorie „${names[index]}“ hat Befragte, aber keine Einheiten im Register`);
  });
}

function outside(weights: Float64Array, respondents: Float64Array, lower: number, upper: number): boolean {
  const slack = 1e-9;
  return weights.some((weight, h) => respondents[h]! > 0 && (weight < lower * (1 - slack) || weight > upper * (1 + slack)));
}
