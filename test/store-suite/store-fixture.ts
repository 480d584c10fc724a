// What each driver's test file hands the conformance suite, plus sample data.
import type { RegisterUnit } from '../../src/register/unit.js';
import type { SqlClient } from '../../src/store/sql-client.js';
import type { RegisterReplacement, Store } from '../../src/store/store.js';

export interface StoreFixture {
  readonly store: Store;
  /** The same database, for what the port does not offer (raw UPDATE on the audit log). */
  readonly sql: SqlClient;
  cleanup(): Promise<void>;
}

export type OpenFixture = () => Promise<StoreFixture>;

export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function unit(ags: string, overrides: Partial<RegisterUnit> = {}): RegisterUnit {
  return {
    ags,
    name: `Gemeinde ${ags}`,
    stateCode: 'SH',
    state: 'Schleswig-Holstein',
    districtAgs: ags.slice(0, 5),
    district: `Kreis ${ags.slice(0, 5)}`,
    unitType: 'kreisangehoerige_gemeinde',
    sourceType: 'Kreisangehörige Gemeinde',
    population: 1234,
    areaKm2: 12.34,
    sizeClass: 'gk7',
    synthetic: false,
    ...overrides,
  };
}

export function register(units: readonly RegisterUnit[], referenceDate = '2024-12-31'): RegisterReplacement {
  return { actor: 'analyst@test', referenceDate, populationDate: '2023-12-31', source: 'Testdaten', units };
}

/** Runs `fn` on a fresh store and always cleans up. */
export async function withStore(open: OpenFixture, fn: (fixture: StoreFixture) => Promise<void>): Promise<void> {
  const fixture = await open();
  try {
    await fn(fixture);
  } finally {
    await fixture.cleanup();
  }
}
