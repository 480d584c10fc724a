import { analyzeWave } from '../analysis/analyze-wave.js';
import type { RakedDesign } from '../analysis/design/raked-design.js';
import { weightedDocument } from '../analysis/design/weighted-document.js';
import type { ResultsDocument, ResultsTable } from '../analysis/results-document.js';
import type { WaveData } from '../analysis/wave-data.js';
import { rakeToRegister, targetPopulation } from './rake-to-register.js';
import { loadWaveData, type WaveDataStore } from './load-wave-data.js';

export type { ResultsDocument };

export interface AnalyzeInput {
  readonly waveId: string;
  /** Further groupings (`--by`): grouping or table variable names. */
  readonly by?: readonly string[];
  /** `--weighted`: raking to the register (statistics.md "Weighted"). */
  readonly weighted?: boolean;
}

/** Weighted tables on more threads than the caller's (AnalysisThreads); the same tables as weightedTables. */
export interface WeightedTablesRunner {
  weightedTables(data: WaveData, design: RakedDesign): Promise<ResultsTable[]>;
}

/** The results document of interfaces.md for a wave (weighted with `weighted`, on `runner` if given). */
export async function analyze(store: WaveDataStore, input: AnalyzeInput, runner?: WeightedTablesRunner): Promise<ResultsDocument> {
  const { wave, data } = await loadWaveData(store, input.waveId, input.by);
  if (!input.weighted) return analyzeWave(data);
  const raking = rakeToRegister(data, await store.registerUnits(), await targetPopulation(store, wave));
  if (!runner) return analyzeWave(data, { raking });
  return weightedDocument(data, raking, await runner.weightedTables(data, raking.design));
}
