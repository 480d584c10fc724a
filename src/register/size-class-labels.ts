import type { SizeClass } from './unit.js';

// instrument.md A: KGSt-Größenklassen.
export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, string>> = Object.freeze({
  gk1: 'GK 1: 400.000 Einwohner und mehr',
  gk2: 'GK 2: 200.000 bis unter 400.000 Einwohner',
  gk3: 'GK 3: 100.000 bis unter 200.000 Einwohner',
  gk4: 'GK 4: 50.000 bis unter 100.000 Einwohner',
  gk5: 'GK 5: 25.000 bis unter 50.000 Einwohner',
  gk6: 'GK 6: 10.000 bis unter 25.000 Einwohner',
  gk7: 'GK 7: unter 10.000 Einwohner',
  lk1: 'Landkreise GK 1: 250.000 Einwohner und mehr',
  lk2: 'Landkreise GK 2: 150.000 bis unter 250.000 Einwohner',
  lk3: 'Landkreise GK 3: unter 150.000 Einwohner',
});
