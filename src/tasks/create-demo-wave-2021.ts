import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { generateDemoWave2021 } from '../demo/generate-demo-wave-2021.js';
import { type DemoStore, realRegister, replaceDemoWave } from './create-demo-wave.js';

export const DEMO_WAVE_2021_ID = '2021-demo';

/**
 * (Re)creates the second synthetic demo wave next to `2019-demo` (issue 9): 247 of its units again plus
 * 165 new pseudonymous ones, deterministic, closed. Period: December 2020 – February 2021.
 */
export async function createDemoWave2021(store: DemoStore, actor: string) {
  const register = await realRegister(store);
  const demo2019 = generateDemoWave(register);
  const demo = generateDemoWave2021(register, demo2019);
  await store.replaceSyntheticUnits([...demo2019.units, ...demo.newUnits]);
  const spec = {
    id: DEMO_WAVE_2021_ID,
    title: 'Wie sind die Kommunen digital aufgestellt? 2021 (synthetische Demo-Daten)',
    opensAt: '2020-11-30T23:00:00.000Z',
    closesAt: '2021-02-28T22:59:59.000Z',
  };
  const wave = await replaceDemoWave(store, spec, demo.responses, actor);
  return { wave, units: demo.units, responses: demo.responses };
}
