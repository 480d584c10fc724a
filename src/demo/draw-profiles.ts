// Strategy, E-Government and community engagement, fixed jointly with exact counts (demo-quotas.ts).
// One latent maturity, mostly population rank, drives all three, so larger units do more (figures
// strategy_by_size, kein_thema_by_size, egov_by_size) and the groups overlap as in the seed.
import type { RegisterUnit } from '../register/unit.js';
import { allocateByScore, topByScore } from './allocate-by-score.js';
import type { DemoProfile, StrategyStatus } from './demo-profile.js';
import {
  COMMUNITY_COUNTS_HIGH,
  COMMUNITY_COUNTS_LOW,
  COMMUNITY_ENGAGED,
  EGOV_COUNTS_HIGH,
  EGOV_COUNTS_LOW,
  EGOV_GOOD,
  FIM_KNOWN,
  STRATEGY_BY_GROUPS,
  STRATEGY_QUOTAS,
} from './demo-quotas.js';
import { noiseOf } from './random-draws.js';
import { randomStream } from './random-stream.js';

export function drawProfiles(units: readonly RegisterUnit[], seed: number): DemoProfile[] {
  const random = randomStream(seed, 'profiles');
  const ids = units.map((_, id) => id);
  const rank = populationRanks(units);
  const chance = noiseOf(random, ids.length);
  const maturity = (id: number) => 0.5 * rank(id) + 0.5 * chance(id);
  const egovScore = mix(maturity, 0.6, noiseOf(random, ids.length));
  const communityScore = mix(maturity, 0.4, noiseOf(random, ids.length));
  const strategyScore = mix(maturity, 0.45, noiseOf(random, ids.length));
  const fimScore = mix(maturity, 0.5, noiseOf(random, ids.length));

  const good = topByScore(ids, EGOV_GOOD, egovScore);
  const [goodIds, otherIds] = split(ids, (id) => good.has(id));
  const engaged = new Set([
    ...topByScore(goodIds, COMMUNITY_ENGAGED.egovGood, communityScore),
    ...topByScore(otherIds, COMMUNITY_ENGAGED.egovOther, communityScore),
  ]);
  const strategy = strategyByGroups(ids, good, engaged, strategyScore);
  const egovCount = new Map([...allocateByScore(goodIds, EGOV_COUNTS_HIGH, egovScore), ...allocateByScore(otherIds, EGOV_COUNTS_LOW, egovScore)]);
  const [engagedIds, rest] = split(ids, (id) => engaged.has(id));
  const communityCount = new Map([
    ...allocateByScore(engagedIds, COMMUNITY_COUNTS_HIGH, communityScore),
    ...allocateByScore(rest, COMMUNITY_COUNTS_LOW, communityScore),
  ]);
  const fimKnown = topByScore(ids, FIM_KNOWN, fimScore);
  return units.map((unit, id) => ({
    id,
    unit,
    maturity: maturity(id),
    strategy: strategy.get(id) ?? 'kein_thema',
    egovCount: egovCount.get(id) ?? 0,
    communityCount: communityCount.get(id) ?? 0,
    fimKnown: fimKnown.has(id),
  }));
}

// Figures strategy_among_egov and strategy_among_community: "vorhanden" by exact count per cell.
function strategyByGroups(
  ids: readonly number[],
  good: ReadonlySet<number>,
  engaged: ReadonlySet<number>,
  score: (id: number) => number,
): Map<number, StrategyStatus> {
  const cell = (egov: boolean, community: boolean) => ids.filter((id) => good.has(id) === egov && engaged.has(id) === community);
  const having = new Set([
    ...topByScore(cell(true, true), STRATEGY_BY_GROUPS.both, score),
    ...topByScore(cell(true, false), STRATEGY_BY_GROUPS.egovOnly, score),
    ...topByScore(cell(false, true), STRATEGY_BY_GROUPS.communityOnly, score),
    ...topByScore(cell(false, false), STRATEGY_BY_GROUPS.neither, score),
  ]);
  const others = allocateByScore<StrategyStatus>(
    ids.filter((id) => !having.has(id)),
    [
      ['in_entwicklung', STRATEGY_QUOTAS.in_entwicklung],
      ['geplant', STRATEGY_QUOTAS.geplant],
      ['kein_thema', STRATEGY_QUOTAS.kein_thema],
    ],
    score,
  );
  return new Map([...[...having].map((id) => [id, 'vorhanden'] as const), ...others]);
}

/** Rank of the population among the wave, scaled to [0, 1]. */
function populationRanks(units: readonly RegisterUnit[]): (id: number) => number {
  const order = units.map((unit, id) => ({ id, population: unit.population })).sort((a, b) => a.population - b.population || a.id - b.id);
  const rank = new Map(order.map((entry, position) => [entry.id, position / Math.max(1, units.length - 1)]));
  return (id) => rank.get(id) ?? 0;
}

function mix(signal: (id: number) => number, weight: number, noise: (id: number) => number): (id: number) => number {
  return (id) => weight * signal(id) + (1 - weight) * noise(id);
}

function split<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
