// The column-mapping file of a LimeSurvey response import (issue 10, item 4): which LimeSurvey column
// (question code heading, e.g. `G01Q02` or `G02Q03[SQ001]`) becomes which flat variable, which answer
// code becomes which option ID, and which column holds the AGS. The zod schema validates the file and is
// the source of docs/limesurvey-mapping.schema.json. Checks against the instrument yield issues as data.
import { z } from 'zod';
import type { Issue } from '../instrument/issues.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import type { Instrument } from '../instrument/model.js';

const Name = z.string().min(1).max(200);
const AnswerMap = z.record(Name, z.string().max(200)).describe('LimeSurvey-Antwortcode → Options-ID (bei 0/1-Variablen: → „1“ oder „0“)');

export const LimeSurveyMappingSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    unitColumn: Name.describe('Spalte mit dem Amtlichen Gemeindeschlüssel (8 Ziffern), z. B. eine Frage „AGS“ oder „token“'),
    includeIncomplete: z.boolean().optional().describe('auch unvollständige Antworten (leeres „submitdate“) übernehmen; Vorgabe: false (werden übersprungen)'),
    ignore: z.array(Name).max(10_000).optional().describe('Spalten, die bewusst nicht übernommen werden; „*“ steht für beliebige Zeichen (z. B. „*Time“)'),
    answerSets: z
      .record(Name, AnswerMap)
      .optional()
      .describe('benannte Antwortlisten, auf die „columns.*.answers“ mit ihrem Namen verweisen kann (z. B. für alle Zeilen einer Matrix)'),
    columns: z
      .record(
        Name,
        z.strictObject({
          variable: Name.describe('flache Variable (digitalmonitor instrument --variables)'),
          answers: z.union([AnswerMap, Name]).optional().describe('Antwortcodes → Options-IDs, oder der Name einer Liste unter „answerSets“'),
        }),
      )
      .describe('LimeSurvey-Spalte (Fragecode-Überschrift) → flache Variable'),
  })
  .describe('Zuordnung eines LimeSurvey-Antwortexports (CSV mit Fragecodes) zu den flachen Variablen des Digitalmonitors');

export type LimeSurveyMappingFile = z.output<typeof LimeSurveyMappingSchema>;

/** One mapped LimeSurvey column, resolved against the instrument. */
export interface MappedColumn {
  readonly column: string;
  readonly variable: string;
  readonly kind: 'choice' | 'flag' | 'number' | 'text' | 'email';
  /** Code → value; absent: the cell is taken verbatim (flags: Y/1 → 1, N/0 → 0). */
  readonly answers?: Readonly<Record<string, string>>;
  /** Flags of one question (or grid item) share a unit: an unticked box of an answered unit becomes "0". */
  readonly unit: string;
}

export interface LimeSurveyMapping {
  readonly unitColumn: string;
  readonly includeIncomplete: boolean;
  readonly ignore: readonly RegExp[];
  readonly columns: readonly MappedColumn[];
}

export type MappingRead = { readonly mapping: LimeSurveyMapping; readonly issues: readonly [] } | { readonly mapping?: undefined; readonly issues: readonly Issue[] };

const FLAG_VALUES = new Set(['0', '1']);

/** JSON text of a mapping file → the file's value, or one `mapping_not_json` issue. */
export function parseMappingJson(text: string): { readonly value: unknown } | { readonly issue: Issue } {
  try {
    return { value: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown };
  } catch (error) {
    // JSON.parse's message is English; its position is what helps.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return { issue: { code: 'mapping_not_json', path: [], params: position === undefined ? {} : { position: Number(position) } } };
  }
}

/** A mapping file's value → the resolved mapping, or every issue (JSON pointer as the only path element). */
export function readLimeSurveyMapping(value: unknown, instrument: Instrument): MappingRead {
  const parsed = LimeSurveyMappingSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { issues: parsed.error.issues.flatMap(zodIssue) };
  return resolveMapping(parsed.data, instrument);
}

/** The already schema-valid file (e.g. from the API body) against the instrument. */
export function resolveMapping(file: LimeSurveyMappingFile, instrument: Instrument): MappingRead {
  const issues: Issue[] = [];
  const { variableByName } = instrumentIndex(instrument);
  const firstColumnOf = new Map<string, string>();
  const columns: MappedColumn[] = [];
  for (const [column, entry] of Object.entries(file.columns)) {
    const at = pointer('columns', column);
    const variable = variableByName.get(entry.variable);
    if (!variable) {
      issues.push({ code: 'mapping_unknown_variable', path: [pointer('columns', column, 'variable')], params: { variable: entry.variable } });
      continue;
    }
    const first = firstColumnOf.get(variable.name);
    if (first !== undefined) issues.push({ code: 'mapping_duplicate_variable', path: [pointer('columns', column, 'variable')], params: { variable: variable.name, first } });
    else firstColumnOf.set(variable.name, column);
    if (column === file.unitColumn) issues.push({ code: 'mapping_unit_column_mapped', path: [at], params: { column } });
    const answers = answersOf(entry.answers, file.answerSets, pointer('columns', column, 'answers'), issues);
    if (answers && variable.values === undefined) {
      issues.push({ code: 'mapping_answers_not_allowed', path: [pointer('columns', column, 'answers')], params: { variable: variable.name, kind: variable.kind } });
      continue;
    }
    const allowed = variable.kind === 'flag' ? FLAG_VALUES : new Set(variable.values ?? []);
    for (const [code, target] of Object.entries(answers ?? {})) {
      if (!allowed.has(target)) issues.push({ code: 'mapping_unknown_option', path: [pointer('columns', column, 'answers', code)], params: { variable: variable.name, value: target } });
    }
    const unit = `${variable.questionId}/${variable.itemId ?? ''}`;
    columns.push({ column, variable: variable.name, kind: variable.kind, unit, ...(answers ? { answers } : {}) });
  }
  if (issues.length > 0) return { issues };
  return { mapping: { unitColumn: file.unitColumn, includeIncomplete: file.includeIncomplete ?? false, ignore: (file.ignore ?? []).map(globPattern), columns }, issues: [] };
}

function answersOf(answers: LimeSurveyMappingFile['columns'][string]['answers'], sets: LimeSurveyMappingFile['answerSets'], at: string, issues: Issue[]) {
  if (typeof answers !== 'string') return answers;
  const set = sets?.[answers];
  if (!set) issues.push({ code: 'mapping_unknown_answer_set', path: [at], params: { value: answers } });
  return set;
}

function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** RFC 6901 JSON pointer. */
function pointer(...parts: readonly (string | number)[]): string {
  return parts.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function zodIssue(issue: z.core.$ZodIssue): Issue[] {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ code: 'mapping_field_invalid', path: [pointer(...path, key)], params: { reason: 'unknown_field' } }));
  }
  return [{ code: 'mapping_field_invalid', path: [path.length === 0 ? '/' : pointer(...path)], params: { reason: reasonOf(issue), ...expectedOf(issue) } }];
}

function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'missing' : 'wrong_type';
  if (issue.code === 'too_small') return 'too_short';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid';
}

function expectedOf(issue: z.core.$ZodIssue): Record<string, string> {
  return issue.code === 'invalid_type' ? { expected: issue.expected } : {};
}

/** The published JSON Schema (docs/limesurvey-mapping.schema.json), generated from the zod schema. */
export function limeSurveyMappingJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(LimeSurveyMappingSchema, { target: 'draft-2020-12', io: 'input' }), title: 'Zuordnungsdatei für LimeSurvey-Antwortexporte (Kommunaler Digitalmonitor)' };
}
