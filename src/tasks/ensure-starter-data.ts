import type { BundledRegister } from './bundled-register.js';
import type { Store } from '../store/store.js';
import { DEMO_WAVE_ID, createDemoWave } from './create-demo-wave.js';
import { DESTATIS_SOURCE, importRegister } from './import-register.js';

/** First start on an empty database: load the shipped register and the demo wave. */
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
}
