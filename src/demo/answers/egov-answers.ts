// Section C, E-Government: components, their operators, FIM (seed ch. 1, Abb. 1, Abb. 2).
import { allocateByScore } from '../allocate-by-score.js';
import { egovGood, type DemoProfile } from '../demo-profile.js';
import { FIM_HELPFULNESS } from '../demo-quotas.js';
import type { NonresponsePlan } from '../plan-nonresponse.js';
import { chance, noiseOf, sampleWeighted } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import { flagColumns, type Answers } from './answers.js';

/** The nine Basiskomponenten, weighted by how common they were in 2019; then P(geplant) if not in use. */
const BASIS: readonly (readonly [string, number, number])[] = [
  ['formularserver', 0.8, 0.3],
  ['suche', 0.75, 0.15],
  ['epayment', 0.6, 0.3],
  ['de_mail', 0.45, 0.05],
  ['servicekonto', 0.35, 0.4],
  ['postfach', 0.35, 0.3],
  ['eid', 0.3, 0.3],
  ['app', 0.2, 0.15],
  ['chatbot', 0.05, 0.1],
];
const OPERATORS = ['eigene_it', 'kommunaler_dienstleister', 'privater_dienstleister', 'land', 'weiss_nicht'];
// Seed Abb. 1: private providers mainly run the newer, optional components; Land solutions are rare.
const PRIVATE_LED = new Set(['app', 'chatbot']);
const LAND_OFFERED = new Set(['servicekonto', 'eid', 'postfach']);
const FIM_ITEMS = Object.keys(FIM_HELPFULNESS);

export function egovAnswers(profiles: readonly DemoProfile[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'egov');
  const helpfulness = fimHelpfulness(profiles, plan, random);
  return profiles.map((profile) => {
    const components = componentStates(profile, random);
    const answers: Answers = {};
    for (const [item, state] of components) answers[`components__${item}`] = state;
    for (const [item, state] of components) Object.assign(answers, flagColumns(`operator__${item}`, OPERATORS, state === 'im_einsatz' ? operators(profile, item, random) : null));
    answers['fim_known'] = profile.fimKnown ? 'ja' : 'nein';
    for (const item of FIM_ITEMS) answers[`fim_helpfulness__${item}`] = helpfulness.get(item)?.get(profile.id) ?? '';
    return answers;
  });
}

// Exactly egovCount of the nine in use; the DMS (not one of the nine) more often in mature units.
function componentStates(profile: DemoProfile, random: Random): Map<string, string> {
  const inUse = new Set(sampleWeighted(random, BASIS.map(([item, weight]) => [item, weight] as const), profile.egovCount));
  const states = new Map<string, string>();
  for (const [item, , planned] of BASIS) states.set(item, inUse.has(item) ? 'im_einsatz' : chance(random, planned) ? 'geplant' : 'nein');
  const dms = chance(random, 0.25 + 0.5 * profile.maturity) ? 'im_einsatz' : chance(random, 0.5) ? 'geplant' : 'nein';
  states.set('dms', dms);
  return states;
}

// Seed Abb. 1: mostly own IT or a municipal provider, more so where E-Government is strong.
function operators(profile: DemoProfile, item: string, random: Random): Set<string> {
  if (chance(random, 0.03)) return new Set(['weiss_nicht']);
  const chosen = new Set<string>();
  if (chance(random, egovGood(profile) ? 0.55 : 0.4)) chosen.add('eigene_it');
  if (chance(random, 0.5)) chosen.add('kommunaler_dienstleister');
  if (chance(random, PRIVATE_LED.has(item) ? 0.5 : 0.08)) chosen.add('privater_dienstleister');
  if (chance(random, LAND_OFFERED.has(item) ? 0.15 : 0.03)) chosen.add('land');
  if (chosen.size === 0) chosen.add(PRIVATE_LED.has(item) ? 'privater_dienstleister' : 'kommunaler_dienstleister');
  return chosen;
}

// Figures fim_helpful_*: exact counts per item; one affinity per respondent keeps the three items alike.
function fimHelpfulness(profiles: readonly DemoProfile[], plan: NonresponsePlan, random: Random): Map<string, Map<number, string>> {
  const known = profiles.filter((profile) => profile.fimKnown).map((profile) => profile.id);
  const affinity = noiseOf(random, profiles.length);
  const result = new Map<string, Map<number, string>>();
  for (const [item, quotas] of Object.entries(FIM_HELPFULNESS)) {
    const answered = item === 'prozesse' ? known.filter((id) => !plan.fimProcesses.has(id)) : known;
    const noise = noiseOf(random, profiles.length);
    result.set(item, allocateByScore(answered, quotas, (id) => 0.6 * affinity(id) + 0.4 * noise(id)));
  }
  return result;
}

