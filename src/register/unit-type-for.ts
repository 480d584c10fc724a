import type { UnitType } from './unit.js';

// statistics.md "Groupings": gemeinden.csv "Kreisfreie Stadt"/"Stadtkreis" → kreisfreie_stadt, other
// Gemeinde types → kreisangehoerige_gemeinde; kreise.csv Landkreis/Kreis/Regionalverband → landkreis.
const MUNICIPALITY_TYPES: Readonly<Record<string, UnitType>> = {
  'Kreisfreie Stadt': 'kreisfreie_stadt',
  Stadtkreis: 'kreisfreie_stadt',
  'Kreisangehörige Gemeinde': 'kreisangehoerige_gemeinde',
  Stadt: 'kreisangehoerige_gemeinde',
  Markt: 'kreisangehoerige_gemeinde',
  'Große Kreisstadt': 'kreisangehoerige_gemeinde',
};

const DISTRICT_TYPES: Readonly<Record<string, UnitType | null>> = {
  Landkreis: 'landkreis',
  Kreis: 'landkreis',
  Regionalverband: 'landkreis',
  // District-level rows of kreisfreie Städte are already municipalities in gemeinden.csv.
  'Kreisfreie Stadt': null,
  Stadtkreis: null,
};

/** Stadtstaaten: Berlin and Hamburg are single kreisfreie Städte; Bremen has Bremen and Bremerhaven. */
const CITY_STATES = new Set(['BE', 'HH', 'HB']);

/** `undefined` for an unknown type. */
export function municipalityUnitType(sourceType: string, stateCode: string): UnitType | undefined {
  if (!Object.hasOwn(MUNICIPALITY_TYPES, sourceType)) return undefined;
  return CITY_STATES.has(stateCode) ? 'kreisfreie_stadt' : MUNICIPALITY_TYPES[sourceType];
}

/** `null` for a district row that is not a unit of its own, `undefined` for an unknown type. */
export function districtUnitType(sourceType: string): UnitType | null | undefined {
  return Object.hasOwn(DISTRICT_TYPES, sourceType) ? DISTRICT_TYPES[sourceType] : undefined;
}
