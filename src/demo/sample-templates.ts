// Which real register units lend their Land, type and size to the demo respondents (README "Demo data").
//
// Design: stratified by KGSt size class with disproportionate quotas, because KGSt members — and the
// 412 respondents of 2019 — are mostly towns above 10,000 inhabitants, kreisfreie Städte and Landkreise:
// the large classes are taken almost completely, gk7 only rarely, Landkreise make up 109 / 412 = 26.5 %.
// Within a class: systematic sampling from the list sorted by AGS with a random start, which spreads the
// sample over the Länder in proportion to their units (implicit stratification by Land).
// Disclosure: only units whose cell (Land × unit type × size class) holds at least two real units serve
// as templates, so no demo unit matches exactly one real municipality on these attributes (this leaves
// out Berlin, Hamburg, Bremen, Bremerhaven and the largest city of most Länder).
import { SIZE_CLASSES, type RegisterUnit, type SizeClass } from '../register/unit.js';
import { DEMO_RESPONDENTS } from './demo-quotas.js';
import type { Random } from './random-stream.js';

export const SIZE_CLASS_QUOTAS: Readonly<Record<SizeClass, number>> = {
  gk1: 8, // of 9 templates (15 units ≥ 400,000)
  gk2: 15, // of 18 (25)
  gk3: 30, // of 38 (43)
  gk4: 60, // of 110 (114)
  gk5: 80, // of 333 (334)
  gk6: 80, // of 1,095
  gk7: 30, // of 9,126
  lk1: 38, // of 67 (69)
  lk2: 40, // of 86 (88)
  lk3: 31, // of 137
};

const MIN_CELL = 2;

/** 412 real units (repeats only if the register is too small for a quota), in size-class order. */
export function sampleTemplates(register: readonly RegisterUnit[], random: Random): RegisterUnit[] {
  const pool = templatePool(register);
  const sample = SIZE_CLASSES.flatMap((sizeClass) => {
    const inClass = pool.filter((unit) => unit.sizeClass === sizeClass);
    return systematicSample(inClass.length > 0 ? inClass : pool, SIZE_CLASS_QUOTAS[sizeClass], random);
  });
  if (sample.length !== DEMO_RESPONDENTS) throw new Error(`sampleTemplates: ${sample.length} units`);
  return sample;
}

function templatePool(register: readonly RegisterUnit[]): RegisterUnit[] {
  const real = register.filter((unit) => !unit.synthetic);
  if (real.length === 0) throw new Error('Das Register ist leer: ohne Gemeinden keine Demo-Welle.');
  const cellOf = (unit: RegisterUnit) => `${unit.stateCode}|${unit.unitType}|${unit.sizeClass}`;
  const cellSizes = new Map<string, number>();
  for (const unit of real) cellSizes.set(cellOf(unit), (cellSizes.get(cellOf(unit)) ?? 0) + 1);
  const pool = real.filter((unit) => (cellSizes.get(cellOf(unit)) ?? 0) >= MIN_CELL);
  return (pool.length > 0 ? pool : real).sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
}

/** Every (N/n)-th unit from a random start; with n > N units repeat. */
function systematicSample<T>(sorted: readonly T[], n: number, random: Random): T[] {
  const step = sorted.length / n;
  const start = random() * step;
  return Array.from({ length: n }, (_, j) => sorted[Math.floor(start + j * step) % sorted.length] as T);
}
