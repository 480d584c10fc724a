// instrument.md "Flat variable names": the CSV columns and codebook entries of an instrument.
import type {
  GridMultiQuestion,
  GridSingleQuestion,
  Instrument,
  Item,
  MultiQuestion,
  Option,
  Question,
} from './model.js';

export type FlatVariableKind = 'choice' | 'flag' | 'number' | 'text' | 'email';

export interface FlatVariable {
  readonly name: string;
  readonly questionId: string;
  readonly itemId?: string;
  readonly optionId?: string;
  readonly kind: FlatVariableKind;
  /** choice: the option IDs; flag: "0", "1". */
  readonly values?: readonly string[];
  /** German: question label, then item and option label. */
  readonly label: string;
}

const FLAG_VALUES: readonly string[] = Object.freeze(['0', '1']);
const SEPARATOR = ' – ';
const cache = new WeakMap<Instrument, readonly FlatVariable[]>();

/** All flat variables of `instrument` in questionnaire order; memoised per instrument. */
export function flatVariables(instrument: Instrument): readonly FlatVariable[] {
  let variables = cache.get(instrument);
  if (!variables) {
    variables = Object.freeze(
      instrument.sections.flatMap((section) => section.questions.flatMap(variablesOf)).map((v) => Object.freeze(v)),
    );
    cache.set(instrument, variables);
  }
  return variables;
}

function variablesOf(question: Question): FlatVariable[] {
  switch (question.type) {
    case 'single':
      return [{ ...base(question), kind: 'choice', values: optionIds(question.options) }];
    case 'multi':
      return multiVariables(question);
    case 'grid-single':
      return gridSingleVariables(question);
    case 'grid-multi':
      return gridMultiVariables(question);
    case 'number':
    case 'text':
    case 'email':
      return [{ ...base(question), kind: question.type }];
    default:
      return unreachable(question);
  }
}

function base(question: Question): { name: string; questionId: string; label: string } {
  return { name: question.id, questionId: question.id, label: question.label };
}

function multiVariables(question: MultiQuestion): FlatVariable[] {
  return question.options.map((option) => optionFlag(question, undefined, option));
}

function gridSingleVariables(question: GridSingleQuestion): FlatVariable[] {
  const values = optionIds(question.options);
  return question.items.map((item) => ({
    name: `${question.id}__${item.id}`,
    questionId: question.id,
    itemId: item.id,
    kind: 'choice',
    values,
    label: question.label + SEPARATOR + item.label,
  }));
}

function gridMultiVariables(question: GridMultiQuestion): FlatVariable[] {
  return question.items.flatMap((item) => question.options.map((option) => optionFlag(question, item, option)));
}

function optionFlag(question: Question, item: Item | undefined, option: Option): FlatVariable {
  const prefix = item ? `${question.id}__${item.id}` : question.id;
  const label = [question.label, item?.label, option.label].filter((part) => part !== undefined).join(SEPARATOR);
  return {
    name: `${prefix}__${option.id}`,
    questionId: question.id,
    ...(item ? { itemId: item.id } : {}),
    optionId: option.id,
    kind: 'flag',
    values: FLAG_VALUES,
    label,
  };
}

function optionIds(options: readonly Option[]): readonly string[] {
  return Object.freeze(options.map((option) => option.id));
}

function unreachable(question: never): never {
  throw new Error(`Unbekannter Fragetyp: ${JSON.stringify(question)}`);
}
