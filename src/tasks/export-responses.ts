import { flatVariables } from '../instrument/flat-variables.js';
import { formatResponsesCsv } from '../formats/responses-csv.js';
import type { FlatResponse } from '../instrument/model.js';
import type { Store } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { requireWave } from './waves.js';

/**
 * The wave's responses as the flat CSV of interfaces.md; `demo` marks synthetic data. Direct identifiers
 * (free text and e-mail variables) stay empty unless `intern` (admins): only the internal export
 * re-imports unchanged.
 */
export async function exportResponsesCsv(store: Pick<Store, 'getWave' | 'responsesForWave' | 'instrumentVersion'>, waveId: string, options: { readonly intern?: boolean } = {}) {
  const wave = await requireWave(store, waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const identifying = flatVariables(instrument).filter((variable) => variable.kind === 'text' || variable.kind === 'email').map((variable) => variable.name);
  const withoutIdentifiers = (answers: FlatResponse): FlatResponse =>
    options.intern ? answers : Object.fromEntries(Object.entries(answers).filter(([name]) => !identifying.includes(name)));
  const responses = await store.responsesForWave(wave.id);
  const csv = formatResponsesCsv(
    instrument,
    responses.map((response) => ({ ags: response.ags, answers: withoutIdentifiers(response.answers) })),
  );
  return { csv, demo: wave.demo };
}
