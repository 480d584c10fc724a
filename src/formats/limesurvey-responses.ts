// A LimeSurvey response export (CSV, headings "Fragecode", answers "Antwortcodes") → the flat CSV of
// responses, through a column mapping (limesurvey-mapping.ts). The result is then read by
// parseResponsesCsv, so it passes exactly the checks of `import-responses`.
//
// LimeSurvey's CSV writer (application/helpers/admin/export/CsvWriter.php, Writer.php): UTF-8 with BOM,
// every cell quoted, CRLF, a blank last line; ',' or ';'. Multiple choice cells hold "Y" (ticked) or ""
// ("N" or a chosen replacement with „Y/N umwandeln“); lists and arrays hold the answer code; "-oth-" is
// a list's "Sonstiges" whose text is in `Q[other]`. Meta columns (id, submitdate, …) come first.
import type { Issue } from '../instrument/issues.js';
import { formatCsv, parseCsv } from './csv-text.js';
import type { LimeSurveyMapping, MappedColumn } from './limesurvey-mapping.js';

/** Columns of LimeSurvey's own (not question) fields, never an answer. */
export const LIMESURVEY_META_COLUMNS: readonly string[] = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'token', 'startdate', 'datestamp', 'ipaddr', 'refurl', 'interviewtime'];

const AGS_COLUMN = 'ags';
/** Full-answer exports write this for "no answer"; with answer codes the cell is empty. */
const NO_ANSWER = 'N/A';
const FLAG_CODES: Readonly<Record<string, string>> = { Y: '1', N: '0', '1': '1', '0': '0' };

export interface LimeSurveyConversion {
  /** Flat CSV, one row per source row (skipped and broken rows left blank, so row numbers stay). */
  readonly flatCsv: string;
  /** Conversion issues, paths `[row, LimeSurvey column]`; the flat checks come on top. */
  readonly issues: readonly Issue[];
  /** Rows left out because they are incomplete (empty `submitdate`). */
  readonly skipped: number;
  /** Flat column → the LimeSurvey column it came from (to name that column in the flat checks' issues). */
  readonly sourceColumn: ReadonlyMap<string, string>;
}

interface Located {
  readonly index: number;
  readonly mapped: MappedColumn;
}

export function convertLimeSurveyResponses(text: string, mapping: LimeSurveyMapping): LimeSurveyConversion {
  const sourceColumn = new Map<string, string>([[AGS_COLUMN, mapping.unitColumn], ...mapping.columns.map((c): [string, string] => [c.variable, c.column])]);
  const table = parseCsv(text);
  const issues: Issue[] = [...table.issues];
  const empty = { flatCsv: '', issues, skipped: 0, sourceColumn };
  if (table.issues.some((issue) => issue.code !== 'header_only')) return empty;
  const header = table.header.map((name) => name.trim());
  const located = locateColumns(header, mapping, issues);
  const unitIndex = header.indexOf(mapping.unitColumn);
  if (unitIndex < 0) issues.push({ code: 'mapping_column_missing', path: [1, mapping.unitColumn], params: { column: mapping.unitColumn } });
  if (unitIndex < 0 || issues.length > 0) return empty;
  const submitIndex = header.indexOf('submitdate');
  let skipped = 0;
  const rows = table.rows.map((cells, i): string[] => {
    const row = i + 2;
    const blank = ['', ...located.map(() => '')];
    if (cells.every((cell) => cell.trim() === '')) return blank;
    if (cells.length !== header.length) {
      issues.push({ code: 'wrong_column_count', path: [row], params: { expected: header.length, actual: cells.length } });
      return blank;
    }
    if (!mapping.includeIncomplete && submitIndex >= 0 && (cells[submitIndex] ?? '').trim() === '') {
      skipped += 1;
      return blank;
    }
    const ags = (cells[unitIndex] ?? '').trim();
    if (ags === '') {
      issues.push({ code: 'invalid_ags', path: [row, mapping.unitColumn], params: { value: '', digits: 8 } });
      return blank;
    }
    return [ags, ...convertRow(cells, located, row, issues)];
  });
  const flatCsv = formatCsv([AGS_COLUMN, ...located.map((c) => c.mapped.variable)], rows);
  return { flatCsv, issues, skipped, sourceColumn };
}

/** Every mapped column's position; issues for mapped columns missing from the file and unmapped ones in it. */
function locateColumns(header: readonly string[], mapping: LimeSurveyMapping, issues: Issue[]): Located[] {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const first = positions.get(name);
    if (first !== undefined) issues.push({ code: 'duplicate_column', path: [1, name], params: { column: name, first: first + 1, position: index + 1 } });
    else positions.set(name, index);
  });
  const located: Located[] = [];
  for (const mapped of mapping.columns) {
    const index = positions.get(mapped.column);
    if (index === undefined) issues.push({ code: 'mapping_column_missing', path: [1, mapped.column], params: { column: mapped.column } });
    else located.push({ index, mapped });
  }
  const known = new Set([mapping.unitColumn, ...LIMESURVEY_META_COLUMNS, ...mapping.columns.map((c) => c.column)]);
  for (const [name, index] of positions) {
    if (!known.has(name) && !mapping.ignore.some((pattern) => pattern.test(name))) {
      issues.push({ code: 'unmapped_column', path: [1, name], params: { column: name, position: index + 1 } });
    }
  }
  return located;
}

function convertRow(cells: readonly string[], located: readonly Located[], row: number, issues: Issue[]): string[] {
  const values = located.map(({ index, mapped }) => convertCell((cells[index] ?? '').trim(), mapped, row, issues));
  // A unit with a ticked box was answered: its other (mapped) boxes are "not ticked", as the web form stores them.
  const answeredUnits = new Set(located.filter(({ mapped }, i) => mapped.kind === 'flag' && values[i] === '1').map(({ mapped }) => mapped.unit));
  return values.map((value, i) => {
    const { mapped } = located[i]!;
    return mapped.kind === 'flag' && value === '' && answeredUnits.has(mapped.unit) ? '0' : value;
  });
}

function convertCell(cell: string, mapped: MappedColumn, row: number, issues: Issue[]): string {
  if (mapped.answers && Object.hasOwn(mapped.answers, cell)) return mapped.answers[cell]!;
  if (cell === '' || cell === NO_ANSWER) return '';
  if (mapped.kind === 'flag' && !mapped.answers && Object.hasOwn(FLAG_CODES, cell)) return FLAG_CODES[cell]!;
  if (mapped.answers || mapped.kind === 'flag') {
    issues.push({ code: 'unmapped_answer_code', path: [row, mapped.column], params: { value: cell, column: mapped.column, variable: mapped.variable } });
    return '';
  }
  return cell;
}
