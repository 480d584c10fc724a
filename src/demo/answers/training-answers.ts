// Section F, Kompetenzen: training offers (seed ch. 5, Abb. 7).
import { allocateByScore } from '../allocate-by-score.js';
import type { DemoProfile } from '../demo-profile.js';
import { TRAINING_DIGITAL } from '../demo-quotas.js';
import type { NonresponsePlan } from '../plan-nonresponse.js';
import { noiseOf, pickWeighted } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import type { Answers } from './answers.js';

type Group = keyof typeof TRAINING_DIGITAL;

/** Basic topics, offered almost everywhere: weights of angeboten, geplant, nein. */
const BASICS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  fachverfahren: [['angeboten', 0.88], ['geplant', 0.06], ['nein', 0.06]],
  datenschutz_sicherheit: [['angeboten', 0.8], ['geplant', 0.12], ['nein', 0.08]],
};

export function trainingAnswers(profiles: readonly DemoProfile[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'training');
  const digital = digitalTopics(profiles, random);
  return profiles.map((profile) => {
    const skipped = plan.trainingBasics.has(profile.id);
    const basic = (item: string) => (skipped ? '' : pickWeighted(random, BASICS[item] ?? []));
    return {
      training__fachverfahren: basic('fachverfahren'),
      training__trends: digital.get('trends')?.get(profile.id) ?? '',
      training__arbeitsorganisation: digital.get('arbeitsorganisation')?.get(profile.id) ?? '',
      training__fuehrung: digital.get('fuehrung')?.get(profile.id) ?? '',
      training__datenschutz_sicherheit: basic('datenschutz_sicherheit'),
    };
  });
}

// Figures training_developing_offer, training_developing_planned, training_strategy_more: exact counts
// per strategy group; one affinity per respondent keeps the three topics alike.
function digitalTopics(profiles: readonly DemoProfile[], random: Random): Map<string, Map<number, string>> {
  const affinity = noiseOf(random, profiles.length);
  const result = new Map<string, Map<number, string>>();
  for (const item of ['trends', 'arbeitsorganisation', 'fuehrung']) {
    const values = new Map<number, string>();
    const noise = noiseOf(random, profiles.length);
    const score = (id: number) => 0.4 * affinity(id) + 0.3 * (profiles[id]?.maturity ?? 0) + 0.3 * noise(id);
    for (const group of Object.keys(TRAINING_DIGITAL) as Group[]) {
      const [offered, planned, not] = TRAINING_DIGITAL[group][item] ?? [0, 0, 0];
      const members = profiles.filter((profile) => groupOf(profile) === group).map((profile) => profile.id);
      const quotas = [['angeboten', offered], ['geplant', planned], ['nein', not]] as const;
      for (const [id, value] of allocateByScore(members, quotas, score)) values.set(id, value);
    }
    result.set(item, values);
  }
  return result;
}

function groupOf(profile: DemoProfile): Group {
  return profile.strategy === 'vorhanden' || profile.strategy === 'in_entwicklung' ? profile.strategy : 'ohne';
}
