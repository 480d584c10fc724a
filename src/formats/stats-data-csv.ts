// The data file shared by the SPSS and R exports: ',' separated, '.' decimals, LF, UTF-8 without BOM,
// numeric codes with NOT_ASKED / NOT_ANSWERED, text quoted (a missing text is the bare code -1 or -2).
// Not meant for spreadsheets: no formula neutralisation, text stays verbatim.
import Papa from 'papaparse';
import { numberText, type ExportDataset } from './export-dataset.js';

export const STATS_DATA_FILE = 'daten.csv';

export function formatStatsDataCsv(dataset: ExportDataset): string {
  const header = dataset.variables.map((variable) => variable.name).join(',');
  const lines: string[] = [header];
  const cells = new Array<string>(dataset.columns.length);
  for (let row = 0; row < dataset.n; row++) {
    dataset.columns.forEach((column, c) => {
      if (column.kind === 'numeric') cells[c] = numberText(column.values[row]!, '.');
      else cells[c] = column.missing[row] !== 0 ? String(column.missing[row]) : quote(oneLine(column.values[row]!));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return Papa.unparse([[text]], { quotes: true, newline: '\n' });
}

// PSPP's GET DATA reads one case per line: line breaks inside a free text become a space.
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
