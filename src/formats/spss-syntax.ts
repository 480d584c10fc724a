// The SPSS export (issue 8): daten.csv plus daten.sps, which reads it with variable labels, value labels,
// user-missing codes (-1 nicht gefragt, -2 nicht beantwortet), measurement levels, and saves daten.sav.
// Checked by running Debian's pspp on it (test/export-spss.test.ts).
import { missingLabel, NOT_ANSWERED, NOT_ASKED, type ExportDataset, type ExportFile, type ExportVariable } from './export-dataset.js';
import { formatStatsDataCsv, STATS_DATA_FILE } from './stats-data-csv.js';

export const SPSS_SYNTAX_FILE = 'daten.sps';
export const SPSS_SAV_FILE = 'daten.sav';

// SPSS limits in bytes: variable labels 256, value labels 120.
const VARIABLE_LABEL_BYTES = 255;
const VALUE_LABEL_BYTES = 120;
const LEVELS = { nominal: 'NOMINAL', ordinal: 'ORDINAL', scale: 'SCALE' } as const;

export function formatSpss(dataset: ExportDataset): ExportFile[] {
  return [
    { name: STATS_DATA_FILE, data: formatStatsDataCsv(dataset) },
    { name: SPSS_SYNTAX_FILE, data: spssSyntax(dataset) },
  ];
}

export function spssSyntax(dataset: ExportDataset): string {
  const widths = textWidths(dataset);
  const numeric = dataset.variables.filter((_, i) => dataset.columns[i]!.kind === 'numeric');
  const text = dataset.variables.filter((_, i) => dataset.columns[i]!.kind === 'text' && dataset.variables[i]!.source !== 'key');
  return [
    `* Kommunaler Digitalmonitor – ${dataset.title} (Welle ${dataset.waveId}), ${dataset.n} Fälle.`,
    ...(dataset.demo ? ['* Synthetische Demo-Daten, keine Angaben echter Kommunen.'] : []),
    '* Im Ordner dieser Datei ausführen (pspp daten.sps bzw. SPSS mit diesem Ordner als Arbeitsverzeichnis).',
    '* Fehlende Werte: -1 = nicht gefragt (Filterführung), -2 = nicht beantwortet.',
    'SET DECIMAL=DOT.',
    'GET DATA /TYPE=TXT',
    `  /FILE='${STATS_DATA_FILE}'`,
    "  /ENCODING='UTF-8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...dataset.variables.map((variable, i) => `    ${variable.name} ${formatOf(dataset, i, widths)}`),
    '.',
    'VARIABLE LABELS',
    dataset.variables.map((variable) => `  ${variable.name} ${quoted(truncateBytes(variable.label, VARIABLE_LABEL_BYTES))}`).join('\n  /'),
    '.',
    'VALUE LABELS',
    numeric.map((variable) => `  ${variable.name}\n${valueLabelLines(variable)}`).join('\n  /'),
    '.',
    ...(numeric.length > 0 ? missingValues(numeric, `${NOT_ASKED}, ${NOT_ANSWERED}`) : []),
    ...(text.length > 0 ? missingValues(text, `'${NOT_ASKED}', '${NOT_ANSWERED}'`) : []),
    ...levels(dataset.variables),
    `SAVE OUTFILE='${SPSS_SAV_FILE}'.`,
    '',
  ].join('\n');
}

function formatOf(dataset: ExportDataset, index: number, widths: ReadonlyMap<number, number>): string {
  const column = dataset.columns[index]!;
  if (column.kind === 'text') return `A${widths.get(index)}`;
  return dataset.variables[index]!.source === 'weight' || column.values instanceof Float64Array ? 'F16.10' : 'F8.0';
}

/** Widest value in UTF-8 bytes per text column (at least 2, for the codes -1 and -2). */
function textWidths(dataset: ExportDataset): Map<number, number> {
  const encoder = new TextEncoder();
  const widths = new Map<number, number>();
  dataset.columns.forEach((column, i) => {
    if (column.kind !== 'text') return;
    let width = 2;
    for (const value of column.values) width = Math.max(width, encoder.encode(value.replace(/\r\n|\r|\n/g, ' ')).length);
    widths.set(i, Math.min(width, 32767));
  });
  return widths;
}

function valueLabelLines(variable: ExportVariable): string {
  const labels = [
    ...(variable.measure === 'scale' ? [] : (variable.values ?? []).map((value) => [value.code, value.label] as const)),
    [NOT_ASKED, missingLabel(variable, NOT_ASKED)] as const,
    [NOT_ANSWERED, missingLabel(variable, NOT_ANSWERED)] as const,
  ];
  return labels.map(([code, label]) => `    ${code} ${quoted(truncateBytes(label, VALUE_LABEL_BYTES))}`).join('\n');
}

function missingValues(variables: readonly ExportVariable[], codes: string): string[] {
  return ['MISSING VALUES', ...variables.map((variable) => `  ${variable.name}`), `  (${codes}).`];
}

function levels(variables: readonly ExportVariable[]): string[] {
  const parts = (Object.keys(LEVELS) as (keyof typeof LEVELS)[])
    .map((level) => ({ level, names: variables.filter((variable) => variable.measure === level).map((variable) => variable.name) }))
    .filter(({ names }) => names.length > 0)
    .map(({ level, names }) => `  ${names.join(' ')} (${LEVELS[level]})`);
  return parts.length === 0 ? [] : ['VARIABLE LEVEL', `${parts.join('\n  /')}.`];
}

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''").replace(/\r\n|\r|\n/g, ' ')}'`;
}

/** Cut to at most `bytes` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= bytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (used + size > bytes - 3) break;
    out += char;
    used += size;
  }
  return `${out}...`;
}
