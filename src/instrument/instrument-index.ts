// Lookups over an instrument, built once per instrument (imports call the checks once per row).
import type { Instrument, Question } from './model.js';
import { flatVariables, type FlatVariable } from './flat-variables.js';

export interface InstrumentIndex {
  /** All questions in questionnaire order. */
  readonly questions: readonly Question[];
  readonly questionById: ReadonlyMap<string, Question>;
  readonly variableByName: ReadonlyMap<string, FlatVariable>;
  /** Flat variables of each question, in order. */
  readonly variablesOfQuestion: ReadonlyMap<string, readonly FlatVariable[]>;
}

const cache = new WeakMap<Instrument, InstrumentIndex>();

export function instrumentIndex(instrument: Instrument): InstrumentIndex {
  let index = cache.get(instrument);
  if (!index) {
    index = buildIndex(instrument);
    cache.set(instrument, index);
  }
  return index;
}

function buildIndex(instrument: Instrument): InstrumentIndex {
  const questions = instrument.sections.flatMap((section) => section.questions);
  const variables = flatVariables(instrument);
  const variablesOfQuestion = new Map<string, FlatVariable[]>(questions.map((q) => [q.id, []]));
  for (const variable of variables) variablesOfQuestion.get(variable.questionId)?.push(variable);
  return {
    questions,
    questionById: new Map(questions.map((q) => [q.id, q])),
    variableByName: new Map(variables.map((v) => [v.name, v])),
    variablesOfQuestion,
  };
}
