import { formatResponsesCsv } from '../formats/responses-csv.js';
import type { Store } from '../store/store.js';
import { instrumentOf } from './import-responses.js';
import { requireWave } from './waves.js';

/** The wave's responses as the flat CSV of interfaces.md (re-importable unchanged); `demo` marks synthetic data. */
export async function exportResponsesCsv(store: Pick<Store, 'getWave' | 'responsesForWave'>, waveId: string) {
  const wave = await requireWave(store, waveId);
  const responses = await store.responsesForWave(wave.id);
  const csv = formatResponsesCsv(
    instrumentOf(wave),
    responses.map((response) => ({ ags: response.ags, answers: response.answers })),
  );
  return { csv, demo: wave.demo };
}
