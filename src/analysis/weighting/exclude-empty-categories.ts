// statistics.md "Weighted": a category with no respondent cannot be raked to; its units leave the target
// population, repeated until every remaining category has a respondent.
import type { TargetMargins } from './target-margins.js';

export interface ExcludedCategory {
  readonly variable: 'size_class' | 'state';
  /** The category as in the results document (`"gk1"`, `"Bremen"`). */
  readonly value: string;
  /** Register units that left the target population with it (a unit is counted once, size_class first). */
  readonly units: number;
}

export interface RakingTarget {
  /** Indices into the target's size classes and states that remain. */
  readonly sizeClasses: readonly number[];
  readonly states: readonly number[];
  readonly excluded: readonly ExcludedCategory[];
}

/**
 * @param sizeClassRespondents respondents per size class of `target` (same order)
 * @param stateRespondents respondents per state of `target`
 */
export function excludeEmptyCategories(
  target: TargetMargins,
  sizeClassRespondents: ArrayLike<number>,
  stateRespondents: ArrayLike<number>,
): RakingTarget {
  const rows = target.sizeClasses.length;
  const cols = target.states.length;
  const units = Float64Array.from(target.units);
  const keptRows = new Set([...Array(rows).keys()]);
  const keptCols = new Set([...Array(cols).keys()]);
  const excluded: ExcludedCategory[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of keptRows) {
      if (sizeClassRespondents[k]! > 0) continue;
      let removed = 0;
      for (let t = 0; t < cols; t++) {
        removed += units[k * cols + t]!;
        units[k * cols + t] = 0;
      }
      keptRows.delete(k);
      excluded.push({ variable: 'size_class', value: target.sizeClasses[k]!, units: removed });
      changed = true;
    }
    for (const t of keptCols) {
      if (stateRespondents[t]! > 0) continue;
      let removed = 0;
      for (let k = 0; k < rows; k++) {
        removed += units[k * cols + t]!;
        units[k * cols + t] = 0;
      }
      keptCols.delete(t);
      excluded.push({ variable: 'state', value: target.states[t]!, units: removed });
      changed = true;
    }
  }
  return { sizeClasses: [...keptRows].sort((a, b) => a - b), states: [...keptCols].sort((a, b) => a - b), excluded };
}
