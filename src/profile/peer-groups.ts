// The four comparison groups of a profile (all respondents, size class, Land, unit type) under the wave's
// disclosure control: a group with fewer than k respondents is merged into the next larger grouping —
// a size class with its neighbouring classes of the same kind, otherwise all respondents — and says so.
import { SIZE_CLASSES, type RegisterUnit, type SizeClass } from '../register/unit.js';
import { sizeClassShort, UNIT_TYPE_LABELS } from './register-labels.js';

export type Dimension = 'all' | 'size_class' | 'state' | 'unit_type';
export const DIMENSIONS: readonly Dimension[] = ['all', 'size_class', 'state', 'unit_type'];

export interface PeerGroup {
  /** The comparison asked for. */
  readonly dimension: Dimension;
  /** The grouping actually used (the analysis engine's `by`), `all` after a merge into all respondents. */
  readonly by: Dimension;
  /** Its groups in the engine's terms (`["all"]`, `["gk3", "gk4"]`, `["Hessen"]`). */
  readonly groups: readonly string[];
  readonly label: string;
  /** Respondents in it (with a register row). */
  readonly n: number;
  /** German note when the group had fewer than k respondents and was merged; null otherwise. */
  readonly merged: string | null;
}

type Keyed = (unit: RegisterUnit) => string;
const KEY: Readonly<Record<Exclude<Dimension, 'all'>, Keyed>> = {
  size_class: (unit) => unit.sizeClass,
  state: (unit) => unit.state,
  unit_type: (unit) => unit.unitType,
};

export function resolvePeerGroups(unit: RegisterUnit, respondents: readonly RegisterUnit[], k: number): PeerGroup[] {
  const all: PeerGroup = { dimension: 'all', by: 'all', groups: ['all'], label: 'Alle Befragten', n: respondents.length, merged: null };
  const counts = (dimension: Exclude<Dimension, 'all'>) => {
    const map = new Map<string, number>();
    for (const r of respondents) map.set(KEY[dimension](r), (map.get(KEY[dimension](r)) ?? 0) + 1);
    return map;
  };
  const fallback = (dimension: Dimension, label: string, n: number): PeerGroup => ({
    ...all,
    dimension,
    merged: `${label}: nur ${n} ${n === 1 ? 'Antwort' : 'Antworten'} (weniger als ${k}); zusammengefasst mit allen Befragten.`,
  });
  const single = (dimension: 'state' | 'unit_type', value: string, label: string): PeerGroup => {
    const n = counts(dimension).get(value) ?? 0;
    return n >= k ? { dimension, by: dimension, groups: [value], label, n, merged: null } : fallback(dimension, label, n);
  };
  return [
    all,
    sizeClassGroup(unit.sizeClass, counts('size_class'), k, fallback),
    single('state', unit.state, unit.state),
    single('unit_type', unit.unitType, UNIT_TYPE_LABELS[unit.unitType]),
  ];
}

/** Own class, widened by the neighbour with more respondents (same kind: GK or Landkreise) until n ≥ k. */
function sizeClassGroup(
  own: SizeClass,
  counts: ReadonlyMap<string, number>,
  k: number,
  fallback: (dimension: Dimension, label: string, n: number) => PeerGroup,
): PeerGroup {
  const kind = SIZE_CLASSES.filter((sizeClass) => sizeClass.slice(0, 2) === own.slice(0, 2));
  const ownN = counts.get(own) ?? 0;
  let [lo, hi] = [kind.indexOf(own), kind.indexOf(own)];
  let n = ownN;
  while (n < k && (lo > 0 || hi < kind.length - 1)) {
    const below = lo > 0 ? (counts.get(kind[lo - 1]!) ?? 0) : -1;
    const above = hi < kind.length - 1 ? (counts.get(kind[hi + 1]!) ?? 0) : -1;
    if (below >= above) n += counts.get(kind[--lo]!) ?? 0;
    else n += counts.get(kind[++hi]!) ?? 0;
  }
  const ownLabel = sizeClassShort(own);
  if (n < k) return fallback('size_class', ownLabel, ownN);
  const groups = kind.slice(lo, hi + 1);
  if (groups.length === 1) return { dimension: 'size_class', by: 'size_class', groups, label: ownLabel, n, merged: null };
  const label = `${sizeClassShort(groups[0]!)} bis ${sizeClassShort(groups[groups.length - 1]!).replace('Landkreise ', '')}`;
  return {
    dimension: 'size_class',
    by: 'size_class',
    groups,
    label,
    n,
    merged: `${ownLabel}: nur ${ownN} ${ownN === 1 ? 'Antwort' : 'Antworten'} (weniger als ${k}); zusammengefasst zu ${label}.`,
  };
}
