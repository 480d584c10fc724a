// Section D, Daten (seed ch. 2, Abb. 3, Abb. 4).
import { allocateByScore, topByScore } from '../allocate-by-score.js';
import { strategyLevel, type DemoProfile } from '../demo-profile.js';
import { DATA_INSTRUMENTS, DATA_USES } from '../demo-quotas.js';
import type { NonresponsePlan } from '../plan-nonresponse.js';
import { noiseOf } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import { flagColumns, type Answers } from './answers.js';

const USES = [...Object.keys(DATA_USES), 'keine'];

export function dataAnswers(profiles: readonly DemoProfile[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'data');
  const instruments = dataInstruments(profiles, plan, random);
  const uses = dataUses(profiles, random);
  return profiles.map((profile) => {
    const answers: Answers = {};
    for (const [item, values] of instruments) answers[`data_instruments__${item}`] = values.get(profile.id) ?? '';
    const chosen = uses.get(profile.id) ?? new Set<string>();
    return { ...answers, ...flagColumns('data_uses', USES, chosen.size > 0 ? chosen : new Set(['keine'])) };
  });
}

// Figures data_inventory_high, data_openness_low, data_central_low: "weiß nicht" at random, the scale
// from the top by data affinity (mature units use their data more).
function dataInstruments(profiles: readonly DemoProfile[], plan: NonresponsePlan, random: Random): Map<string, Map<number, string>> {
  const affinity = noiseOf(random, profiles.length);
  const result = new Map<string, Map<number, string>>();
  for (const [item, [dontKnow, ...scale]] of Object.entries(DATA_INSTRUMENTS)) {
    if (!dontKnow) continue;
    const answered = profiles.map((p) => p.id).filter((id) => item === 'bestandsaufnahme' || !plan.dataOpenCentral.has(id));
    const unsure = topByScore(answered, dontKnow[1], noiseOf(random, profiles.length));
    const noise = noiseOf(random, profiles.length);
    const score = (id: number) => 0.35 * (profiles[id]?.maturity ?? 0) + 0.35 * affinity(id) + 0.3 * noise(id);
    const values = allocateByScore(answered.filter((id) => !unsure.has(id)), scale, score);
    for (const id of unsure) values.set(id, dontKnow[0]);
    result.set(item, values);
  }
  return result;
}

// Seed ch. 2: data use goes with having a strategy (figure data_use_by_strategy), hardly with
// E-Government or community engagement, so the score leans on the strategy, not on maturity.
function dataUses(profiles: readonly DemoProfile[], random: Random): Map<number, Set<string>> {
  const ids = profiles.map((profile) => profile.id);
  const affinity = noiseOf(random, profiles.length);
  const chosen = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const [use, count] of Object.entries(DATA_USES)) {
    const noise = noiseOf(random, profiles.length);
    const score = (id: number) => 0.25 * strategyLevel(profiles[id] as DemoProfile) + 0.25 * affinity(id) + 0.5 * noise(id);
    for (const id of topByScore(ids, count, score)) chosen.get(id)?.add(use);
  }
  return chosen;
}
