// Section E, Verantwortung — "Chefsache" (seed ch. 4, Abb. 6).
import { rankByScore, topByScore } from '../allocate-by-score.js';
import { communityEngaged, strategyLevel, type DemoProfile } from '../demo-profile.js';
import { CHEF_ROLES } from '../demo-quotas.js';
import { chance, noiseOf } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import { flagColumns, type Answers } from './answers.js';

const ADMIN = ['buergermeister', 'cdo', 'cio', 'it_abteilung', 'organisation', 'stabsstelle', 'fachbereiche', 'niemand'];
const COMMUNITY = ['buergermeister', 'cdo', 'cio', 'wirtschaftsfoerderung', 'stadtentwicklung', 'it_abteilung', 'stabsstelle', 'niemand'];
// Consecutive roles in the cycle overlap least; a CDO for the administration and for the community follow each other.
const CHEF_ORDER = ['admin_cdo', 'community_cdo', 'admin_cio', 'community_cio', 'admin_buergermeister', 'community_buergermeister'] as const;

type Roles = { admin: Set<string>; community: Set<string> };

export function responsibilityAnswers(profiles: readonly DemoProfile[], seed: number): Answers[] {
  const random = randomStream(seed, 'responsibility');
  const roles = chefRoles(profiles, random);
  return profiles.map((profile) => {
    const { admin, community } = roles.get(profile.id) ?? { admin: new Set<string>(), community: new Set<string>() };
    addOtherRoles(profile, admin, community, random);
    return { ...flagColumns('responsible_admin', ADMIN, admin), ...flagColumns('responsible_community', COMMUNITY, community) };
  });
}

// Figures chefsache, resp_*: per stratum, the `units` most likely Chefsache units (strategy and maturity
// first: rare without a strategy, seed ch. 4) take the role counts in a cycle, so every one of them
// gets at least one role and every role exactly its count.
function chefRoles(profiles: readonly DemoProfile[], random: Random): Map<number, Roles> {
  const noise = noiseOf(random, profiles.length);
  const score = (id: number) => {
    const profile = profiles[id] as DemoProfile;
    return 0.2 * strategyLevel(profile) + 0.3 * profile.maturity + 0.5 * noise(id);
  };
  const roles = new Map<number, Roles>();
  for (const stratum of CHEF_ROLES) {
    const members = profiles
      .filter((p) => (p.strategy === 'vorhanden') === stratum.strategy && communityEngaged(p) === stratum.community)
      .map((p) => p.id);
    const chefs = rankByScore([...topByScore(members, stratum.units, score)], score);
    for (const id of chefs) roles.set(id, { admin: new Set(), community: new Set() });
    let next = 0;
    for (const role of CHEF_ORDER) {
      const [side, option] = role.split('_') as ['admin' | 'community', string];
      for (let k = 0; k < stratum[role]; k++, next++) roles.get(chefs[next % chefs.length] as number)?.[side].add(option);
    }
  }
  return roles;
}

// The working level (IT, Organisation, Fachbereiche …); "niemand" only where nobody was named.
function addOtherRoles(profile: DemoProfile, admin: Set<string>, community: Set<string>, random: Random): void {
  const m = profile.maturity;
  const maybe = (set: Set<string>, option: string, probability: number) => chance(random, probability) && set.add(option);
  maybe(admin, 'it_abteilung', 0.55);
  maybe(admin, 'organisation', 0.45);
  maybe(admin, 'stabsstelle', 0.05 + 0.25 * m);
  maybe(admin, 'fachbereiche', 0.25);
  maybe(community, 'wirtschaftsfoerderung', 0.4);
  maybe(community, 'stadtentwicklung', 0.15 + 0.15 * m);
  maybe(community, 'it_abteilung', 0.15);
  maybe(community, 'stabsstelle', 0.05 + 0.15 * m);
  if (admin.size === 0) admin.add('niemand');
  if (community.size === 0) community.add('niemand');
}
