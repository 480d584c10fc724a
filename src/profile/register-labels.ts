// Short German labels of register groupings for the Digitalprofil.
import type { SizeClass, UnitType } from '../register/unit.js';

export const UNIT_TYPE_LABELS: Readonly<Record<UnitType, string>> = Object.freeze({
  kreisfreie_stadt: 'Kreisfreie Städte',
  kreisangehoerige_gemeinde: 'Kreisangehörige Städte und Gemeinden',
  landkreis: 'Landkreise',
});

export const UNIT_TYPE_SINGULAR: Readonly<Record<UnitType, string>> = Object.freeze({
  kreisfreie_stadt: 'Kreisfreie Stadt',
  kreisangehoerige_gemeinde: 'Kreisangehörige Gemeinde',
  landkreis: 'Landkreis',
});

export function sizeClassShort(sizeClass: SizeClass): string {
  return sizeClass.startsWith('lk') ? `Landkreise GK ${sizeClass.slice(2)}` : `GK ${sizeClass.slice(2)}`;
}
