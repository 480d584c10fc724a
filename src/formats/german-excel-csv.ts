// The German Excel CSV (issue 8; format name `csv-excel`): UTF-8 with BOM, ';', decimal comma, CRLF,
// numeric codes as in the SPSS/R data (-1 nicht gefragt, -2 nicht beantwortet). Respondents' text
// starting with = + - @ TAB or CR gets a leading "'" (formula injection). Distinct from the flat CSV of
// interfaces.md (',' and option IDs, re-importable), which stays format `csv`.
// Numeric cells never need quotes, so rows are joined directly (papaparse quoting for all 18 million cells
// of 100,000 respondents took 14 s; bench/export-bench.ts).
import { neutraliseFormula } from './csv-text.js';
import { numberText, type ExportDataset } from './export-dataset.js';

const BOM = '\uFEFF';
const EOL = '\r\n';
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

export function formatGermanExcelCsv(dataset: ExportDataset): string {
  const lines: string[] = [dataset.variables.map((variable) => quoted(variable.name)).join(';')];
  const cells = new Array<string>(dataset.columns.length);
  for (let row = 0; row < dataset.n; row++) {
    dataset.columns.forEach((column, c) => {
      if (column.kind === 'numeric') cells[c] = numberText(column.values[row]!, ',');
      else cells[c] = column.missing[row] !== 0 ? String(column.missing[row]) : quoted(neutraliseFormula(column.values[row]!));
    });
    lines.push(cells.join(';'));
  }
  return `${BOM}${lines.join(EOL)}${EOL}`;
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
