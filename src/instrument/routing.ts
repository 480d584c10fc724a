// instrument.md "show if": asked or not asked — a different axis from answered or missing.
import type { Condition, FlatResponse, Instrument, Question, Routing } from './model.js';
import { instrumentIndex, type InstrumentIndex } from './instrument-index.js';

// Conditions may chain (a question shown only if a shown question has a value); deeper means a cycle.
const MAX_CHAIN = 32;

/** Asked or not asked, for every flat variable of `instrument`. */
export function routeResponse(instrument: Instrument, flat: FlatResponse): ReadonlyMap<string, Routing> {
  const index = instrumentIndex(instrument);
  const routing = new Map<string, Routing>();
  for (const question of index.questions) {
    const questionAsked = questionIsAsked(index, question, flat, 0);
    for (const variable of index.variablesOfQuestion.get(question.id) ?? []) {
      const asked =
        questionAsked && (variable.itemId === undefined || itemConditionHolds(index, question, variable.itemId, flat, 0));
      routing.set(variable.name, asked ? 'asked' : 'not_asked');
    }
  }
  return routing;
}

/** False when the question's show-if variable is empty or not in the set (or itself not asked). */
export function isQuestionAsked(instrument: Instrument, question: Question, flat: FlatResponse): boolean {
  return questionIsAsked(instrumentIndex(instrument), question, flat, 0);
}

/** Whether item `itemId` of a grid is asked: the grid is asked and its per-item condition holds. */
export function isItemAsked(instrument: Instrument, question: Question, itemId: string, flat: FlatResponse): boolean {
  const index = instrumentIndex(instrument);
  return questionIsAsked(index, question, flat, 0) && itemConditionHolds(index, question, itemId, flat, 0);
}

function questionIsAsked(index: InstrumentIndex, question: Question, flat: FlatResponse, depth: number): boolean {
  return question.showIf === undefined || conditionHolds(index, question.showIf, flat, depth + 1);
}

function itemConditionHolds(
  index: InstrumentIndex,
  question: Question,
  itemId: string,
  flat: FlatResponse,
  depth: number,
): boolean {
  if (!('itemShowIf' in question) || question.itemShowIf === undefined) return true;
  const { question: controlling, in: values } = question.itemShowIf;
  return conditionHolds(index, { variable: `${controlling}__${itemId}`, in: values }, flat, depth + 1);
}

function conditionHolds(index: InstrumentIndex, condition: Condition, flat: FlatResponse, depth: number): boolean {
  if (depth > MAX_CHAIN) throw new Error(`Zyklische Bedingung bei „${condition.variable}“`);
  const value = flat[condition.variable];
  if (value === undefined || value === '' || !condition.in.includes(value)) return false;
  const variable = index.variableByName.get(condition.variable);
  const owner = variable && index.questionById.get(variable.questionId);
  if (!variable || !owner) return true;
  return (
    questionIsAsked(index, owner, flat, depth) &&
    (variable.itemId === undefined || itemConditionHolds(index, owner, variable.itemId, flat, depth))
  );
}
