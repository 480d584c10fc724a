// Demo units that never carry the name or AGS of a real municipality (PRODUCT.md "Demo data").
//
// AGS: Land (2) + "8" + pseudo-Kreis (2) + Gemeinde (3). No real AGS has an 8 in the third place (the
// Regierungsbezirk digit is 0–7 or 9), so the Land prefix still names the Land and nothing collides;
// the caller asserts that anyway. Each real Kreis of a template becomes one pseudo-Kreis, in a random
// order, so Landkreise, kreisfreie Städte and the Gemeinden of a Kreis stay consistent, as in the register.
import { sizeClassFor } from '../register/size-class.js';
import type { RegisterUnit } from '../register/unit.js';
import { shuffled } from './random-draws.js';
import type { Random } from './random-stream.js';

type NameKind = 'Musterstadt' | 'Mustergemeinde' | 'Musterkreis';

const TOWN_TYPES = new Set(['Stadt', 'Große Kreisstadt']);

/** Population ± 8 % within the size class, area ± 10 %: no copied figure points back to a template. */
const POPULATION_JITTER = 0.08;
const AREA_JITTER = 0.1;

export function pseudonymizeUnits(templates: readonly RegisterUnit[], random: Random): RegisterUnit[] {
  const names = new NameCounter();
  const districts = new DistrictKeys(names);
  return shuffled(random, templates).map((template) => {
    const district = districts.keyFor(template);
    const kind = nameKind(template);
    const ags = template.unitType === 'kreisangehoerige_gemeinde' ? district.nextMunicipality() : `${district.key}000`;
    const name = template.unitType === 'landkreis' ? district.name : names.next(kind);
    const population = jitterPopulation(template, random);
    return {
      ags,
      name,
      stateCode: template.stateCode,
      state: template.state,
      districtAgs: district.key,
      district: template.unitType === 'kreisangehoerige_gemeinde' ? district.name : name,
      unitType: template.unitType,
      sourceType: sourceTypeOf(template, kind),
      population,
      areaKm2: Math.round(template.areaKm2 * (1 - AREA_JITTER + 2 * AREA_JITTER * random()) * 100) / 100,
      sizeClass: sizeClassFor(template.unitType, population),
      synthetic: true,
    };
  });
}

function nameKind(unit: RegisterUnit): NameKind {
  if (unit.unitType === 'landkreis') return 'Musterkreis';
  if (unit.unitType === 'kreisfreie_stadt' || TOWN_TYPES.has(unit.sourceType)) return 'Musterstadt';
  return 'Mustergemeinde';
}

function sourceTypeOf(unit: RegisterUnit, kind: NameKind): string {
  if (unit.unitType === 'landkreis') return 'Landkreis';
  if (unit.unitType === 'kreisfreie_stadt') return 'Kreisfreie Stadt';
  return kind === 'Musterstadt' ? 'Stadt' : 'Kreisangehörige Gemeinde';
}

// A ± 8 % change crosses at most one class bound (classes span a factor ≥ 1.6); mirrored, it stays inside.
function jitterPopulation(unit: RegisterUnit, random: Random): number {
  const factor = 1 - POPULATION_JITTER + 2 * POPULATION_JITTER * random();
  const jittered = Math.max(1, Math.round(unit.population * factor));
  if (sizeClassFor(unit.unitType, jittered) === unit.sizeClass) return jittered;
  return Math.max(1, Math.round(unit.population * (2 - factor)));
}

class NameCounter {
  readonly #counts = new Map<NameKind, number>();

  next(kind: NameKind): string {
    const count = (this.#counts.get(kind) ?? 0) + 1;
    this.#counts.set(kind, count);
    return `${kind} ${String(count).padStart(3, '0')}`;
  }
}

interface PseudoDistrict {
  readonly key: string;
  readonly name: string;
  nextMunicipality(): string;
}

class DistrictKeys {
  readonly #byRealKey = new Map<string, PseudoDistrict>();
  readonly #perState = new Map<string, number>();
  readonly #names: NameCounter;

  constructor(names: NameCounter) {
    this.#names = names;
  }

  keyFor(unit: RegisterUnit): PseudoDistrict {
    const known = this.#byRealKey.get(unit.districtAgs);
    if (known) return known;
    const district = this.#create(unit);
    this.#byRealKey.set(unit.districtAgs, district);
    return district;
  }

  #create(unit: RegisterUnit): PseudoDistrict {
    const prefix = unit.ags.slice(0, 2);
    const number = (this.#perState.get(prefix) ?? 0) + 1;
    if (number > 99) throw new Error(`Mehr als 99 Demo-Kreise im Land ${unit.stateCode}`);
    this.#perState.set(prefix, number);
    const key = `${prefix}8${String(number).padStart(2, '0')}`;
    // A kreisfreie Stadt is its own Kreis and takes its name from the city (named by the caller).
    const name = unit.unitType === 'kreisfreie_stadt' ? '' : this.#names.next('Musterkreis');
    let municipalities = 0;
    return {
      key,
      name,
      nextMunicipality: () => {
        municipalities += 1;
        return `${key}${String(municipalities).padStart(3, '0')}`;
      },
    };
  }
}
