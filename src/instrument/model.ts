// Types only: the questionnaire as data (shared/spec/instrument.md). Checks live in small named modules.

export interface Option {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  /** Chosen alone only ("keine", "weiß nicht"). */
  readonly exclusive?: boolean;
}

export interface Item {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
}

/** Asked only when the flat variable's value is one of `in` (instrument.md "show if"). */
export interface Condition {
  readonly variable: string;
  readonly in: readonly string[];
}

/** Per grid item: asked only when the same item of grid `question` has a value in `in`. */
export interface ItemCondition {
  readonly question: string;
  readonly in: readonly string[];
}

interface QuestionBase {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly showIf?: Condition;
  readonly note?: string;
}

export interface SingleQuestion extends QuestionBase {
  readonly type: 'single';
  readonly options: readonly Option[];
}

export interface MultiQuestion extends QuestionBase {
  readonly type: 'multi';
  readonly options: readonly Option[];
  readonly max?: number;
}

export interface GridSingleQuestion extends QuestionBase {
  readonly type: 'grid-single';
  readonly items: readonly Item[];
  readonly options: readonly Option[];
  readonly itemShowIf?: ItemCondition;
}

export interface GridMultiQuestion extends QuestionBase {
  readonly type: 'grid-multi';
  readonly items: readonly Item[];
  readonly options: readonly Option[];
  readonly itemShowIf?: ItemCondition;
}

export interface NumberQuestion extends QuestionBase {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

export interface TextQuestion extends QuestionBase {
  readonly type: 'text';
  readonly maxLength: number;
}

export interface EmailQuestion extends QuestionBase {
  readonly type: 'email';
  /** Personal data: shown only with consent, deletable. */
  readonly personal: true;
}

export type Question =
  | SingleQuestion
  | MultiQuestion
  | GridSingleQuestion
  | GridMultiQuestion
  | NumberQuestion
  | TextQuestion
  | EmailQuestion;

export type QuestionType = Question['type'];

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly titleEn?: string;
  readonly questions: readonly Question[];
}

/** A register field shown to the respondent for confirmation (section A). */
export interface RegisterField {
  readonly id: string;
  readonly label: string;
}

export interface DerivedVariable {
  readonly id: string;
  readonly label: string;
  /** The definition as in instrument.md, for the codebook. */
  readonly definition: string;
  /** Domain of values as strings ("true"/"false" for flags, "0".."9" for counts). */
  readonly values: readonly string[];
}

export interface Instrument {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly registerFields: readonly RegisterField[];
  readonly sections: readonly Section[];
  readonly derived: readonly DerivedVariable[];
}

/**
 * One response as flat variables (instrument.md "Flat variable names"): values are the CSV cell
 * strings (option ID, "0"/"1", number, text). A missing key or "" is an empty cell.
 */
export type FlatResponse = Readonly<Record<string, string | undefined>>;

/** Asked or not asked (show-if false) — distinct from answered or missing. */
export type Routing = 'asked' | 'not_asked';
