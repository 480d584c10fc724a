// The Digitalprofil of one unit (issue 7) as a value: scores, benchmark against four peer groups under
// disclosure control, comparison-group memberships, recommendations, peers and history. Built from a
// ProfileContext that holds the whole wave once, so all profiles of a wave cost one pass each.
import type { ResultsDocument } from '../analysis/results-document.js';
import type { FlatResponse } from '../instrument/model.js';
import { SIZE_CLASS_LABELS } from '../register/size-class-labels.js';
import type { RegisterUnit } from '../register/unit.js';
import { comparisonGroups, type Membership } from './comparison-groups.js';
import { consented, findPeers, gapsOf, itemValuesOf, type Gap, type Peer, type PeerUnit } from './peer-finder.js';
import { resolvePeerGroups, type Dimension, type PeerGroup } from './peer-groups.js';
import { recommendationsFor, type Recommendation } from './recommendations.js';
import { UNIT_TYPE_SINGULAR } from './register-labels.js';
import { distributionOf, percentileOf, type ScoreDistribution } from './score-distribution.js';
import { scoreResponse, type AreaScore, type ResponseScores } from './score-response.js';
import type { Scoring } from './scoring-types.js';

export interface ProfileWave {
  readonly id: string;
  readonly title: string;
  readonly demo: boolean;
  /** Minimum group size (the wave's minimum cell count). */
  readonly k: number;
}

export interface ProfileRespondent {
  readonly ags: string;
  readonly unit: RegisterUnit;
  readonly answers: FlatResponse;
  /** The instrument's derived variables (vg_egov, egov_count, …). */
  readonly derived: Readonly<Record<string, string | null>>;
}

export interface ProfileContext {
  readonly wave: ProfileWave;
  readonly scoring: Scoring;
  readonly results: ResultsDocument;
  readonly respondents: readonly (ProfileRespondent & PeerUnit)[];
  readonly byAgs: ReadonlyMap<string, ProfileRespondent & PeerUnit>;
  /** Sorted scores per peer group and score id, filled on first use. */
  readonly sorted: Map<string, ReadonlyMap<string, readonly number[]>>;
}

export interface PreviousScores {
  readonly waveId: string;
  readonly waveTitle: string;
  readonly scores: ResponseScores;
}

export interface ScoreStanding {
  readonly id: string;
  readonly label: string;
  /** null when the unit has no score here. */
  readonly percentile: number | null;
  readonly distribution: ScoreDistribution | null;
}

export interface BenchmarkGroup extends Omit<PeerGroup, 'groups'> {
  readonly groups: readonly string[];
  readonly scores: readonly ScoreStanding[];
}

export interface ScoreChange {
  readonly id: string;
  readonly label: string;
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous; null unless both exist. */
  readonly change: number | null;
}

export interface DigitalProfile {
  readonly wave: ProfileWave;
  readonly scoring: string;
  readonly unit: {
    readonly ags: string;
    readonly name: string;
    readonly state: string;
    readonly unitType: string;
    readonly sizeClass: string;
    readonly population: number;
  };
  readonly respondents: number;
  /** The seven areas, then the overall score. */
  readonly scores: readonly AreaScore[];
  readonly benchmark: readonly BenchmarkGroup[];
  readonly memberships: readonly Membership[];
  readonly recommendations: readonly Recommendation[];
  readonly peers: {
    readonly consented: boolean;
    readonly gaps: readonly Gap[];
    readonly list: readonly Peer[];
  };
  /** Null without an earlier comparable wave; else the change since the latest one and every earlier wave's scores. */
  readonly history: ProfileHistory | null;
}

export interface ProfileHistory {
  /** The latest earlier wave: `changes` are since it. */
  readonly waveId: string;
  readonly waveTitle: string;
  readonly changes: readonly ScoreChange[];
  /** Every earlier wave the unit answered, oldest first, with each area's and the overall score. */
  readonly waves: readonly { readonly waveId: string; readonly waveTitle: string; readonly scores: readonly { readonly id: string; readonly score: number | null }[] }[];
}

export function profileContext(wave: ProfileWave, scoring: Scoring, respondents: readonly ProfileRespondent[], results: ResultsDocument): ProfileContext {
  const scored = respondents.map((r) => {
    const scores = scoreResponse(scoring, r.answers);
    return { ...r, scores, values: itemValuesOf(scores) };
  });
  return { wave, scoring, results, respondents: scored, byAgs: new Map(scored.map((r) => [r.ags, r])), sorted: new Map() };
}

/**
 * The profile of `ags`, which must be one of the context's respondents.
 * @param earlier its scores in earlier comparable waves, oldest first (history)
 */
export function digitalProfile(context: ProfileContext, ags: string, earlier: readonly PreviousScores[] = []): DigitalProfile {
  const self = context.byAgs.get(ags);
  if (!self) throw new RangeError(`${ags} ist keine befragte Einheit der Welle ${context.wave.id}`);
  const all = [...self.scores.areas, self.scores.overall];
  const peerGroups = resolvePeerGroups(self.unit, context.respondents.map((r) => r.unit), context.wave.k);
  const gaps = gapsOf(self.scores, context.scoring.peerTopics);
  const peers = findPeers(self, context.respondents, gaps);
  return {
    wave: context.wave,
    scoring: context.scoring.id,
    unit: {
      ags,
      name: self.unit.name,
      state: self.unit.state,
      unitType: UNIT_TYPE_SINGULAR[self.unit.unitType],
      sizeClass: SIZE_CLASS_LABELS[self.unit.sizeClass],
      population: self.unit.population,
    },
    respondents: context.respondents.length,
    scores: all,
    benchmark: peerGroups.map((group) => ({ ...group, scores: standings(context, group, all) })),
    memberships: comparisonGroups(self.derived, self.answers, peerGroups, context.results, context.wave.k),
    recommendations: recommendationsFor(self.scores, self.answers, peers.length),
    peers: { consented: consented(self.answers), gaps, list: peers },
    history: historyOf(all, earlier),
  };
}

function historyOf(current: readonly AreaScore[], earlier: readonly PreviousScores[]): ProfileHistory | null {
  const latest = earlier.at(-1);
  if (!latest) return null;
  const waves = earlier.map(({ waveId, waveTitle, scores }) => ({
    waveId,
    waveTitle,
    scores: [...scores.areas, scores.overall].map((area) => ({ id: area.id, score: area.score })),
  }));
  return { waveId: latest.waveId, waveTitle: latest.waveTitle, changes: changes(current, latest.scores), waves };
}

function standings(context: ProfileContext, group: PeerGroup, own: readonly AreaScore[]): ScoreStanding[] {
  const sorted = sortedScores(context, group);
  return own.map((area) => {
    const scores = sorted.get(area.id) ?? [];
    const enough = scores.length >= context.wave.k;
    return {
      id: area.id,
      label: area.label,
      percentile: area.score !== null && enough ? percentileOf(area.score, scores) : null,
      distribution: enough ? distributionOf(scores) : null,
    };
  });
}

const MEMBER_OF: Readonly<Record<Dimension, (unit: RegisterUnit) => string>> = {
  all: () => 'all',
  size_class: (unit) => unit.sizeClass,
  state: (unit) => unit.state,
  unit_type: (unit) => unit.unitType,
};

function sortedScores(context: ProfileContext, group: PeerGroup): ReadonlyMap<string, readonly number[]> {
  const key = `${group.by}:${group.groups.join(',')}`;
  let found = context.sorted.get(key);
  if (!found) {
    const members = context.respondents.filter((r) => group.groups.includes(MEMBER_OF[group.by](r.unit)));
    const map = new Map<string, number[]>();
    for (const r of members) {
      for (const area of [...r.scores.areas, r.scores.overall]) {
        if (area.score === null) continue;
        const list = map.get(area.id) ?? [];
        list.push(area.score);
        map.set(area.id, list);
      }
    }
    for (const list of map.values()) list.sort((a, b) => a - b);
    found = map;
    context.sorted.set(key, found);
  }
  return found;
}

function changes(current: readonly AreaScore[], previous: ResponseScores): ScoreChange[] {
  const before = new Map([...previous.areas, previous.overall].map((area) => [area.id, area.score]));
  return current.map((area) => {
    const old = before.get(area.id) ?? null;
    return { id: area.id, label: area.label, previous: old, current: area.score, change: old !== null && area.score !== null ? Math.round((area.score - old) * 10) / 10 : null };
  });
}
