// Item non-response (statistics.md "Missing values"): 32 respondents (7.8 %) leave one question or
// grid row unanswered. Each respondent skips at most one thing, and only where the published
// figures' bases already allow for it (demo-quotas.ts counts on the answered base).
import { egovGood, strategyAsked, type DemoProfile } from './demo-profile.js';
import { shuffled } from './random-draws.js';
import { randomStream } from './random-stream.js';

export const FIBER_ITEMS = [
  'foerdermittel_einwerben',
  'foerdermittel_bereitstellen',
  'kooperation_kommunen',
  'kooperation_wirtschaft',
  'kooperation_zivilgesellschaft',
  'eigener_ausbau',
] as const;

export interface NonresponsePlan {
  readonly respondentRole: ReadonlySet<number>;
  readonly strategyOzg: ReadonlySet<number>;
  /** fim_helpfulness__prozesse, among fim_known = ja. */
  readonly fimProcesses: ReadonlySet<number>;
  /** data_instruments__offenlegung and __bereitstellung. */
  readonly dataOpenCentral: ReadonlySet<number>;
  /** training__fachverfahren and __datenschutz_sicherheit. */
  readonly trainingBasics: ReadonlySet<number>;
  /** One fiber item each: fiber_engaged is then missing (strict rule). */
  readonly fiberItem: ReadonlyMap<number, string>;
  /** Three with vg_egov, three without (demo-quotas.ts BROADBAND_GRADES). */
  readonly broadband: ReadonlySet<number>;
  readonly peerExchange: ReadonlySet<number>;
}

export function planNonresponse(profiles: readonly DemoProfile[], seed: number): NonresponsePlan {
  const random = randomStream(seed, 'nonresponse');
  const queue = shuffled(random, profiles);
  const taken = new Set<number>();
  const take = (count: number, eligible: (profile: DemoProfile) => boolean = () => true): Set<number> => {
    const chosen = queue.filter((profile) => !taken.has(profile.id) && eligible(profile)).slice(0, count);
    if (chosen.length < count) throw new Error('planNonresponse: too few respondents');
    for (const profile of chosen) taken.add(profile.id);
    return new Set(chosen.map((profile) => profile.id));
  };
  const fiberSkippers = [...take(3)];
  return {
    respondentRole: take(6),
    strategyOzg: take(5, strategyAsked),
    fimProcesses: take(2, (profile) => profile.fimKnown),
    dataOpenCentral: take(4),
    trainingBasics: take(3),
    fiberItem: new Map(fiberSkippers.map((id, i) => [id, FIBER_ITEMS[(2 * i + 1) % FIBER_ITEMS.length] ?? 'eigener_ausbau'])),
    broadband: new Set([...take(3, egovGood), ...take(3, (profile) => !egovGood(profile))]),
    peerExchange: take(3),
  };
}
