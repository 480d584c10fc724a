// The weighted analysis as the product runs it (statistics.md "Weighted"): target margins from the
// register, raking, then every table on the raked design, on one thread or on AnalysisThreads.
import { rakingCellCrosstabs } from '../src/analysis/design/raking-cell-crosstabs.js';
import type { RakedDesign } from '../src/analysis/design/raked-design.js';
import { weightedTables } from '../src/analysis/design/weighted-tables.js';
import type { ResultsTable } from '../src/analysis/results-document.js';
import type { CodedVariable, WaveData } from '../src/analysis/wave-data.js';
import { rakeWeights } from '../src/analysis/weighting/rake-weights.js';
import { targetMargins } from '../src/analysis/weighting/target-margins.js';
import type { RegisterUnit } from '../src/register/unit.js';
import type { AnalysisThreads } from '../src/threads/analysis-threads.js';
import type { Tally } from './analysis-duckdb.js';

/** Threads of the weighted analysis, as the product's default (config ANALYSIS_THREADS). */
export const ANALYSIS_THREADS = 2;

export interface WeightedRun {
  readonly rakingSeconds: number;
  readonly seconds: number;
  readonly tables: readonly ResultsTable[];
}

/** On `threads` as the server runs it by default, or on the calling thread alone (ANALYSIS_THREADS=1). */
export async function weightedAnalysis(
  data: WaveData,
  register: readonly RegisterUnit[],
  respondents: readonly RegisterUnit[],
  threads?: AnalysisThreads,
): Promise<WeightedRun> {
  const start = performance.now();
  const design = rakedDesign(data, register, respondents);
  const raked = performance.now();
  const tables = threads ? await threads.weightedTables(data, design) : weightedTables(data, design);
  return { rakingSeconds: (raked - start) / 1000, seconds: (performance.now() - start) / 1000, tables };
}

export function rakedDesign(data: WaveData, register: readonly RegisterUnit[], respondents: readonly RegisterUnit[]): RakedDesign {
  const grouping = (name: string): CodedVariable => data.groupings.find((candidate) => candidate.name === name)!;
  return rakeWeights({ sizeClass: grouping('size_class'), state: grouping('state'), target: targetMargins(register, respondents) }).design;
}

/** The counting part of the weighted analysis alone: every table per raking cell, as the analysis reads them. */
export function weightedCounting(data: WaveData, design: RakedDesign): void {
  for (const tabs of rakingCellCrosstabs(data, design)) void tabs;
}

/** weightedCounting's non-zero counts and their sum, for the check against DuckDB's. */
export function weightedCountingTally(data: WaveData, design: RakedDesign, variables: readonly CodedVariable[] = data.variables): Tally {
  let cells = 0;
  let total = 0;
  const count = (n: number): void => {
    if (n === 0) return;
    cells++;
    total += n;
  };
  const raking = design.cellWeight.length;
  for (const tabs of rakingCellCrosstabs(data, design, variables)) {
    tabs.all.forEach(count);
    tabs.by.forEach((table) => table.forEach(count));
    // A grouping the raking cell determines counts `all` in its groups' cells (raking-cell-crosstabs.ts).
    for (const groups of tabs.groupCells) {
      if (!groups) continue;
      for (const h of groups.cells) for (let v = 0; v < tabs.variable.values.length; v++) count(tabs.all[v * raking + h]!);
    }
  }
  return { cells, total };
}
