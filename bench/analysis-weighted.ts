// The weighted analysis as the product runs it (statistics.md "Weighted"): target margins from the
// register, raking, then every table on the raked design.
import { weightedTables } from '../src/analysis/design/weighted-tables.js';
import type { ResultsTable } from '../src/analysis/results-document.js';
import type { CodedVariable, WaveData } from '../src/analysis/wave-data.js';
import { rakeWeights } from '../src/analysis/weighting/rake-weights.js';
import { targetMargins } from '../src/analysis/weighting/target-margins.js';
import type { RegisterUnit } from '../src/register/unit.js';

export interface WeightedRun {
  readonly rakingSeconds: number;
  readonly seconds: number;
  readonly tables: readonly ResultsTable[];
}

export function weightedAnalysis(data: WaveData, register: readonly RegisterUnit[], respondents: readonly RegisterUnit[]): WeightedRun {
  const start = performance.now();
  const grouping = (name: string): CodedVariable => data.groupings.find((candidate) => candidate.name === name)!;
  const { design } = rakeWeights({ sizeClass: grouping('size_class'), state: grouping('state'), target: targetMargins(register, respondents) });
  const raked = performance.now();
  const tables = weightedTables(data, design);
  return { rakingSeconds: (raked - start) / 1000, seconds: (performance.now() - start) / 1000, tables };
}
