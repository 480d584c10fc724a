import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { dmError } from '../errors.js';
import type { Store, Wave } from '../store/store.js';

export const DEMO_WAVE_ID = '2019-demo';

type DemoStore = Pick<Store, 'registerUnits' | 'replaceSyntheticUnits' | 'deleteWave' | 'createWave' | 'setWaveStatus' | 'saveResponses'>;

/**
 * (Re)creates the synthetic demo wave from the real register: pseudonymous units, 412 responses,
 * deterministic (PRODUCT.md "Demo data"). Period as in the seed: December 2018 – February 2019.
 */
export async function createDemoWave(store: DemoStore, actor: string) {
  const register = (await store.registerUnits()).filter((unit) => !unit.synthetic);
  if (register.length === 0) throw dmError('DM_REGISTER_EMPTY');
  const demo = generateDemoWave(register);
  await store.replaceSyntheticUnits(demo.units);
  await store.deleteWave(DEMO_WAVE_ID);
  await store.createWave({
    id: DEMO_WAVE_ID,
    title: 'Wie sind die Kommunen digital aufgestellt? 2019 (synthetische Demo-Daten)',
    instrumentVersion: '2019',
    opensAt: '2018-11-30T23:00:00.000Z',
    closesAt: '2019-02-28T22:59:59.000Z',
    demo: true,
  });
  await store.saveResponses(DEMO_WAVE_ID, demo.responses, { status: 'submitted', source: 'demo', actor });
  await store.setWaveStatus(DEMO_WAVE_ID, 'open');
  const wave: Wave = await store.setWaveStatus(DEMO_WAVE_ID, 'closed');
  return { wave, units: demo.units, responses: demo.responses };
}
