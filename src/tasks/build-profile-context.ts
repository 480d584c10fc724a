// Loads a wave once for its Digitalprofile: submitted responses with register rows, the instrument's
// derived variables, the analysis engine's results for the comparison groups, and the scoring.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { buildWaveData } from '../analysis/build-wave-data.js';
import { dmError } from '../errors.js';
import { deriveVariables } from '../instrument/derive-variables.js';
import { profileContext, type PreviousScores, type ProfileContext, type ProfileRespondent } from '../profile/digital-profile.js';
import { scoreResponse } from '../profile/score-response.js';
import { scoringFor } from '../profile/scoring.js';
import type { Scoring } from '../profile/scoring-types.js';
import type { Store, Wave } from '../store/store.js';
import { instrumentOf } from './import-responses.js';
import { requireWave } from './waves.js';

export type ProfileStore = Pick<Store, 'getWave' | 'listWaves' | 'responsesForWave' | 'responseFor' | 'registerUnits'>;

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
  const instrument = instrumentOf(wave);
  const scoring = requireScoring(wave);
  const responses = (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  const units = await store.registerUnits(responses.map((response) => response.ags));
  const unitByAgs = new Map(units.map((unit) => [unit.ags, unit]));
  const respondents: ProfileRespondent[] = responses.flatMap((response) => {
    const unit = unitByAgs.get(response.ags);
    return unit ? [{ ags: response.ags, unit, answers: response.answers, derived: deriveVariables(response.answers) }] : [];
  });
  if (respondents.length < wave.minCellCount) {
    throw dmError('DM_PROFILE_TOO_FEW', { wave: wave.id, count: respondents.length, detail: wave.minCellCount });
  }
  const data = buildWaveData(instrument, wave.id, units, responses.filter((response) => unitByAgs.has(response.ags)));
  const results = analyzeWave(data, { variables: ENGINE_VARIABLES });
  return { wave, context: profileContext({ id: wave.id, title: wave.title, demo: wave.demo, k: wave.minCellCount }, scoring, respondents, results) };
}

/** The unit must have submitted in this wave; otherwise a German explanation naming where it did answer. */
export async function requireRespondent(store: ProfileStore, loaded: LoadedProfiles, ags: string): Promise<void> {
  if (!/^\d{8}$/.test(ags)) throw dmError('DM_PROFILE_AGS_INVALID', { detail: ags });
  if (loaded.context.byAgs.has(ags)) return;
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
 * Per AGS, the scores in its latest earlier wave with the same scoring (history). Earlier means opened
 * (else created) before this wave; only submitted responses count.
 */
export async function previousScores(store: ProfileStore, wave: Wave, scoring: Scoring): Promise<Map<string, PreviousScores>> {
  const start = (w: Wave) => w.opensAt ?? w.createdAt;
  const earlier = (await store.listWaves())
    .filter((w) => w.id !== wave.id && start(w) < start(wave) && scoringFor(w.instrumentVersion)?.id === scoring.id)
    .sort((a, b) => start(a).localeCompare(start(b)));
  const found = new Map<string, PreviousScores>();
  for (const w of earlier) {
    for (const response of await store.responsesForWave(w.id)) {
      if (response.status !== 'submitted') continue;
      found.set(response.ags, { waveId: w.id, waveTitle: w.title, scores: scoreResponse(scoring, response.answers) });
    }
  }
  return found;
}

function requireScoring(wave: Wave): Scoring {
  const scoring = scoringFor(wave.instrumentVersion);
  if (!scoring) throw dmError('DM_PROFILE_NO_SCORING', { version: wave.instrumentVersion });
  return scoring;
}
