// Section B, Digitalisierungsstrategie (seed ch. 3, Abb. 5).
import { allocateMulti, type OptionQuota } from '../allocate-multi.js';
import { strategyAsked, type DemoProfile } from '../demo-profile.js';
import { STRATEGY_FIELDS, STRATEGY_GOALS, STRATEGY_LINKS } from '../demo-quotas.js';
import type { NonresponsePlan } from '../plan-nonresponse.js';
import { chance, noiseOf } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import { flagColumns, type Answers } from './answers.js';

const FIELDS = Object.keys(STRATEGY_FIELDS);
const GOALS = Object.keys(STRATEGY_GOALS);
const LINKS = Object.keys(STRATEGY_LINKS);
// Seed ch. 3: societal fields and the goal Daseinsvorsorge go with community engagement.
const SOCIETAL = new Set(['bildung_kultur_wissenschaft', 'verkehr_mobilitaet', 'wirtschaft_handel', 'partizipation', 'umwelt_energie', 'gesundheit_pflege']);
const MAX_CHOICES = 3; // instrument.md B: multi(max 3)

export function strategyAnswers(profiles: readonly DemoProfile[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'strategy');
  const asked = profiles.filter(strategyAsked).map((profile) => profile.id);
  const scores = scoresFor(profiles, random);
  const fields = allocateMulti(asked, fieldQuotas(scores), MAX_CHOICES);
  const goals = allocateMulti(asked, goalQuotas(scores), MAX_CHOICES);
  const links = strategyLinks(asked, scores);
  return profiles.map((profile) => {
    const chosenFields = fields.get(profile.id) ?? null;
    return {
      strategy_status: profile.strategy,
      ...flagColumns('strategy_fields', FIELDS, chosenFields),
      ...flagColumns('strategy_goals', GOALS, goals.get(profile.id) ?? null),
      ...flagColumns('strategy_links', LINKS, links.get(profile.id) ?? null),
      strategy_ozg: chosenFields === null || plan.strategyOzg.has(profile.id) ? '' : ozg(profile, chosenFields, random),
    };
  });
}

interface Scores {
  /** A fresh, independent chance per call. */
  readonly chance: () => (id: number) => number;
  readonly community: (id: number) => number;
  readonly developing: (id: number) => number;
  readonly established: (id: number) => number;
}

function scoresFor(profiles: readonly DemoProfile[], random: Random): Scores {
  const leaning = (weight: number, signal: (profile: DemoProfile) => number) => {
    const noise = noiseOf(random, profiles.length);
    return (id: number) => weight * signal(profiles[id] as DemoProfile) + (1 - weight) * noise(id);
  };
  return {
    chance: () => noiseOf(random, profiles.length),
    community: leaning(0.3, (profile) => Math.min(profile.communityCount, 4) / 4),
    developing: leaning(0.4, (profile) => (profile.strategy === 'in_entwicklung' ? 1 : 0)),
    established: leaning(0.3, (profile) => (profile.strategy === 'vorhanden' ? 1 : 0)),
  };
}

// In descending count, so that the three places per respondent fill up last with the rare options.
// The few without Verwaltungshandeln are mostly still developing their strategy (seed ch. 1).
function fieldQuotas(scores: Scores): OptionQuota[] {
  return Object.entries(STRATEGY_FIELDS).map(([option, count]) => ({
    option,
    count,
    score: option === 'verwaltung' ? scores.established : SOCIETAL.has(option) ? scores.community : scores.chance(),
    coverFirst: option === 'infrastruktur',
  }));
}

function goalQuotas(scores: Scores): OptionQuota[] {
  return Object.entries(STRATEGY_GOALS).map(([option, count]) => ({
    option,
    count,
    score: option === 'daseinsvorsorge' || option === 'attraktivitaet' ? scores.community : scores.chance(),
    coverFirst: option === 'buergernaehe',
  }));
}

// "keine" is exclusive; IT and overall strategy are free, every later option fills the uncovered first
// (128 + 86 cover at least 128, the later 137 choices the at most 83 left). Developing a strategy goes
// with more links to Bund and Land strategies (seed ch. 3), entwicklungskonzept with community work.
function strategyLinks(asked: readonly number[], scores: Scores): Map<number, Set<string>> {
  const { keine, ...others } = STRATEGY_LINKS;
  const none = new Set([...asked].sort((a, b) => scores.developing(a) - scores.developing(b) || a - b).slice(0, keine));
  const scoreOf: Readonly<Record<string, (id: number) => number>> = {
    landesstrategie: scores.developing,
    bundesstrategie: scores.developing,
    entwicklungskonzept: scores.community,
  };
  const quotas = Object.entries(others).map(([option, count]) => ({
    option,
    count,
    score: scoreOf[option] ?? scores.chance(),
    coverFirst: option !== 'it_strategie' && option !== 'gesamtstrategie',
  }));
  const links = allocateMulti(asked.filter((id) => !none.has(id)), quotas);
  for (const id of none) links.set(id, new Set(['keine']));
  return links;
}

// Seed ch. 1: not every developing strategy covers the OZG; where Verwaltungshandeln is not among the
// fields, E-Government is no field of the strategy at all.
function ozg(profile: DemoProfile, fields: ReadonlySet<string>, random: Random): string {
  if (!fields.has('verwaltung')) return 'kein_egov_feld';
  return chance(random, profile.strategy === 'vorhanden' ? 0.88 : 0.68) ? 'ja' : 'nein';
}
