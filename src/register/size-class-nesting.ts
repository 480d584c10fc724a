// instrument.md A: size classes partition unit types. Landkreise are lk1–lk3; Städte and Gemeinden,
// kreisfreie or kreisangehörige, are gk1–gk7. So a table by unit type is a sum of the table by size class,
// which disclosure control must know (a landkreis cell is lk1 + lk2 + lk3 of the same row).
import type { SizeClass, UnitType } from './unit.js';

export interface NestedGroups {
  readonly unitTypes: readonly UnitType[];
  readonly sizeClasses: readonly SizeClass[];
}

export const SIZE_CLASS_NESTING: readonly NestedGroups[] = Object.freeze([
  { unitTypes: ['landkreis'], sizeClasses: ['lk1', 'lk2', 'lk3'] },
  { unitTypes: ['kreisfreie_stadt', 'kreisangehoerige_gemeinde'], sizeClasses: ['gk1', 'gk2', 'gk3', 'gk4', 'gk5', 'gk6', 'gk7'] },
]);
