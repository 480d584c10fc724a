import { analyzeWave } from '../analysis/analyze-wave.js';
import type { ResultsDocument } from '../analysis/results-document.js';
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

/** The results document of interfaces.md for a wave (weighted with `weighted`). */
export async function analyze(store: WaveDataStore, input: AnalyzeInput): Promise<ResultsDocument> {
  const { wave, data } = await loadWaveData(store, input.waveId, input.by);
  if (!input.weighted) return analyzeWave(data);
  return analyzeWave(data, { raking: rakeToRegister(data, await store.registerUnits(), await targetPopulation(store, wave)) });
}
