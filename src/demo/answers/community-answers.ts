// Section G, Örtliche Gemeinschaft: support per offer (title page, seed ch. 5, Abb. 8).
import { egovGood, strategyAsked, type DemoProfile } from '../demo-profile.js';
import { chance, sampleWeighted } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import { flagColumns, type Answers } from './answers.js';

const ITEMS = ['lokale_wirtschaft', 'startups', 'digitalkompetenz', 'wlan', 'iot', 'sharing', 'ehrenamt', 'civic_tech'];
const OPTIONS = ['finanziell', 'logistisch', 'anderweitig', 'keine'];
const WEIGHTS: Readonly<Record<string, number>> = {
  wlan: 0.7,
  lokale_wirtschaft: 0.6,
  digitalkompetenz: 0.35,
  ehrenamt: 0.35,
  startups: 0.3,
  sharing: 0.25,
  iot: 0.2,
  civic_tech: 0.08,
};

export function communityAnswers(profiles: readonly DemoProfile[], seed: number): Answers[] {
  const random = randomStream(seed, 'community');
  return profiles.map((profile) => {
    const supported = new Set(sampleWeighted(random, weightsFor(profile), profile.communityCount));
    const answers: Answers = {};
    for (const item of ITEMS) Object.assign(answers, flagColumns(`community_support__${item}`, OPTIONS, supported.has(item) ? kinds(random) : new Set(['keine'])));
    return answers;
  });
}

// Seed Abb. 8: strategy holders and E-Government leaders support citizens' digital skills more often.
function weightsFor(profile: DemoProfile): (readonly [string, number])[] {
  const skills = (WEIGHTS['digitalkompetenz'] ?? 0) + (strategyAsked(profile) ? 0.25 : 0) + (egovGood(profile) ? 0.2 : 0);
  return ITEMS.map((item) => [item, item === 'digitalkompetenz' ? skills : (WEIGHTS[item] ?? 0)] as const);
}

/** finanziell, logistisch, anderweitig: at least one. */
function kinds(random: Random): Set<string> {
  const chosen = new Set<string>();
  if (chance(random, 0.5)) chosen.add('finanziell');
  if (chance(random, 0.45)) chosen.add('logistisch');
  if (chance(random, 0.3)) chosen.add('anderweitig');
  if (chosen.size === 0) chosen.add(chance(random, 0.5) ? 'logistisch' : 'anderweitig');
  return chosen;
}
