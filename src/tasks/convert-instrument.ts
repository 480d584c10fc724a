// `instrument convert` and `instrument import --from lss|surveyjs` (issue 10 item 3): a LimeSurvey or SurveyJS
// questionnaire converted into an instrument version, checked by the same validator as our own files, and
// stored only when it is valid and holds at least one question — all or nothing.
import { dmError } from '../errors.js';
import type { ConvertedInstrument, ConvertOptions } from '../formats/converted-instrument.js';
import { lssToInstrument } from '../formats/limesurvey-lss.js';
import { surveyJsToInstrument } from '../formats/surveyjs-instrument.js';
import { instrumentByVersion } from '../instrument/instrument-by-version.js';
import type { Instrument } from '../instrument/model.js';
import { validateInstrumentFile } from '../instrument/validate-instrument-file.js';
import type { InstrumentFileResult, InstrumentStore } from './instrument-files.js';

export const INSTRUMENT_SOURCES = ['lss', 'surveyjs'] as const;
export type InstrumentSource = (typeof INSTRUMENT_SOURCES)[number];

export interface ConvertInstrumentInput extends ConvertOptions {
  readonly from: InstrumentSource;
  readonly bytes: Uint8Array;
}

export interface ConvertInstrumentResult {
  readonly converted: ConvertedInstrument;
  readonly questions: number;
  /** The validator's verdict on the converted document. */
  readonly check: InstrumentFileResult;
}

/**
 * Converts and validates; stores nothing.
 * @throws DmError DM_LSS_INVALID / DM_SURVEYJS_INVALID for a file that is not of the named format
 */
export async function convertInstrument(store: Pick<InstrumentStore, 'instrumentVersions'>, input: ConvertInstrumentInput): Promise<ConvertInstrumentResult> {
  const options: ConvertOptions = { version: input.version, ...(input.previous ? { previous: input.previous } : {}) };
  const converted = input.from === 'lss' ? lssToInstrument(input.bytes, options) : surveyJsToInstrument(input.bytes, options);
  const questions = converted.document.sections.reduce<number>((sum, section) => sum + ((section as { questions: unknown[] }).questions.length ?? 0), 0);
  const stored = new Map((await store.instrumentVersions()).map((row) => [row.version, row.document as Instrument]));
  const { issues, instrument } = validateInstrumentFile(converted.document, (version) => instrumentByVersion(version) ?? stored.get(version));
  return { converted, questions, check: instrument ? { ok: true, instrument } : { ok: false, issues } };
}

/**
 * Converts, validates and stores the version when valid (a version without questions never is); otherwise
 * stores nothing.
 * @throws DmError DM_INSTRUMENT_VERSION_EXISTS for a built-in or already imported version
 */
export async function importConvertedInstrument(store: InstrumentStore, input: ConvertInstrumentInput, actor: string): Promise<ConvertInstrumentResult> {
  const result = await convertInstrument(store, input);
  if (!result.check.ok) return result;
  if (instrumentByVersion(result.check.instrument.version)) throw dmError('DM_INSTRUMENT_VERSION_EXISTS', { version: result.check.instrument.version });
  await store.saveInstrumentVersion(result.check.instrument.version, result.check.instrument, actor);
  return result;
}

/** @throws DmError DM_INSTRUMENT_NOTHING_MAPPED */
export function requireQuestions(result: ConvertInstrumentResult, file: string): void {
  if (result.questions === 0) throw dmError('DM_INSTRUMENT_NOTHING_MAPPED', { file, count: result.converted.findings.length });
}
