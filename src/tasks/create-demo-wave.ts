import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { dmError } from '../errors.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../register/unit.js';
import type { ResponseInput, Store, Wave } from '../store/store.js';
import { publicationOmits } from './publication.js';

export const DEMO_WAVE_ID = '2019-demo';

export type DemoStore = Pick<Store, 'registerUnits' | 'replaceSyntheticUnits' | 'deleteWave' | 'createWave' | 'setWaveStatus' | 'saveResponses'>;

export interface DemoWaveSpec {
  readonly id: string;
  readonly title: string;
  readonly opensAt: string;
  readonly closesAt: string;
}

/**
 * (Re)creates the synthetic demo wave from the real register: pseudonymous units, 412 responses,
 * deterministic (PRODUCT.md "Demo data"). Period as in the seed: December 2018 – February 2019.
 */
export async function createDemoWave(store: DemoStore, actor: string) {
  const demo = generateDemoWave(await realRegister(store));
  await store.replaceSyntheticUnits(demo.units);
  const spec = {
    id: DEMO_WAVE_ID,
    title: 'Wie sind die Kommunen digital aufgestellt? 2019 (synthetische Demo-Daten)',
    opensAt: '2018-11-30T23:00:00.000Z',
    closesAt: '2019-02-28T22:59:59.000Z',
  };
  const wave = await replaceDemoWave(store, spec, demo.responses, actor);
  return { wave, units: demo.units, responses: demo.responses };
}

/** The register's real (not synthetic) units; DM_REGISTER_EMPTY when there are none. */
export async function realRegister(store: Pick<Store, 'registerUnits'>): Promise<RegisterUnit[]> {
  const register = (await store.registerUnits()).filter((unit) => !unit.synthetic);
  if (register.length === 0) throw dmError('DM_REGISTER_EMPTY');
  return register;
}

/** Replaces wave `spec.id` by a closed demo wave on the 2019 questionnaire holding `responses`. */
export async function replaceDemoWave(store: DemoStore, spec: DemoWaveSpec, responses: readonly ResponseInput[], actor: string): Promise<Wave> {
  await store.deleteWave(spec.id);
  await store.createWave({ ...spec, instrumentVersion: '2019', demo: true });
  await store.saveResponses(spec.id, responses, { status: 'submitted', source: 'demo', actor });
  await store.setWaveStatus(spec.id, 'open');
  return store.setWaveStatus(spec.id, 'closed', { omitKeys: publicationOmits(instrument2019), actor });
}
