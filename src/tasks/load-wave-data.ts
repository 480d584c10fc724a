import { buildWaveData, type WaveResponse } from '../analysis/build-wave-data.js';
import { GROUPING_NAMES, tableVariables } from '../analysis/table-variables.js';
import type { WaveData } from '../analysis/wave-data.js';
import { dmError } from '../errors.js';
import type { Instrument } from '../instrument/model.js';
import type { Store, Wave } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { publishedWave } from './publication.js';
import { requireWave } from './waves.js';

export type WaveDataStore = Pick<Store, 'getWave' | 'responsesForWave' | 'registerUnits' | 'instrumentVersion' | 'targetUnits'>;

export interface LoadedWave {
  readonly wave: Wave;
  readonly instrument: Instrument;
  readonly data: WaveData;
}

/**
 * The wave's submitted responses with their register rows, column-wise for analysis; `by` adds groupings.
 * Throws DM_WAVE_NOT_FOUND, DM_ANALYZE_BY_UNKNOWN, DM_WAVE_NO_RESPONSES.
 */
export async function loadWaveData(store: WaveDataStore, waveId: string, by: readonly string[] = []): Promise<LoadedWave> {
  const wave = await requireWave(store, waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  // Comparison groups (vg_*) are derived variables: known only where the questionnaire version keeps them.
  const registerGroupings = GROUPING_NAMES.filter((name) => !name.startsWith('vg_'));
  const known = new Set<string>([...registerGroupings, ...tableVariables(instrument).map((variable) => variable.name)]);
  const unknown = by.find((name) => !known.has(name));
  if (unknown !== undefined) throw dmError('DM_ANALYZE_BY_UNKNOWN', { detail: unknown });
  const responses = (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  return withUnits(store, wave, instrument, responses, by);
}

export type PublishedDataStore = Pick<Store, 'getWave' | 'publishedResponses' | 'publishWave' | 'registerUnits' | 'instrumentVersion'>;

/**
 * What the public sees of a closed wave: the responses of its publication (publication.ts). Throws
 * DM_WAVE_NOT_FOUND, DM_REPORT_NOT_PUBLIC, DM_WAVE_NO_RESPONSES.
 */
export async function loadPublishedWaveData(store: PublishedDataStore, waveId: string): Promise<LoadedWave> {
  const wave = await publishedWave(store, waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  return withUnits(store, wave, instrument, await store.publishedResponses(wave.id), []);
}

async function withUnits(store: Pick<Store, 'registerUnits'>, wave: Wave, instrument: Instrument, responses: readonly WaveResponse[], by: readonly string[]): Promise<LoadedWave> {
  if (responses.length === 0) throw dmError('DM_WAVE_NO_RESPONSES', { wave: wave.id });
  const units = await store.registerUnits(responses.map((response) => response.ags));
  return { wave, instrument, data: buildWaveData(instrument, wave.id, units, responses, by) };
}
