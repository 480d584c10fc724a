// An instrument version as a file an analyst can edit (issue 9; schema: docs/instrument.schema.json): the
// questionnaire as `instrument --json` prints it, plus how its questions map to the previous version.
import type { Instrument } from './model.js';

/** Per question of the new version (keyed by its id): how it maps to the previous version. */
export type QuestionMapping =
  | { readonly status: 'same' }
  | { readonly status: 'renamed'; readonly from: string }
  /** `options`: new option → the old options merged into it; options not listed keep their id. */
  | { readonly status: 'options_merged'; readonly from?: string; readonly options: Readonly<Record<string, readonly string[]>> }
  | { readonly status: 'not_comparable'; readonly reason: string };

export interface ComparabilityMap {
  /** The version this one is compared with (e.g. "2019"). */
  readonly previous: string;
  /**
   * Questions not listed: "same" when the previous version has a question of that id with the same type,
   * items and options; otherwise not comparable.
   */
  readonly questions: Readonly<Record<string, QuestionMapping>>;
}

/** A validated instrument version; `derived` are the 2019 derivations it keeps (derivations are code). */
export interface InstrumentVersion extends Instrument {
  readonly comparability?: ComparabilityMap;
}

export interface FileIssue {
  /** JSON pointer into the file, e.g. `/sections/1/questions/0/showIf/variable`. */
  readonly path: string;
  /** German. */
  readonly message: string;
}
