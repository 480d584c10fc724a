// Peer finder (issue 7): units that consented to the exchange (peer_exchange = ja) and fully have what
// this unit lacks, ranked by similarity. Non-consenting units never enter the list; contact addresses only
// when this unit consented as well (instrument.md: "shown only to consenting peers").
import type { FlatResponse } from '../instrument/model.js';
import type { RegisterUnit } from '../register/unit.js';
import { isFilled } from './item-rules.js';
import { sizeClassShort, UNIT_TYPE_SINGULAR } from './register-labels.js';
import type { ResponseScores } from './score-response.js';

export interface PeerUnit {
  readonly ags: string;
  readonly unit: RegisterUnit;
  readonly answers: FlatResponse;
  readonly scores: ResponseScores;
  /** Item id → value, from `scores` (itemValuesOf). */
  readonly values: ReadonlyMap<string, number | null>;
}

export interface Gap {
  readonly item: string;
  /** „Basiskomponente: Servicekonto / Bürgerkonto“. */
  readonly label: string;
}

export interface Peer {
  readonly ags: string;
  readonly name: string;
  readonly state: string;
  readonly unitType: string;
  readonly sizeClass: string;
  /** Higher is more similar (docs/digitalprofil.md "Ähnlichkeit"). */
  readonly similarity: number;
  readonly similarities: readonly string[];
  /** Labels of the gaps it has filled. */
  readonly offers: readonly string[];
  /** Only when both consented and the peer gave an address. */
  readonly contact: string | null;
}

export const MAX_PEERS = 6;

/** Items of `topics` this unit has not fully (value < 1); unanswered items are no gaps (unknown). */
export function gapsOf(scores: ResponseScores, topics: Readonly<Record<string, string>>): Gap[] {
  return scores.areas.flatMap((area) =>
    area.items.flatMap((item) => (Object.hasOwn(topics, item.id) && item.value !== null && item.value < 1 ? [{ item: item.id, label: topics[item.id] === item.label ? item.label : `${topics[item.id]}: ${item.label}` }] : [])),
  );
}

export function consented(answers: FlatResponse): boolean {
  return answers['peer_exchange'] === 'ja';
}

export function findPeers(self: PeerUnit, candidates: readonly PeerUnit[], gaps: readonly Gap[]): Peer[] {
  if (gaps.length === 0) return [];
  const showContact = consented(self.answers);
  const peers: Peer[] = [];
  for (const candidate of candidates) {
    if (candidate.ags === self.ags || !consented(candidate.answers)) continue;
    const offers = gaps.filter((gap) => candidate.values.get(gap.item) === 1).map((gap) => gap.label);
    if (offers.length === 0) continue;
    const { score, reasons } = similarity(self.unit, candidate.unit);
    const contact = candidate.answers['contact_email'];
    peers.push({
      ags: candidate.ags,
      name: candidate.unit.name,
      state: candidate.unit.state,
      unitType: UNIT_TYPE_SINGULAR[candidate.unit.unitType],
      sizeClass: sizeClassShort(candidate.unit.sizeClass),
      similarity: score,
      similarities: reasons,
      offers,
      contact: showContact && isFilled(contact) ? contact : null,
    });
  }
  return peers
    .sort((a, b) => b.similarity - a.similarity || b.offers.length - a.offers.length || a.ags.localeCompare(b.ags))
    .slice(0, MAX_PEERS);
}

/**
 * Same Kreis 3, same size class 2, same unit type 2, same Land 1, plus closeness of population (1 for equal,
 * 0 from a factor of 10 apart). The register has no centroids, so Kreis and Land stand in for distance.
 */
export function similarity(a: RegisterUnit, b: RegisterUnit): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, holds: boolean, reason: string) => {
    if (!holds) return;
    score += points;
    reasons.push(reason);
  };
  add(3, a.districtAgs === b.districtAgs, 'gleicher Kreis');
  add(2, a.sizeClass === b.sizeClass, 'gleiche Größenklasse');
  add(2, a.unitType === b.unitType, 'gleiche Art');
  add(1, a.stateCode === b.stateCode, 'gleiches Land');
  const ratio = Math.abs(Math.log10(Math.max(1, a.population) / Math.max(1, b.population)));
  score += Math.max(0, 1 - ratio);
  return { score: Math.round(score * 100) / 100, reasons };
}

export function itemValuesOf(scores: ResponseScores): Map<string, number | null> {
  return new Map(scores.areas.flatMap((area) => area.items.map((item) => [item.id, item.value] as const)));
}
