// Loads a wave once for its Digitalprofile: submitted responses with register rows, the instrument's
// derived variables, the analysis engine's results for the comparison groups, and the scoring.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { buildWaveData } from '../analysis/build-wave-data.js';
import { dmError } from '../errors.js';
import { deriveDeclared } from '../instrument/derive-variables.js';
import { profileContext, type PreviousScores, type ProfileContext, type ProfileRespondent } from '../profile/digital-profile.js';
import { scoreResponse } from '../profile/score-response.js';
import { scoresComparable, scoringForInstrument } from '../profile/scoring-for-instrument.js';
import type { Scoring } from '../profile/scoring-types.js';
import type { Instrument } from '../instrument/model.js';
import type { Store, Wave } from '../store/store.js';
import { findInstrument, requireInstrument } from './instrument-files.js';
import { requireWave } from './waves.js';

export type ProfileStore = Pick<Store, 'getWave' | 'listWaves' | 'responsesForWave' | 'responseFor' | 'registerUnits' | 'instrumentVersion'>;

/** The variables the comparison groups read from the engine. */
const ENGINE_VARIABLES = ['vg_strategy', 'vg_egov', 'vg_community'];

export interface LoadedProfiles {
  readonly wave: Wave;
  readonly context: ProfileContext;
}

/**
 * The wave ready for profiles. DM_WAVE_NOT_FOUND; DM_PROFILE_NO_SCORING when its questionnaire has no
 * scoring; DM_PROFILE_TOO_FEW when fewer than k units answered (no comparison could be shown).
 */
export async function loadProfileContext(store: ProfileStore, waveId: string): Promise<LoadedProfiles> {
  const wave = await requireWave(store, waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const scoring = requireScoring(wave, instrument);
  const responses = (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  const units = await store.registerUnits(responses.map((response) => response.ags));
  const unitByAgs = new Map(units.map((unit) => [unit.ags, unit]));
  const respondents: ProfileRespondent[] = responses.flatMap((response) => {
    const unit = unitByAgs.get(response.ags);
    return unit ? [{ ags: response.ags, unit, answers: response.answers, derived: deriveDeclared(instrument, response.answers) }] : [];
  });
  if (respondents.length < wave.minCellCount) {
    throw dmError('DM_PROFILE_TOO_FEW', { wave: wave.id, count: respondents.length, detail: wave.minCellCount });
  }
  const data = buildWaveData(instrument, wave.id, units, responses.filter((response) => unitByAgs.has(response.ags)));
  const results = analyzeWave(data, { variables: ENGINE_VARIABLES.filter((name) => data.variables.some((v) => v.name === name)) });
  return { wave, context: profileContext({ id: wave.id, title: wave.title, demo: wave.demo, k: wave.minCellCount }, scoring, respondents, results) };
}

/** The unit must have submitted in this wave and be in the register; otherwise a German explanation (naming where it did answer). */
export async function requireRespondent(store: ProfileStore, loaded: LoadedProfiles, ags: string): Promise<void> {
  if (!/^\d{8}$/.test(ags)) throw dmError('DM_PROFILE_AGS_INVALID', { detail: ags });
  if (loaded.context.byAgs.has(ags)) return;
  // Submitted here but left out of the context: the register has no row for it.
  if ((await store.responseFor(loaded.wave.id, ags))?.status === 'submitted') throw dmError('DM_PROFILE_NOT_IN_REGISTER', { wave: loaded.wave.id, detail: ags });
  const elsewhere: string[] = [];
  for (const wave of await store.listWaves()) {
    if (wave.id === loaded.wave.id) continue;
    const response = await store.responseFor(wave.id, ags);
    if (response?.status === 'submitted') elsewhere.push(`„${wave.id}“`);
  }
  const where = elsewhere.length > 0 ? ` (sie hat an ${elsewhere.length === 1 ? 'der Welle' : 'den Wellen'} ${elsewhere.join(', ')} teilgenommen)` : '';
  throw dmError('DM_PROFILE_NOT_RESPONDED', { wave: loaded.wave.id, detail: `die Kommune mit dem AGS ${ags}${where}` });
}

/**
 * Per AGS, its scores in every earlier wave that asked every question the scoring reads (history;
 * scoresComparable), oldest first, scored with this wave's scoring. Earlier means opened (else created)
 * before this wave; only submitted responses count.
 */
export async function previousScores(store: ProfileStore, wave: Wave, scoring: Scoring): Promise<Map<string, PreviousScores[]>> {
  const start = (w: Wave) => w.opensAt ?? w.createdAt;
  const earlier: Wave[] = [];
  for (const w of await store.listWaves()) {
    if (w.id === wave.id || start(w) >= start(wave)) continue;
    const instrument = await findInstrument(store, w.instrumentVersion);
    if (instrument && scoresComparable(scoring, instrument)) earlier.push(w);
  }
  earlier.sort((a, b) => start(a).localeCompare(start(b)));
  const found = new Map<string, PreviousScores[]>();
  for (const w of earlier) {
    for (const response of await store.responsesForWave(w.id)) {
      if (response.status !== 'submitted') continue;
      const scores = { waveId: w.id, waveTitle: w.title, scores: scoreResponse(scoring, response.answers) };
      found.set(response.ags, [...(found.get(response.ags) ?? []), scores]);
    }
  }
  return found;
}

function requireScoring(wave: Wave, instrument: Instrument): Scoring {
  const scoring = scoringForInstrument(instrument);
  if (scoring.areas.every((area) => area.items.length === 0)) throw dmError('DM_PROFILE_NO_SCORING', { version: wave.instrumentVersion });
  return scoring;
}
