// Open data (issue 8): every table of the public results document (disclosure control already applied,
// analysis/disclosure) as one long CSV and as JSON. No microdata, no AGS: counts of at least k or 0 only.
import type { PublicResultsDocument } from '../analysis/disclosure/suppress-results.js';
import { formatCsv } from '../formats/csv-text.js';
import { flatVariables } from '../instrument/flat-variables.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import type { Instrument } from '../instrument/model.js';

export const OPEN_DATA_CSV = 'tabellen.csv';
export const OPEN_DATA_JSON = 'tabellen.json';

const HEADER = [
  'variable',
  'variable_label',
  'by',
  'group',
  'value',
  'value_label',
  'n',
  'base',
  'share',
  'ci95_lower',
  'ci95_upper',
  'suppressed',
];
const FLAG_LABELS: Readonly<Record<string, string>> = { '0': 'nicht gewählt', '1': 'gewählt', false: 'nein', true: 'ja' };

interface Labels {
  readonly variable: ReadonlyMap<string, string>;
  readonly value: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** One row per cell: variable, grouping, group, value, and n/base/share/interval or `suppressed = true`. */
export function formatOpenDataCsv(doc: PublicResultsDocument, instrument: Instrument): string {
  const labels = labelsOf(instrument);
  const rows: string[][] = [];
  for (const table of doc.tables) {
    const variableLabel = labels.variable.get(table.variable) ?? '';
    const valueLabels = labels.value.get(table.variable);
    for (const cell of table.cells) {
      const label = valueLabels?.get(cell.value) ?? FLAG_LABELS[cell.value] ?? cell.value;
      const start = [table.variable, variableLabel, table.by, cell.by, cell.value, label];
      if ('suppressed' in cell) rows.push([...start, '', cell.base === undefined ? '' : number(cell.base), '', '', '', 'true']);
      else rows.push([...start, number(cell.n), number(cell.base), number(cell.share), number(cell.ci95[0]), number(cell.ci95[1]), 'false']);
    }
  }
  return formatCsv(HEADER, rows, { delimiter: ',', bom: false, eol: '\r\n' });
}

export function formatOpenDataJson(doc: PublicResultsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function labelsOf(instrument: Instrument): Labels {
  const index = instrumentIndex(instrument);
  const variable = new Map<string, string>();
  const value = new Map<string, Map<string, string>>();
  for (const flat of flatVariables(instrument)) {
    variable.set(flat.name, flat.label);
    const question = index.questionById.get(flat.questionId);
    if (flat.kind === 'choice' && question && 'options' in question) value.set(flat.name, new Map(question.options.map((o) => [o.id, o.label])));
  }
  for (const derived of instrument.derived) variable.set(derived.id, derived.label);
  return { variable, value };
}
