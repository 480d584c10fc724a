import { buildWaveData, type WaveResponse } from '../analysis/build-wave-data.js';
import { GROUPING_NAMES, tableVariables } from '../analysis/table-variables.js';
import { analyzeTrend } from '../analysis/trend/analyze-trend.js';
import type { TrendDocument } from '../analysis/trend/trend-document.js';
import { dmError } from '../errors.js';
import { resolveComparability, translateResponse, type ResolvedMapping } from '../instrument/comparability.js';
import type { InstrumentVersion } from '../instrument/instrument-file.js';
import type { Store, Wave } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { requireWave } from './waves.js';

export type { TrendDocument };

export type TrendStore = Pick<Store, 'getWave' | 'responsesForWave' | 'registerUnits' | 'instrumentVersion'>;

export interface AnalyzeTrendInput {
  /** Two or more waves, oldest first (`--waves a,b`). */
  readonly waveIds: readonly string[];
  /** Further groupings (`--by`). */
  readonly by?: readonly string[];
}

interface RawWave {
  readonly wave: Wave;
  readonly instrument: InstrumentVersion;
  readonly responses: readonly WaveResponse[];
}

/**
 * The trend document (issue 9) of two or more waves, unweighted, coded by the last wave's instrument: an
 * earlier wave of another version is rewritten through the comparability map the last version declares
 * for it (`comparability.previous`; one step, no chains). Throws DM_TREND_WAVE_TWICE, DM_USAGE,
 * DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES, DM_ANALYZE_BY_UNKNOWN and DM_TREND_NO_MAPPING.
 */
export async function analyzeTrendOfWaves(store: TrendStore, input: AnalyzeTrendInput): Promise<TrendDocument> {
  const twice = input.waveIds.find((id, i) => input.waveIds.indexOf(id) !== i);
  if (twice !== undefined) throw dmError('DM_TREND_WAVE_TWICE', { wave: twice });
  if (input.waveIds.length < 2) throw dmError('DM_USAGE', { detail: '--waves braucht mindestens zwei Wellen (z. B. --waves 2019-demo,2021-demo).' });
  const raw: RawWave[] = [];
  for (const id of input.waveIds) raw.push(await loadRaw(store, id));
  const last = raw[raw.length - 1]!;
  const by = input.by ?? [];
  const known = new Set<string>([...GROUPING_NAMES, ...tableVariables(last.instrument).map((variable) => variable.name)]);
  const unknown = by.find((name) => !known.has(name));
  if (unknown !== undefined) throw dmError('DM_ANALYZE_BY_UNKNOWN', { detail: unknown });
  const mappings = raw.map((wave) => mappingTo(wave, last));
  const waves = [];
  for (const [i, { wave, instrument, responses }] of raw.entries()) {
    const mapping = mappings[i]!;
    const coded = instrument.version === last.instrument.version ? responses : responses.map((r) => ({ ags: r.ags, answers: translateResponse(r.answers, last.instrument, mapping) }));
    const units = await store.registerUnits(responses.map((response) => response.ags));
    waves.push({ data: buildWaveData(last.instrument, wave.id, units, coded, by), instrument: instrument.version });
  }
  const notComparable = uniqueBy(mappings.flatMap((mapping) => mapping.notComparable));
  return analyzeTrend(waves, { notComparable });
}

async function loadRaw(store: TrendStore, id: string): Promise<RawWave> {
  const wave = await requireWave(store, id);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const responses = (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  if (responses.length === 0) throw dmError('DM_WAVE_NO_RESPONSES', { wave: wave.id });
  return { wave, instrument, responses };
}

function mappingTo(earlier: RawWave, last: RawWave): ResolvedMapping {
  const same = earlier.instrument.version === last.instrument.version;
  if (!same && last.instrument.comparability?.previous !== earlier.instrument.version) {
    const [from, to] = [earlier.instrument.version, last.instrument.version];
    throw dmError('DM_TREND_NO_MAPPING', {
      detail: `„${earlier.wave.id}“ (Fragebogen ${from}) und „${last.wave.id}“ (Fragebogen ${to}): Fragebogen ${to} erklärt keine Vergleichbarkeit mit Version ${from} (Abschnitt „comparability“ mit "previous": "${from}").`,
    });
  }
  return resolveComparability(earlier.instrument, last.instrument);
}

function uniqueBy<T extends { readonly variable: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.variable) && seen.add(entry.variable) !== undefined);
}
