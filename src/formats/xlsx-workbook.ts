// The XLSX export (issue 8): sheet „Daten“ (one row per municipality, codes; -1 nicht gefragt,
// -2 nicht beantwortet), „Variablen“ (labels, type, level, filter, definition) and „Wertelabels“.
// Written directly as SpreadsheetML (inline strings, bold frozen header row) and zipped with fflate in
// chunks: write-excel-file needed 60–115 s and 2 GB for 100,000 respondents (bench/export-bench.ts).
// Text cells are strings, never formulas.
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { missingLabel, NOT_ANSWERED, NOT_ASKED, type ExportDataset } from './export-dataset.js';

type Cell = string | number | null;

const MEASURES = { nominal: 'nominal', ordinal: 'ordinal', scale: 'metrisch' } as const;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEETS = ['Daten', 'Variablen', 'Wertelabels'] as const;
const ROWS_PER_CHUNK = 500;
// XML 1.0 forbids these control characters even escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export async function formatXlsx(dataset: ExportDataset): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => (error ? (failure = error) : chunks.push(chunk)));
  const file = (name: string, parts: Iterable<string>) => {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    for (const part of parts) entry.push(strToU8(part));
    entry.push(new Uint8Array(0), true);
  };
  file('[Content_Types].xml', [contentTypes()]);
  file('_rels/.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  file('xl/workbook.xml', [workbook()]);
  file('xl/_rels/workbook.xml.rels', [workbookRels()]);
  file('xl/styles.xml', [STYLES]);
  file('xl/worksheets/sheet1.xml', sheet(dataset.variables.map((v) => v.name), dataRows(dataset)));
  file('xl/worksheets/sheet2.xml', sheet(['Variable', 'Beschriftung', 'Typ', 'Messniveau', 'Filter (nur wenn)', 'Definition', 'Direkter Identifikator'], variableRows(dataset)));
  file('xl/worksheets/sheet3.xml', sheet(['Variable', 'Code', 'Wert', 'Beschriftung'], valueLabelRows(dataset)));
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) out.set(chunk, (offset += chunk.length) - chunk.length);
  return out;
}

function* dataRows(dataset: ExportDataset): Generator<Cell[]> {
  for (let row = 0; row < dataset.n; row++) {
    yield dataset.columns.map((column) => {
      if (column.kind === 'numeric') return column.values[row]!;
      return column.missing[row] !== 0 ? column.missing[row]! : column.values[row]!;
    });
  }
}

function* variableRows(dataset: ExportDataset): Generator<Cell[]> {
  for (const v of dataset.variables) {
    yield [v.name, v.label, v.type, MEASURES[v.measure], v.showIf ?? null, v.definition ?? null, v.identifying ? 'ja' : 'nein'];
  }
}

function* valueLabelRows(dataset: ExportDataset): Generator<Cell[]> {
  for (const variable of dataset.variables) {
    if (variable.source === 'key' || variable.source === 'weight') continue;
    for (const value of variable.measure === 'scale' ? [] : (variable.values ?? [])) yield [variable.name, value.code, value.value, value.label];
    yield [variable.name, NOT_ASKED, null, missingLabel(variable, NOT_ASKED)];
    yield [variable.name, NOT_ANSWERED, null, missingLabel(variable, NOT_ANSWERED)];
  }
}

/** The worksheet XML in parts of ROWS_PER_CHUNK rows: bold header, frozen below it. */
function* sheet(header: readonly string[], rows: Iterable<Cell[]>): Generator<string> {
  const letters = header.map((_, i) => columnLetters(i));
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
  yield `<row r="1">${header.map((name, i) => `<c r="${letters[i]}1" t="inlineStr" s="1"><is><t>${escape(name)}</t></is></c>`).join('')}</row>`;
  let part = '';
  let r = 1;
  for (const cells of rows) {
    r++;
    part += `<row r="${r}">${cells.map((cell, i) => cellXml(cell, `${letters[i]}${r}`)).join('')}</row>`;
    if (r % ROWS_PER_CHUNK === 0) {
      yield part;
      part = '';
    }
  }
  yield `${part}</sheetData></worksheet>`;
}

function cellXml(cell: Cell, ref: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
}

function escape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

function contentTypes(): string {
  const sheets = SHEETS.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

function workbook(): string {
  const sheets = SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(): string {
  const sheets = SHEETS.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${SHEETS.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

// Style 0: normal; style 1: bold (header row).
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
