// `import-responses --from limesurvey --mapping <datei.json>`: a LimeSurvey response export through a
// column mapping, then the same all-or-nothing checks as the flat import (parseResponsesCsv).
import { dmError } from '../errors.js';
import { convertLimeSurveyResponses } from '../formats/limesurvey-responses.js';
import { type LimeSurveyMapping, type LimeSurveyMappingFile, parseMappingJson, readLimeSurveyMapping, resolveMapping } from '../formats/limesurvey-mapping.js';
import { MAX_REPORTED_ISSUES, parseResponsesCsv } from '../formats/responses-csv.js';
import type { Issue } from '../instrument/issues.js';
import type { Instrument } from '../instrument/model.js';
import type { Store } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { readCsvFile } from './read-csv-file.js';
import { requireWave } from './waves.js';

export interface LimeSurveyImport {
  readonly waveId: string;
  /** The export (CSV with question-code headings and answer codes). */
  readonly bytes: Uint8Array;
  /** The mapping file's bytes (JSON), or its already schema-checked value (API). */
  readonly mapping: Uint8Array | LimeSurveyMappingFile;
  /** Shown in messages. */
  readonly fileName: string;
  readonly mappingName: string;
  readonly actor: string;
}

export interface LimeSurveyImportResult {
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  /** Incomplete responses (empty submitdate) left out. */
  readonly skipped: number;
}

type ImportStore = Pick<Store, 'getWave' | 'registerAgs' | 'saveResponses' | 'instrumentVersion'>;

export async function importLimeSurveyResponses(store: ImportStore, input: LimeSurveyImport): Promise<LimeSurveyImportResult> {
  const wave = await requireWave(store, input.waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const mapping = mappingOf(input, instrument);
  const text = readCsvFile(input.bytes, input.fileName);
  const knownAgs = await store.registerAgs();
  if (knownAgs.size === 0) throw dmError('DM_REGISTER_EMPTY');
  const conversion = convertLimeSurveyResponses(text, mapping);
  const checked = conversion.flatCsv === '' ? { responses: [], issues: [] } : parseResponsesCsv(conversion.flatCsv, instrument, knownAgs);
  // The flat checks name flat columns; the user knows the LimeSurvey ones (the message still names the variable).
  const renamed = checked.issues.map((issue) => (typeof issue.path[1] === 'string' ? { ...issue, path: [issue.path[0]!, conversion.sourceColumn.get(issue.path[1]) ?? issue.path[1]] } : issue));
  const issues = capped([...conversion.issues, ...renamed]);
  if (issues.length > 0) {
    const fileIssues = issues.map((issue) => ({ ...issue, params: { ...issue.params, file: input.fileName } }));
    throw dmError('DM_IMPORT_INVALID', { count: issues.length, file: input.fileName }, fileIssues);
  }
  const saved = await store.saveResponses(wave.id, checked.responses, { status: 'submitted', source: 'import', actor: input.actor });
  return { rows: checked.responses.length, ...saved, skipped: conversion.skipped };
}

function mappingOf(input: LimeSurveyImport, instrument: Instrument): LimeSurveyMapping {
  const reject = (issues: readonly Issue[]) =>
    dmError('DM_LIMESURVEY_MAPPING_INVALID', { file: input.mappingName, count: issues.length }, issues.map((issue) => ({ ...issue, params: { ...issue.params, file: input.mappingName } })));
  if (!(input.mapping instanceof Uint8Array)) {
    const resolved = resolveMapping(input.mapping, instrument);
    if (!resolved.mapping) throw reject(resolved.issues);
    return resolved.mapping;
  }
  const json = parseMappingJson(new TextDecoder('utf-8').decode(input.mapping));
  if ('issue' in json) throw reject([json.issue]);
  const read = readLimeSurveyMapping(json.value, instrument);
  if (!read.mapping) throw reject(read.issues);
  return read.mapping;
}

function capped(issues: readonly Issue[]): Issue[] {
  const kept = issues.filter((issue) => issue.code !== 'too_many_issues');
  const dropped = issues.reduce((sum, issue) => sum + (issue.code === 'too_many_issues' ? Number(issue.params?.total ?? 0) - Number(issue.params?.shown ?? 0) : 0), 0);
  if (kept.length <= MAX_REPORTED_ISSUES && dropped === 0) return kept;
  const shown = Math.min(kept.length, MAX_REPORTED_ISSUES);
  return [...kept.slice(0, shown), { code: 'too_many_issues', path: [], params: { shown, total: kept.length + dropped } }];
}
