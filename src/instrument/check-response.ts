// One response against the instrument (architecture habit 5): issues as data, German text in messages.de.ts.
import type { FlatResponse, Instrument, Item } from './model.js';
import type { Issue } from './issues.js';
import type { FlatVariable } from './flat-variables.js';
import { instrumentIndex } from './instrument-index.js';
import { isItemAsked, isQuestionAsked, routeResponse } from './routing.js';
import { checkUnit, unitIssue, type AnswerUnit } from './check-unit.js';

const unitsCache = new WeakMap<Instrument, readonly AnswerUnit[]>();

/**
 * Every rule violation of `flat`: unknown variables, option IDs, 0/1 flags, exclusive options, max,
 * answers to questions not asked, e-mail, text length, numbers. Empty cells are never an issue.
 * Paths are `[questionId]` or `[questionId, itemId]`; `params.variable` names the flat column and
 * `params.question` (and `params.item`) the question, so the path may be rewritten to `[row, column]`.
 * A not-asked unit yields one `not_asked_but_answered` (at its first filled column) and no other check,
 * unless the answer that routes it is faulty itself: then that one issue says it all.
 */
export function checkResponse(instrument: Instrument, flat: FlatResponse): Issue[] {
  const issues = unknownVariables(instrument, flat);
  const faulty = new Set<string>();
  for (const unit of answerUnits(instrument)) {
    const asked = unit.item
      ? isItemAsked(instrument, unit.question, unit.item.id, flat)
      : isQuestionAsked(instrument, unit.question, flat);
    if (!asked && routingVariables(unit).some((name) => faulty.has(name))) {
      for (const variable of unit.variables) faulty.add(variable.name);
      continue;
    }
    for (const issue of asked ? checkUnit(unit, flat) : notAskedIssues(unit, flat)) {
      issues.push(issue);
      if (typeof issue.params?.variable === 'string') faulty.add(issue.params.variable);
    }
  }
  return issues;
}

/** The flat variables whose answers decide whether `unit` is asked (instrument.md "show if"). */
function routingVariables({ question, item }: AnswerUnit): string[] {
  const names = question.showIf ? [question.showIf.variable] : [];
  if (item && 'itemShowIf' in question && question.itemShowIf) names.push(`${question.itemShowIf.question}__${item.id}`);
  return names;
}

/** `flat` without the answers of questions (and grid items) that are not asked; used when show-if answers change. */
export function dropNotAsked(instrument: Instrument, flat: FlatResponse): FlatResponse {
  const routing = routeResponse(instrument, flat);
  const kept: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(flat)) {
    if (routing.get(name) !== 'not_asked') kept[name] = value;
  }
  return kept;
}

function unknownVariables(instrument: Instrument, flat: FlatResponse): Issue[] {
  const known = instrumentIndex(instrument).variableByName;
  const issues: Issue[] = [];
  for (const name in flat) if (!known.has(name)) issues.push({ code: 'unknown_variable', path: [], params: { variable: name } });
  return issues;
}

function notAskedIssues(unit: AnswerUnit, flat: FlatResponse): Issue[] {
  const filled = unit.variables.find((variable) => isFilled(flat[variable.name]));
  if (!filled) return [];
  return [unitIssue('not_asked_but_answered', unit, filled.name, { value: flat[filled.name] ?? '' })];
}

// A question is one unit; a grid has one unit per item (routing can differ per item).
function answerUnits(instrument: Instrument): readonly AnswerUnit[] {
  let units = unitsCache.get(instrument);
  if (!units) {
    const index = instrumentIndex(instrument);
    units = index.questions.flatMap((question): AnswerUnit[] => {
      const variables = index.variablesOfQuestion.get(question.id) ?? [];
      const exclusive = new Set(
        'options' in question ? question.options.filter((o) => o.exclusive).map((o) => o.id) : [],
      );
      const unit = (item: Item | undefined, own: readonly FlatVariable[]): AnswerUnit => ({
        question,
        ...(item ? { item } : {}),
        variables: own,
        exclusive: new Set(own.filter((v) => v.optionId !== undefined && exclusive.has(v.optionId)).map((v) => v.name)),
      });
      if (!('items' in question)) return [unit(undefined, variables)];
      return question.items.map((item) => unit(item, variables.filter(itemOf(item.id))));
    });
    unitsCache.set(instrument, units);
  }
  return units;
}

function itemOf(itemId: string): (variable: FlatVariable) => boolean {
  return (variable) => variable.itemId === itemId;
}

function isFilled(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
