// The codebook (issue 8): every exported variable with its question text, type, options, show-if
// condition, derived formula and unweighted frequencies (codes incl. -1 nicht gefragt, -2 nicht beantwortet).
import { missingLabel, NOT_ANSWERED, NOT_ASKED, type ExportColumn, type ExportDataset, type ExportVariable } from './export-dataset.js';

export interface CodebookFrequency {
  readonly code: number;
  /** The value in the flat CSV / results document; absent for missing codes and text. */
  readonly value?: string;
  readonly label: string;
  readonly n: number;
}

export interface CodebookVariable {
  readonly name: string;
  readonly label: string;
  readonly source: ExportVariable['source'];
  readonly type: string;
  readonly measure: ExportVariable['measure'];
  readonly show_if?: string;
  readonly definition?: string;
  readonly identifying?: true;
  readonly options?: readonly { readonly code: number; readonly value: string; readonly label: string }[];
  /** Unweighted; absent for the key and the weight. */
  readonly frequencies?: readonly CodebookFrequency[];
  /** Weight only: smallest, largest and mean weight. */
  readonly summary?: { readonly min: number; readonly max: number; readonly mean: number };
}

export interface Codebook {
  readonly wave: string;
  readonly title: string;
  readonly n: number;
  readonly demo: boolean;
  readonly weighted: boolean;
  readonly missing_codes: Readonly<Record<string, string>>;
  readonly variables: readonly CodebookVariable[];
}

export function buildCodebook(dataset: ExportDataset): Codebook {
  return {
    wave: dataset.waveId,
    title: dataset.title,
    n: dataset.n,
    demo: dataset.demo,
    weighted: dataset.weighted,
    missing_codes: { [NOT_ASKED]: 'nicht gefragt (Filterführung)', [NOT_ANSWERED]: 'nicht beantwortet (abgeleitet: eine Angabe fehlt)' },
    variables: dataset.variables.map((variable, i) => codebookVariable(variable, dataset.columns[i]!)),
  };
}

export function formatCodebookJson(dataset: ExportDataset): string {
  return `${JSON.stringify(buildCodebook(dataset), null, 2)}\n`;
}

function codebookVariable(variable: ExportVariable, column: ExportColumn): CodebookVariable {
  const entry: CodebookVariable = {
    name: variable.name,
    label: variable.label,
    source: variable.source,
    type: variable.type,
    measure: variable.measure,
    ...(variable.showIf ? { show_if: variable.showIf } : {}),
    ...(variable.definition ? { definition: variable.definition } : {}),
    ...(variable.identifying ? { identifying: true as const } : {}),
    ...(variable.values ? { options: variable.values.map(({ code, value, label }) => ({ code, value, label })) } : {}),
  };
  if (variable.source === 'key') return entry;
  if (variable.source === 'weight' && column.kind === 'numeric') return { ...entry, summary: summary(column.values) };
  return { ...entry, frequencies: frequencies(variable, column) };
}

function frequencies(variable: ExportVariable, column: ExportColumn): CodebookFrequency[] {
  const counts = new Map<number, number>();
  const codes = column.kind === 'numeric' ? column.values : column.missing;
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const missing = [NOT_ASKED, NOT_ANSWERED].map((code) => ({ code, label: missingLabel(variable, code as typeof NOT_ASKED), n: counts.get(code) ?? 0 }));
  if (column.kind === 'text') return [{ code: 0, label: 'Text angegeben', n: counts.get(0) ?? 0 }, ...missing];
  const valid = (variable.values ?? []).map(({ code, value, label }) => ({ code, value, label, n: counts.get(code) ?? 0 }));
  return [...valid, ...missing];
}

function summary(values: ArrayLike<number>): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
  }
  return { min, max, mean: values.length === 0 ? 0 : sum / values.length };
}
