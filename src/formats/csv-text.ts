// CSV bytes ↔ text ↔ cells (interfaces.md "Flat CSV of responses"): UTF-8 with or without BOM, ',' or ';'.
// Parsing and quoting are papaparse's; this file adds encoding checks, delimiter choice, row numbers and
// formula neutralisation.
import Papa from 'papaparse';
import type { Issue } from '../instrument/issues.js';

export type CsvDelimiter = ',' | ';';

export interface CsvTable {
  readonly header: string[];
  /** `rows[i]` is file row `i + 2` (row 1 = header), counted in records, so quoted newlines do not shift it. */
  readonly rows: string[][];
  readonly issues: Issue[];
}

export interface CsvFormatOptions {
  readonly delimiter?: CsvDelimiter;
  readonly bom?: boolean;
  readonly eol?: '\r\n' | '\n';
  /** Columns holding free text, whose cells get formula neutralisation (numbers like -1 are not text). */
  readonly isTextColumn?: (column: string, index: number) => boolean;
}

/** CSV as German Excel opens it by double-click: ';', BOM, CRLF (add isTextColumn per file). */
export const GERMAN_EXCEL_CSV = { delimiter: ';', bom: true, eol: '\r\n' } as const satisfies CsvFormatOptions;

const BOM = '\uFEFF';
// OWASP "CSV Injection": a cell starting with one of these is run as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;
const UMLAUT_BYTES = new Set([0xc4, 0xd6, 0xdc, 0xe4, 0xf6, 0xfc, 0xdf]); // Ä Ö Ü ä ö ü ß in Windows-1252

/** UTF-8 bytes (BOM optional) → text; anything else → one `invalid_encoding` issue with a hint. */
export function decodeCsvBytes(bytes: Uint8Array): { readonly text: string } | { readonly issue: Issue } {
  if (isUtf16Bom(bytes)) return { issue: { code: 'invalid_encoding', path: [], params: { encoding: 'utf-16' } } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { issue: encodingIssue(bytes) };
  }
}

/** Text → header and rows. Reports empty_file, header_only and unparseable quoting (with its row). */
export function parseCsv(text: string): CsvTable {
  const content = text.startsWith(BOM) ? text.slice(1) : text;
  if (content.trim() === '') return { header: [], rows: [], issues: [{ code: 'empty_file', path: [] }] };
  const result = Papa.parse<string[]>(content, { delimiter: detectDelimiter(content), header: false, skipEmptyLines: false });
  const records = dropTrailingBlank(result.data);
  const [header = [], ...rows] = records;
  const issues = quoteIssues(result.errors);
  if (rows.length === 0 && issues.length === 0) issues.push({ code: 'header_only', path: [] });
  return { header, rows, issues };
}

/** Header and rows → CSV text ending in `eol`. Defaults: ',', no BOM, CRLF. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvFormatOptions = {}): string {
  const { delimiter = ',', bom = false, eol = '\r\n', isTextColumn } = options;
  const textColumns = header.map((column, index) => isTextColumn?.(column, index) ?? false);
  const data = rows.map((row) => row.map((cell, index) => (textColumns[index] ? neutraliseFormula(cell) : cell)));
  const body = Papa.unparse({ fields: [...header], data }, { delimiter, newline: eol, quotes: false, escapeFormulae: false });
  return `${bom ? BOM : ''}${body}${eol}`;
}

/** A text cell that spreadsheets would run as a formula gets a leading "'" (OWASP "CSV Injection"). */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

// The header line decides: whichever of ';' and ',' occurs more often outside quotes (ties → ',').
function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

// The final line break yields one empty record; trailing blank lines are not rows either.
function dropTrailingBlank(records: string[][]): string[][] {
  let end = records.length;
  while (end > 0 && (records[end - 1] ?? []).every((cell) => cell.trim() === '')) end -= 1;
  return records.slice(0, end);
}

function quoteIssues(errors: readonly Papa.ParseError[]): Issue[] {
  const rows = new Set<number | undefined>();
  const issues: Issue[] = [];
  for (const error of errors) {
    if (error.type !== 'Quotes' || rows.has(error.row)) continue;
    rows.add(error.row);
    const path = error.row === undefined ? [] : [error.row + 1];
    issues.push({ code: 'unparseable_csv', path, params: { reason: error.code } });
  }
  return issues;
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function encodingIssue(bytes: Uint8Array): Issue {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const firstBad = lenient.indexOf('\uFFFD');
  const line = firstBad < 0 ? undefined : lineAt(lenient, firstBad);
  const windows1252 = bytes.some((byte) => UMLAUT_BYTES.has(byte));
  return {
    code: 'invalid_encoding',
    path: line === undefined ? [] : [line],
    params: windows1252 ? { encoding: 'windows-1252' } : {},
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
