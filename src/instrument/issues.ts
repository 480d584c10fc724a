// Validation results as data (architecture habit 5): a code, a path and parameters; German text lives in messages.de.ts.

export const ISSUE_CODES = [
  // one response against the instrument
  'unknown_variable',
  'unknown_option',
  'invalid_flag',
  'exclusive_with_others',
  'too_many_options',
  'not_asked_but_answered',
  'invalid_email',
  'text_too_long',
  'control_character',
  'not_a_number',
  'number_out_of_range',
  // files (CSV imports)
  'empty_file',
  'header_only',
  'file_too_large',
  'invalid_encoding',
  'unparseable_csv',
  'wrong_column_count',
  'missing_column',
  'duplicate_column',
  'unknown_column',
  'no_answer_columns',
  'missing_value',
  'invalid_ags',
  'duplicate_ags',
  'unknown_ags',
  'invalid_integer',
  'invalid_decimal',
  'unknown_state',
  'unknown_unit_type',
  'unknown_district',
  // LimeSurvey response import: the mapping file (path: its JSON pointer) and the export's columns/cells
  'mapping_not_json',
  'mapping_field_invalid',
  'mapping_unknown_variable',
  'mapping_unknown_option',
  'mapping_duplicate_variable',
  'mapping_answers_not_allowed',
  'mapping_unknown_answer_set',
  'mapping_unit_column_mapped',
  'mapping_column_missing',
  'unmapped_column',
  'unmapped_answer_code',
  // a file with more issues than are reported; params: shown, total
  'too_many_issues',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Where: `[questionId, itemId?]` for one response, `[row, column]` for a file (row 1 = header). */
export type IssuePath = readonly (string | number)[];

export interface Issue {
  readonly code: IssueCode;
  readonly path: IssuePath;
  /** Values for the message, e.g. `{ value: 'foo', max: 3 }`. */
  readonly params?: Readonly<Record<string, string | number>>;
}
