// A store for the Digitalprofil tests: register and the demo waves "2019-demo" (412 synthetic respondents)
// and "2021-demo", plus "zwischen" (mid-2019: six of the 2019 units, with every Basiskomponente in use)
// and "drei" (three respondents, fewer than k = 5).
import { readFileSync } from 'node:fs';
import type { FlatResponse } from '../src/instrument/model.js';
import { openStore } from '../src/store/open-store.js';
import type { Store, StoredResponse } from '../src/store/store.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';

export interface ProfileFixture {
  readonly store: Store;
  readonly demo: readonly StoredResponse[];
  /** The six units of wave „zwischen“, in AGS order. */
  readonly later: readonly string[];
}

const bundled = async () => ({
  gemeinden: readFileSync(new URL('../data/gemeinden.csv', import.meta.url)),
  kreise: readFileSync(new URL('../data/kreise.csv', import.meta.url)),
});

export async function profileFixture(): Promise<ProfileFixture> {
  const store = await openStore({});
  await ensureStarterData(store, bundled, () => {});
  const demo = (await store.responsesForWave('2019-demo')).sort((a, b) => a.ags.localeCompare(b.ags));
  const later = demo.slice(0, 6);
  await store.createWave({ id: 'zwischen', title: 'Zwischenerhebung 2019 (Demo)', instrumentVersion: '2019', opensAt: '2019-06-01T00:00:00.000Z', demo: true });
  await store.saveResponses('zwischen', later.map((r) => ({ ags: r.ags, answers: improved(r.answers) })), { status: 'submitted', source: 'import', actor: 'test' });
  await store.createWave({ id: 'drei', title: 'Drei Antworten', instrumentVersion: '2019', demo: true });
  await store.saveResponses('drei', demo.slice(0, 3).map((r) => ({ ags: r.ags, answers: r.answers })), { status: 'submitted', source: 'import', actor: 'test' });
  return { store, demo, later: later.map((r) => r.ags) };
}

/** Every Basiskomponente in use (operator: own IT), everything else unchanged. */
export function improved(answers: FlatResponse): FlatResponse {
  const out: Record<string, string | undefined> = { ...answers };
  for (const item of ['formularserver', 'epayment', 'servicekonto', 'eid', 'de_mail', 'postfach', 'suche', 'app', 'chatbot']) {
    out[`components__${item}`] = 'im_einsatz';
    for (const operator of ['eigene_it', 'kommunaler_dienstleister', 'privater_dienstleister', 'land', 'weiss_nicht']) {
      out[`operator__${item}__${operator}`] = operator === 'eigene_it' ? '1' : '0';
    }
  }
  return out;
}
