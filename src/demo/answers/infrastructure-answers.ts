// Section H, Infrastruktur: fibre and broadband (seed ch. 6, Abb. 9, Abb. 10).
import { allocateByScore, topByScore } from '../allocate-by-score.js';
import { communityEngaged, egovGood, type DemoProfile } from '../demo-profile.js';
import { BROADBAND_GRADES, FIBER_ENGAGED } from '../demo-quotas.js';
import { FIBER_ITEMS, type NonresponsePlan } from '../plan-nonresponse.js';
import { chance, noiseOf } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import type { Answers } from './answers.js';

/** P(ja) per item for engaged units (seed Abb. 9: Fördermittel first, then cooperation with other Kommunen). */
const FIBER_YES: Readonly<Record<(typeof FIBER_ITEMS)[number], number>> = {
  foerdermittel_einwerben: 0.7,
  foerdermittel_bereitstellen: 0.45,
  kooperation_kommunen: 0.5,
  kooperation_wirtschaft: 0.35,
  kooperation_zivilgesellschaft: 0.2,
  eigener_ausbau: 0.25,
};

export function infrastructureAnswers(profiles: readonly DemoProfile[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'infrastructure');
  const engaged = fiberEngaged(profiles, plan, random);
  const grades = broadbandGrades(profiles, plan, random);
  return profiles.map((profile) => {
    const answers = fiberItems(engaged.has(profile.id), random);
    const skipped = plan.fiberItem.get(profile.id);
    if (skipped) answers[`fiber__${skipped}`] = '';
    answers['broadband_grade'] = grades.get(profile.id) ?? '';
    return answers;
  });
}

// Figure fiber_engaged: exact count among those who answered every item. Seed ch. 6: engagement does
// not depend on the broadband grade nor on E-Government, so it is drawn by chance (Landkreise a bit more).
function fiberEngaged(profiles: readonly DemoProfile[], plan: NonresponsePlan, random: Random): Set<number> {
  const noise = noiseOf(random, profiles.length);
  const complete = profiles.filter((profile) => !plan.fiberItem.has(profile.id));
  const score = (id: number) => 0.85 * noise(id) + (profiles[id]?.unit.unitType === 'landkreis' ? 0.15 : 0);
  const engaged = topByScore(complete.map((profile) => profile.id), FIBER_ENGAGED, score);
  for (const id of plan.fiberItem.keys()) if (chance(random, 0.75)) engaged.add(id);
  return engaged;
}

function fiberItems(engaged: boolean, random: Random): Answers {
  const answers: Answers = {};
  for (const item of FIBER_ITEMS) {
    const yes = engaged && chance(random, FIBER_YES[item]);
    answers[`fiber__${item}`] = yes ? 'ja' : chance(random, engaged ? 0.2 : 0.3) ? 'geplant' : 'nein';
  }
  if (engaged && !Object.values(answers).includes('ja')) answers['fiber__foerdermittel_einwerben'] = 'ja';
  return answers;
}

// Figures broadband_*: the same grade distribution within and outside vg_egov (independence by
// construction); within each, community engagement — and slightly a strategy — goes with better grades.
function broadbandGrades(profiles: readonly DemoProfile[], plan: NonresponsePlan, random: Random): Map<number, string> {
  const noise = noiseOf(random, profiles.length);
  const score = (id: number) => {
    const profile = profiles[id] as DemoProfile;
    return 0.2 * (communityEngaged(profile) ? 1 : 0) + 0.05 * (profile.strategy === 'vorhanden' ? 1 : 0) + 0.75 * noise(id);
  };
  const grades = new Map<number, string>();
  for (const good of [true, false]) {
    const answered = profiles.filter((p) => egovGood(p) === good && !plan.broadband.has(p.id)).map((p) => p.id);
    const counts = good ? BROADBAND_GRADES.egovGood : BROADBAND_GRADES.egovOther;
    for (const [id, grade] of allocateByScore(answered, counts.map((count, i) => [String(i + 1), count] as const), score)) grades.set(id, grade);
  }
  return grades;
}
