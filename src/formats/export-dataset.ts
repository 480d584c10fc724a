// The labelled microdata behind every research export (issue 8): one column per variable, codes as
// numbers, value labels in German, and the two missing kinds of instrument.md kept apart. Types and
// constants only; tasks/build-export-dataset.ts builds it, the formats beside this file write it.

/** instrument.md "Flat variable names": not asked (show-if false), user-missing in SPSS and R. */
export const NOT_ASKED = -1;
/** Asked but not answered (or, for a derived variable, an answer it depends on is missing). */
export const NOT_ANSWERED = -2;

export const MISSING_LABELS: Readonly<Record<typeof NOT_ASKED | typeof NOT_ANSWERED, string>> = Object.freeze({
  [NOT_ASKED]: 'nicht gefragt',
  [NOT_ANSWERED]: 'nicht beantwortet',
});

export type VariableSource = 'key' | 'register' | 'question' | 'derived' | 'weight';
export type MeasureLevel = 'nominal' | 'ordinal' | 'scale';

export interface ValueLabel {
  readonly code: number;
  /** The value as in the flat CSV and the results document (option ID, "0"/"1", "true"/"false"). */
  readonly value: string;
  readonly label: string;
}

export interface ExportVariable {
  readonly name: string;
  /** German variable label (question text, item and option). */
  readonly label: string;
  readonly source: VariableSource;
  /** Question type (`single`, `multi`, …), `derived`, `register` or `weight`. */
  readonly type: string;
  readonly measure: MeasureLevel;
  /** Categorical variables: every valid code with its German label. */
  readonly values?: readonly ValueLabel[];
  /** German show-if condition ("nur wenn strategy_status ∈ {vorhanden, in_entwicklung}"). */
  readonly showIf?: string;
  /** Derived variables: the definition of instrument.md. */
  readonly definition?: string;
  /** Direct identifier (free text, e-mail): only in the internal export. */
  readonly identifying?: boolean;
}

/** Integer codes (categorical, counts) or numbers (weights), with NOT_ASKED / NOT_ANSWERED where missing. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly values: Int16Array | Float64Array;
}

/** Text (AGS, free text): "" where missing; `missing` holds 0, NOT_ASKED or NOT_ANSWERED per row. */
export interface TextColumn {
  readonly kind: 'text';
  readonly values: readonly string[];
  readonly missing: Int8Array;
}

export type ExportColumn = NumericColumn | TextColumn;

export interface ExportDataset {
  readonly waveId: string;
  readonly title: string;
  /** Synthetic demo data: every file says so. */
  readonly demo: boolean;
  /** Respondents (rows). */
  readonly n: number;
  readonly weighted: boolean;
  readonly variables: readonly ExportVariable[];
  /** `columns[i]` belongs to `variables[i]`. */
  readonly columns: readonly ExportColumn[];
}

/** One file of a multi-file export (folder), or the only file. */
export interface ExportFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** A code of a numeric column as text: integers as is, decimals with `decimal` as separator. */
export function numberText(value: number, decimal: '.' | ','): string {
  const text = String(value);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** The German label of a missing code; a derived value is missing when an answer it depends on is. */
export function missingLabel(variable: ExportVariable, code: typeof NOT_ASKED | typeof NOT_ANSWERED): string {
  return code === NOT_ANSWERED && variable.source === 'derived' ? 'nicht bestimmbar (eine Angabe fehlt)' : MISSING_LABELS[code];
}
