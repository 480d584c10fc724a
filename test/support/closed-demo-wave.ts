// A closed (public) wave with the 412 demo responses, added to a test store whose register is small: the
// demo is drawn from the bundled register and its pseudonymous units join the store's register.
import { readFileSync } from 'node:fs';
import { generateDemoWave } from '../../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../../src/formats/register-csv.js';
import type { Store } from '../../src/store/store.js';

const read = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

export async function closedDemoWave(store: Store, id: string): Promise<void> {
  const demo = generateDemoWave(parseRegisterCsv(read('gemeinden.csv'), read('kreise.csv')).units);
  await store.replaceSyntheticUnits(demo.units);
  await store.createWave({ id, title: 'Abgeschlossene Demo-Welle', instrumentVersion: '2019', demo: true });
  await store.saveResponses(id, demo.responses, { status: 'submitted', source: 'demo', actor: 'test' });
  await store.setWaveStatus(id, 'open');
  await store.setWaveStatus(id, 'closed');
}
