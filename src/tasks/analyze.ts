import { analyzeWave } from '../analysis/analyze-wave.js';
import type { ResultsDocument } from '../analysis/results-document.js';
import { rakeWave } from '../analysis/weighting/rake-wave.js';
import { dmError } from '../errors.js';
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
  const { data } = await loadWaveData(store, input.waveId, input.by);
  if (!input.weighted) return analyzeWave(data);
  const register = await store.registerUnits();
  const known = new Set(register.map((unit) => unit.ags));
  const missing = data.ags.find((ags) => !known.has(ags));
  if (missing !== undefined) {
    throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: `AGS ${missing} einer Antwort fehlt im Gemeindeverzeichnis.` });
  }
  return analyzeWave(data, { raking: rakeWave(data, register) });
}
