// The three comparison groups of instrument.md (vg_strategy, vg_egov, vg_community): is the unit a member,
// what is missing to join, and how many of each peer group are members (read from the analysis engine's
// results document, so the numbers are the engine's).
import type { ResultsDocument } from '../analysis/results-document.js';
import type { FlatResponse } from '../instrument/model.js';
import { shareOf } from '../report/read-results.js';
import type { PeerGroup } from './peer-groups.js';

export type ComparisonGroupId = 'vg_strategy' | 'vg_egov' | 'vg_community';

export interface GroupShare {
  readonly label: string;
  /** Units with a known value in the group, as the base of the engine's table `<variable> × <by>`. */
  readonly base: number;
  /** Members; null when withheld (disclosure control: 0 < n < k or 0 < base − n < k). */
  readonly n: number | null;
  readonly share: number | null;
  /** Withheld: members are fewer than k ("below") or all but fewer than k ("above"); null when shown. */
  readonly withheld: 'below' | 'above' | null;
}

export interface Membership {
  readonly id: ComparisonGroupId;
  readonly label: string;
  /** null when the answers it depends on are missing. */
  readonly member: boolean | null;
  /** German sentence: member, or what is missing to join. */
  readonly text: string;
  readonly shares: readonly GroupShare[];
}

const GROUPS: readonly { readonly id: ComparisonGroupId; readonly label: string; readonly value: string }[] = [
  { id: 'vg_egov', label: 'im E-Government gut aufgestellt (mindestens drei Basiskomponenten im Einsatz)', value: 'true' },
  { id: 'vg_strategy', label: 'mit Digitalisierungsstrategie', value: 'hat' },
  { id: 'vg_community', label: 'in der örtlichen Gemeinschaft engagiert (mindestens zwei Angebote unterstützt)', value: 'true' },
];

export function comparisonGroups(
  derived: Readonly<Record<string, string | null>>,
  flat: FlatResponse,
  peerGroups: readonly PeerGroup[],
  results: ResultsDocument,
  k: number,
): Membership[] {
  // A questionnaire version without a group's derivation has no such group (deriveDeclared leaves it out).
  return GROUPS.filter((group) => Object.hasOwn(derived, group.id)).map((group) => {
    const value = derived[group.id] ?? null;
    const member = value === null ? null : value === group.value;
    const shares = peerGroups.flatMap((peer): GroupShare[] => {
      const found = shareOf(results, { variable: group.id, values: [group.value], by: peer.by, groups: peer.groups });
      return found ? [{ label: peer.label, ...withheld(found, k) }] : [];
    });
    return { id: group.id, label: group.label, member, text: membershipText(group.id, derived, flat, member), shares };
  });
}

/** The primary rule of statistics.md "Disclosure control" on the members and on the non-members. */
function withheld(found: { n: number; base: number; share: number }, k: number): Omit<GroupShare, 'label'> {
  const { n, base, share } = found;
  if (n > 0 && n < k) return { base, n: null, share: null, withheld: 'below' };
  if (base - n > 0 && base - n < k) return { base, n: null, share: null, withheld: 'above' };
  return { base, n, share, withheld: null };
}

function membershipText(id: ComparisonGroupId, derived: Readonly<Record<string, string | null>>, flat: FlatResponse, member: boolean | null): string {
  if (id === 'vg_egov') {
    if (member === null) return 'Nicht bestimmbar: Angaben zu den Basiskomponenten fehlen.';
    if (member) return 'Sie zählen zu den im E-Government gut aufgestellten Kommunen.';
    const missing = 3 - Number(derived['egov_count']);
    return `Ihnen ${missing === 1 ? 'fehlt eine Basiskomponente' : `fehlen ${missing} Basiskomponenten`}, um zu den im E-Government gut aufgestellten Kommunen zu zählen.`;
  }
  if (id === 'vg_community') {
    if (member === null) return 'Nicht bestimmbar: Angaben zu den Angeboten in der örtlichen Gemeinschaft fehlen.';
    if (member) return 'Sie zählen zu den in der örtlichen Gemeinschaft engagierten Kommunen.';
    const missing = 2 - Number(derived['community_count']);
    return `Ihnen ${missing === 1 ? 'fehlt ein unterstütztes Angebot' : 'fehlen zwei unterstützte Angebote'} in der örtlichen Gemeinschaft, um zu den dort engagierten Kommunen zu zählen.`;
  }
  if (member === null) return 'Nicht bestimmbar: die Frage nach der Digitalisierungsstrategie ist nicht beantwortet.';
  if (member) return 'Sie zählen zu den Kommunen mit Digitalisierungsstrategie.';
  return flat['strategy_status'] === 'in_entwicklung'
    ? 'Ihre Strategie wird entwickelt: Sobald sie vorliegt, zählen Sie zu den Kommunen mit Digitalisierungsstrategie.'
    : 'Ihnen fehlt eine Digitalisierungsstrategie, um zu den Kommunen mit Strategie zu zählen.';
}
