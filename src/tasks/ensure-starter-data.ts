import type { BundledRegister } from './bundled-register.js';
import type { Store } from '../store/store.js';
import { DEMO_WAVE_ID, createDemoWave } from './create-demo-wave.js';
import { DEMO_WAVE_2021_ID, createDemoWave2021 } from './create-demo-wave-2021.js';
import { DESTATIS_SOURCE, importRegister } from './import-register.js';

/** First start on an empty database: load the shipped register and the demo waves (2019-demo, 2021-demo). */
export async function ensureStarterData(store: Store, bundled: () => Promise<BundledRegister>, log: (line: string) => void) {
  if (!(await store.registerInfo())) {
    const files = await bundled();
    const result = await importRegister(store, { ...files, referenceDate: '2024-12-31', populationDate: '2023-12-31', source: DESTATIS_SOURCE, actor: 'system' });
    log(`Gemeindeverzeichnis geladen: ${result.units.toLocaleString('de-DE')} Einheiten.`);
  }
  if (!(await store.getWave(DEMO_WAVE_ID))) {
    const demo = await createDemoWave(store, 'system');
    log(`Demo-Welle „${DEMO_WAVE_ID}“ angelegt: ${demo.responses.length} synthetische Antworten.`);
  }
  if (!(await store.getWave(DEMO_WAVE_2021_ID))) {
    const demo = await createDemoWave2021(store, 'system');
    log(`Zweite Demo-Erhebung „${DEMO_WAVE_2021_ID}“ für Trends angelegt: ${demo.responses.length} synthetische Antworten.`);
  }
}
