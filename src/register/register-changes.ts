// What replacing the register changes, by AGS (synthetic demo units aside: they stay). A replaced register
// silently re-weights and re-groups every wave, so the operator should see how much moved.
import type { RegisterUnit } from './unit.js';

export interface RegisterChanges {
  readonly added: number;
  readonly removed: number;
  /** Units in both whose name, population, type, size class, Land or Kreis differ. */
  readonly changed: number;
}

export function registerChanges(before: readonly RegisterUnit[], after: readonly RegisterUnit[]): RegisterChanges {
  const real = (units: readonly RegisterUnit[]) => new Map(units.filter((unit) => !unit.synthetic).map((unit) => [unit.ags, unit]));
  const [old, next] = [real(before), real(after)];
  let changed = 0;
  for (const [ags, unit] of next) {
    const was = old.get(ags);
    if (was && FIELDS.some((field) => was[field] !== unit[field])) changed++;
  }
  return {
    added: [...next.keys()].filter((ags) => !old.has(ags)).length,
    removed: [...old.keys()].filter((ags) => !next.has(ags)).length,
    changed,
  };
}

const FIELDS = ['name', 'population', 'unitType', 'sizeClass', 'stateCode', 'districtAgs'] as const satisfies readonly (keyof RegisterUnit)[];
