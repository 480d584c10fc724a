import { buildWaveData, type WaveResponse } from '../analysis/build-wave-data.js';
import { GROUPING_NAMES, tableVariables } from '../analysis/table-variables.js';
import { analyzeTrend } from '../analysis/trend/analyze-trend.js';
import type { TrendDocument } from '../analysis/trend/trend-document.js';
import type { WaveData } from '../analysis/wave-data.js';
import type { RakingResult } from '../analysis/weighting/rake-weights.js';
import { dmError } from '../errors.js';
import { resolveComparabilityChain, translateAlongChain, type ComparabilityChain } from '../instrument/comparability-chain.js';
import type { InstrumentVersion } from '../instrument/instrument-file.js';
import type { Store, Wave } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { publishedWave } from './publication.js';
import { rakeToRegister, targetPopulation } from './rake-to-register.js';
import { requireWave } from './waves.js';

export type { TrendDocument };

export type TrendStore = Pick<Store, 'getWave' | 'responsesForWave' | 'publishedResponses' | 'publishWave' | 'registerUnits' | 'instrumentVersion' | 'targetUnits'>;

export interface AnalyzeTrendInput {
  /** Two or more waves, oldest first (`--waves a,b`). */
  readonly waveIds: readonly string[];
  /** Further groupings (`--by`). */
  readonly by?: readonly string[];
  /** `--weighted`: each wave raked to the register (statistics.md "Weighted"), tests Rao-Scott on the stacked waves. */
  readonly weighted?: boolean;
  /** What the public sees: each wave's publication (publication.ts), every wave closed. */
  readonly published?: boolean;
}

interface RawWave {
  readonly wave: Wave;
  readonly instrument: InstrumentVersion;
  readonly responses: readonly WaveResponse[];
}

/**
 * The trend document (issue 9) of two or more waves (weighted: each wave raked to its own margins),
 * coded by the last wave's instrument: an earlier wave of another version is rewritten through the
 * comparability maps along the chain of `comparability.previous` from the last version back to its own,
 * one step after the other. Throws DM_TREND_WAVE_TWICE, DM_USAGE,
 * DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES, DM_ANALYZE_BY_UNKNOWN, DM_TREND_NO_MAPPING and DM_WEIGHTING_IMPOSSIBLE.
 */
export async function analyzeTrendOfWaves(store: TrendStore, input: AnalyzeTrendInput): Promise<TrendDocument> {
  const twice = input.waveIds.find((id, i) => input.waveIds.indexOf(id) !== i);
  if (twice !== undefined) throw dmError('DM_TREND_WAVE_TWICE', { wave: twice });
  if (input.waveIds.length < 2) throw dmError('DM_USAGE', { detail: '--waves braucht mindestens zwei Wellen (z. B. --waves 2019-demo,2021-demo).' });
  const raw: RawWave[] = [];
  for (const id of input.waveIds) raw.push(await loadRaw(store, id, input.published === true));
  const last = raw[raw.length - 1]!;
  const by = input.by ?? [];
  // Comparison groups (vg_*) are derived variables: known only where the last version keeps them (as loadWaveData).
  const known = new Set<string>([...GROUPING_NAMES.filter((name) => !name.startsWith('vg_')), ...tableVariables(last.instrument).map((variable) => variable.name)]);
  const unknown = by.find((name) => !known.has(name));
  if (unknown !== undefined) throw dmError('DM_ANALYZE_BY_UNKNOWN', { detail: unknown });
  const mappings: ComparabilityChain[] = [];
  for (const wave of raw) mappings.push(await chainTo(store, wave, last));
  const waves = [];
  for (const [i, { wave, responses }] of raw.entries()) {
    const chain = mappings[i]!;
    const coded = chain.steps.length === 0 ? responses : responses.map((r) => ({ ags: r.ags, answers: translateAlongChain(r.answers, chain) }));
    const units = await store.registerUnits(responses.map((response) => response.ags));
    waves.push({ data: buildWaveData(last.instrument, wave.id, units, coded, by), instrument: raw[i]!.instrument.version });
  }
  const notComparable = uniqueBy(mappings.flatMap((mapping) => mapping.notComparable));
  if (!input.weighted) return analyzeTrend(waves, { notComparable });
  return analyzeTrend(waves, { notComparable, rakings: await rakeEach(store, raw.map(({ wave }) => wave), waves.map(({ data }) => data)) });
}

/** Each wave raked to its own target population in the register (statistics.md "Weighted"). */
async function rakeEach(store: TrendStore, waves: readonly Wave[], data: readonly WaveData[]): Promise<RakingResult[]> {
  const register = await store.registerUnits();
  const populations = await Promise.all(waves.map((wave) => targetPopulation(store, wave)));
  return data.map((one, i) => rakeToRegister(one, register, populations[i]));
}

async function loadRaw(store: TrendStore, id: string, published: boolean): Promise<RawWave> {
  const wave = published ? await publishedWave(store, id) : await requireWave(store, id);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const responses = published ? await store.publishedResponses(wave.id) : (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  if (responses.length === 0) throw dmError('DM_WAVE_NO_RESPONSES', { wave: wave.id });
  return { wave, instrument, responses };
}

/** The versions from the earlier wave's to the last one's along `comparability.previous`, resolved step by step. */
async function chainTo(store: TrendStore, earlier: RawWave, last: RawWave): Promise<ComparabilityChain> {
  const from = earlier.instrument.version;
  const chain: InstrumentVersion[] = [last.instrument];
  while (chain[0]!.version !== from) {
    const previous = chain[0]!.comparability?.previous;
    if (previous === undefined || chain.some((version) => version.version === previous)) {
      const to = last.instrument.version;
      const path = chain.length > 1 ? ` Die Kette ${chain.map((version) => version.version).reverse().join(' ← ')} endet ohne Version ${from}.` : '';
      throw dmError('DM_TREND_NO_MAPPING', {
        detail: `„${earlier.wave.id}“ (Fragebogen ${from}) und „${last.wave.id}“ (Fragebogen ${to}): Fragebogen ${chain[0]!.version} erklärt keine Vergleichbarkeit mit Version ${from} (Abschnitt „comparability“ mit "previous": "${from}").${path}`,
      });
    }
    chain.unshift(await requireInstrument(store, previous));
  }
  return resolveComparabilityChain(chain);
}

function uniqueBy<T extends { readonly variable: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.variable) && seen.add(entry.variable) !== undefined);
}
