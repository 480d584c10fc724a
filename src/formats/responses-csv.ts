// The flat CSV of responses (interfaces.md "Flat CSV of responses"): one row per municipality, `ags` first,
// then flat variables (instrument.md "Flat variable names"). Import reports every issue and never throws.
//
// Formula injection: on export, text and e-mail cells starting with = + - @ TAB CR get a leading "'".
// The importer does NOT strip it: cells are stored verbatim (trimmed). So a comment "=HYPERLINK(…)" is
// stored as is and exported as "'=HYPERLINK(…)"; re-importing that stores the apostrophe, and the next
// export is byte-identical. Stripping would silently change a respondent's text that begins with "'".
import type { FlatResponse, Instrument } from '../instrument/model.js';
import type { Issue } from '../instrument/issues.js';
import { checkResponse } from '../instrument/check-response.js';
import { flatVariables } from '../instrument/flat-variables.js';
import { formatCsv, parseCsv } from './csv-text.js';

export interface ResponseRow {
  readonly ags: string;
  readonly answers: FlatResponse;
}

export interface ResponsesCsvParse {
  /** Rows with the right number of cells; only to be used when `issues` is empty (all rows or none). */
  readonly responses: ResponseRow[];
  readonly issues: Issue[];
}

/** At most this many issues are returned, followed by one `too_many_issues` giving the total. */
export const MAX_REPORTED_ISSUES = 1000;

const AGS = /^\d{8}$/; // instrument.md A: 8 digits
const AGS_COLUMN = 'ags';

interface Column {
  readonly index: number;
  readonly name: string;
}

/**
 * Reads a flat CSV (text already decoded). Columns may be any subset of the flat variables (absent = empty);
 * cells are trimmed and empty cells are left out of `answers`. Wholly blank rows are skipped. Paths are
 * `[row, column]` with row 1 = header; response issues keep `params.question`.
 */
export function parseResponsesCsv(text: string, instrument: Instrument, knownAgs: ReadonlySet<string>): ResponsesCsvParse {
  const table = parseCsv(text);
  const issues = issueSink();
  table.issues.forEach(issues.add);
  if (table.issues.some((issue) => issue.code !== 'header_only')) return { responses: [], issues: issues.result() };
  const columns = headerColumns(table.header.map((name) => name.trim()), instrument, issues.add);
  if (columns === undefined) return { responses: [], issues: issues.result() };
  const responses: ResponseRow[] = [];
  const firstRowOfAgs = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== table.header.length) {
      issues.add({ code: 'wrong_column_count', path: [row], params: { expected: table.header.length, actual: cells.length } });
      return;
    }
    const ags = (cells[0] ?? '').trim();
    checkAgs(ags, row, firstRowOfAgs, knownAgs).forEach(issues.add);
    const answers = answersOf(cells, columns);
    for (const issue of checkResponse(instrument, answers)) issues.add(atCell(issue, row));
    responses.push({ ags, answers });
  });
  return { responses, issues: issues.result() };
}

/**
 * `ags` and every flat variable in questionnaire order; ',' + CRLF, UTF-8 without BOM (re-importable).
 * Rows are sorted by AGS, so the output does not depend on the order the responses come in.
 */
export function formatResponsesCsv(instrument: Instrument, responses: readonly ResponseRow[]): string {
  const variables = flatVariables(instrument);
  const header = [AGS_COLUMN, ...variables.map((v) => v.name)];
  const textColumns = new Set(variables.filter((v) => v.kind === 'text' || v.kind === 'email').map((v) => v.name));
  const sorted = [...responses].sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
  const rows = sorted.map((response) => [response.ags, ...variables.map((v) => response.answers[v.name] ?? '')]);
  return formatCsv(header, rows, { delimiter: ',', bom: false, eol: '\r\n', isTextColumn: (column) => textColumns.has(column) });
}

/** The known, first-seen answer columns; undefined when `ags` is not the first column. */
function headerColumns(header: readonly string[], instrument: Instrument, add: (issue: Issue) => void): Column[] | undefined {
  if (header[0] !== AGS_COLUMN) {
    add({ code: 'missing_column', path: [1, AGS_COLUMN], params: { column: AGS_COLUMN, position: 1 } });
    return undefined;
  }
  const known = new Set(flatVariables(instrument).map((v) => v.name));
  const firstPosition = new Map<string, number>([[AGS_COLUMN, 1]]);
  const columns: Column[] = [];
  header.forEach((name, index) => {
    if (index === 0) return;
    const position = index + 1;
    const first = firstPosition.get(name);
    if (first !== undefined) {
      add({ code: 'duplicate_column', path: [1, name], params: { column: name, first, position } });
    } else if (!known.has(name)) {
      add({ code: 'unknown_column', path: [1, name], params: { column: name, position } });
    } else {
      columns.push({ index, name });
    }
    if (first === undefined) firstPosition.set(name, position);
  });
  // `ags` alone (e.g. a list of units meant for `invite`) would empty every listed unit's answers.
  if (header.length === 1) add({ code: 'no_answer_columns', path: [1] });
  return columns;
}

function checkAgs(ags: string, row: number, firstRowOfAgs: Map<string, number>, knownAgs: ReadonlySet<string>): Issue[] {
  const path = [row, AGS_COLUMN];
  if (!AGS.test(ags)) return [{ code: 'invalid_ags', path, params: { value: ags, digits: 8 } }];
  const first = firstRowOfAgs.get(ags);
  if (first !== undefined) return [{ code: 'duplicate_ags', path, params: { value: ags, first } }];
  firstRowOfAgs.set(ags, row);
  return knownAgs.has(ags) ? [] : [{ code: 'unknown_ags', path, params: { value: ags } }];
}

function answersOf(cells: readonly string[], columns: readonly Column[]): FlatResponse {
  const answers: Record<string, string> = {};
  for (const { index, name } of columns) {
    const value = (cells[index] ?? '').trim();
    if (value !== '') answers[name] = value;
  }
  return answers;
}

function atCell(issue: Issue, row: number): Issue {
  const column = issue.params?.variable;
  return { ...issue, path: column === undefined ? [row] : [row, column] };
}

// Keeps the first MAX_REPORTED_ISSUES issues and counts the rest.
function issueSink(): { add: (issue: Issue) => void; result: () => Issue[] } {
  const kept: Issue[] = [];
  let total = 0;
  return {
    add: (issue) => {
      total += 1;
      if (kept.length < MAX_REPORTED_ISSUES) kept.push(issue);
    },
    result: () =>
      total > kept.length
        ? [...kept, { code: 'too_many_issues', path: [], params: { shown: kept.length, total } }]
        : kept,
  };
}
