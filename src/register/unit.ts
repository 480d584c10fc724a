// A unit of the municipality register (shared/data/README.md, instrument.md section A).

export const UNIT_TYPES = ['kreisfreie_stadt', 'kreisangehoerige_gemeinde', 'landkreis'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const SIZE_CLASSES = ['gk1', 'gk2', 'gk3', 'gk4', 'gk5', 'gk6', 'gk7', 'lk1', 'lk2', 'lk3'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export interface RegisterUnit {
  /** 8 digits; Kreise: the 5-digit Kreisschlüssel + "000". */
  readonly ags: string;
  readonly name: string;
  /** Two-letter Land code (SH … TH). */
  readonly stateCode: string;
  /** German Land name, e.g. "Nordrhein-Westfalen". */
  readonly state: string;
  readonly districtAgs: string;
  readonly district: string;
  readonly unitType: UnitType;
  /** Type as in the source file ("Stadt", "Markt", "Landkreis", …). */
  readonly sourceType: string;
  readonly population: number;
  readonly areaKm2: number;
  readonly sizeClass: SizeClass;
  /** Pseudonymous demo unit: never a real municipality. */
  readonly synthetic: boolean;
}

export interface Register {
  /** Gebietsstand, ISO date. */
  readonly referenceDate: string;
  /** Reference date of the population figures, ISO date. */
  readonly populationDate: string;
  readonly source: string;
  readonly units: readonly RegisterUnit[];
}
