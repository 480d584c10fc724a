import { dmError } from '../errors.js';
import { parseResponsesCsv } from '../formats/responses-csv.js';
import type { Store } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { readCsvFile } from './read-csv-file.js';
import { requireWave } from './waves.js';

export interface ResponsesImport {
  readonly waveId: string;
  readonly bytes: Uint8Array;
  /** Shown in messages. */
  readonly fileName: string;
  readonly actor: string;
}

type ImportStore = Pick<Store, 'getWave' | 'registerAgs' | 'saveResponses' | 'instrumentVersion'>;

/** interfaces.md "Flat CSV of responses": all rows or none, every error with row and column. */
export async function importResponses(store: ImportStore, input: ResponsesImport) {
  const wave = await requireWave(store, input.waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const text = readCsvFile(input.bytes, input.fileName);
  const knownAgs = await store.registerAgs();
  if (knownAgs.size === 0) throw dmError('DM_REGISTER_EMPTY');
  const { responses, issues } = parseResponsesCsv(text, instrument, knownAgs);
  if (issues.length > 0) {
    const fileIssues = issues.map((issue) => ({ ...issue, params: { ...issue.params, file: input.fileName } }));
    throw dmError('DM_IMPORT_INVALID', { count: issues.length, file: input.fileName }, fileIssues);
  }
  const saved = await store.saveResponses(wave.id, responses, { status: 'submitted', source: 'import', actor: input.actor });
  return { rows: responses.length, ...saved };
}
