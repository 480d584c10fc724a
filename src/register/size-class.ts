import type { SizeClass, UnitType } from './unit.js';

// instrument.md A: lower bounds inclusive. Städte/Gemeinden (kreisfreie Städte included) gk1–gk7.
const MUNICIPAL_BOUNDS: readonly (readonly [number, SizeClass])[] = [
  [400_000, 'gk1'],
  [200_000, 'gk2'],
  [100_000, 'gk3'],
  [50_000, 'gk4'],
  [25_000, 'gk5'],
  [10_000, 'gk6'],
];
// Landkreise lk1–lk3.
const DISTRICT_BOUNDS: readonly (readonly [number, SizeClass])[] = [
  [250_000, 'lk1'],
  [150_000, 'lk2'],
];

export function sizeClassFor(unitType: UnitType, population: number): SizeClass {
  const [bounds, smallest]: [typeof MUNICIPAL_BOUNDS, SizeClass] =
    unitType === 'landkreis' ? [DISTRICT_BOUNDS, 'lk3'] : [MUNICIPAL_BOUNDS, 'gk7'];
  for (const [lower, sizeClass] of bounds) if (population >= lower) return sizeClass;
  return smallest;
}
