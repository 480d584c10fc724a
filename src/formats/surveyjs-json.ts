// Our instrument as a SurveyJS form definition (issue 10 "Export our instrument as SurveyJS JSON"), and a
// flat response as SurveyJS form data. One page per section; show-if conditions become visibleIf
// expressions over the SurveyJS values, per-item conditions of grids become row visibleIf; values of
// hidden questions are cleared as our routing drops them. Grid-multi questions are matrixdropdown
// questions with one checkbox column named CHOICES_COLUMN.
import { flatVariables, type FlatVariable } from '../instrument/flat-variables.js';
import type { Condition, FlatResponse, Instrument, Option, Question } from '../instrument/model.js';

export const CHOICES_COLUMN = 'auswahl';

export interface SurveyJsChoice {
  readonly value: string;
  readonly text: string;
  readonly isExclusive?: boolean;
}

export type SurveyJsElement = Readonly<Record<string, unknown>> & { readonly type: string; readonly name: string };

export interface SurveyJsDocument {
  readonly title: string;
  readonly locale: 'de';
  readonly clearInvisibleValues: 'onHidden';
  readonly pages: readonly { readonly name: string; readonly title: string; readonly elements: readonly SurveyJsElement[] }[];
}

export function instrumentToSurveyJs(instrument: Instrument): SurveyJsDocument {
  const byName = new Map(flatVariables(instrument).map((variable) => [variable.name, variable]));
  const expression = (condition: Condition) => conditionExpression(condition, byName);
  return {
    title: instrument.title,
    locale: 'de',
    clearInvisibleValues: 'onHidden',
    pages: instrument.sections.map((section) => ({
      name: section.id,
      title: section.title,
      elements: section.questions.map((question) => withVisibility(element(question, expression), question, expression)),
    })),
  };
}

function withVisibility(element: SurveyJsElement, question: Question, expression: (condition: Condition) => string): SurveyJsElement {
  return question.showIf === undefined ? element : { ...element, visibleIf: expression(question.showIf) };
}

function element(question: Question, expression: (condition: Condition) => string): SurveyJsElement {
  const base = { name: question.id, title: question.label, ...(question.note ? { description: question.note } : {}) };
  switch (question.type) {
    case 'single':
      return { type: 'radiogroup', ...base, choices: question.options.map(choice) };
    case 'multi':
      return { type: 'checkbox', ...base, choices: question.options.map(choice), ...(question.max ? { maxSelectedChoices: question.max } : {}) };
    case 'grid-single':
    case 'grid-multi': {
      const rows = question.items.map((item) => ({
        value: item.id,
        text: item.label,
        ...(question.itemShowIf ? { visibleIf: expression({ variable: `${question.itemShowIf.question}__${item.id}`, in: question.itemShowIf.in }) } : {}),
      }));
      if (question.type === 'grid-single') return { type: 'matrix', ...base, rows, columns: question.options.map(choice) };
      return { type: 'matrixdropdown', ...base, rows, columns: [{ name: CHOICES_COLUMN, title: 'Auswahl', cellType: 'checkbox', choices: question.options.map(choice) }] };
    }
    case 'number':
      return { type: 'text', inputType: 'number', ...base, min: question.min, max: question.max, ...(question.integer ? { step: 1 } : {}) };
    case 'text':
      return { type: 'comment', ...base, maxLength: question.maxLength };
    case 'email':
      return { type: 'text', inputType: 'email', ...base };
  }
}

function choice(option: Option): SurveyJsChoice {
  return { value: option.id, text: option.label, ...(option.exclusive ? { isExclusive: true } : {}) };
}

/** A flat variable's condition as a SurveyJS expression over the question's value. */
function conditionExpression({ variable, in: values }: Condition, byName: ReadonlyMap<string, FlatVariable>): string {
  const flat = byName.get(variable);
  if (!flat) throw new RangeError(`Bedingung auf unbekannte Variable „${variable}“`);
  const list = `[${values.map((value) => `'${value.replaceAll("'", "\\'")}'`).join(', ')}]`;
  if (flat.kind !== 'flag') return `{${[flat.questionId, flat.itemId].filter(Boolean).join('.')}} anyof ${list}`;
  // A flag is 1 when its option is chosen: "in ['1']" is "contains", "in ['0']" is "notcontains".
  const operand = flat.itemId === undefined ? `{${flat.questionId}}` : `{${flat.questionId}.${flat.itemId}.${CHOICES_COLUMN}}`;
  const parts = [values.includes('1') ? `${operand} contains '${flat.optionId}'` : '', values.includes('0') ? `${operand} notcontains '${flat.optionId}'` : ''];
  return parts.filter(Boolean).join(' or ') || 'false';
}

/** A flat response as SurveyJS data (the value shapes of the elements above); empty cells are left out. */
export function flatToSurveyJsData(instrument: Instrument, flat: FlatResponse): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const variable of flatVariables(instrument)) {
    const value = flat[variable.name];
    if (value === undefined || value === '') continue;
    if (variable.kind === 'flag') {
      if (value !== '1') continue;
      if (variable.itemId === undefined) (data[variable.questionId] as string[] | undefined)?.push(variable.optionId!) ?? (data[variable.questionId] = [variable.optionId!]);
      else {
        const grid = (data[variable.questionId] ??= {}) as Record<string, Record<string, string[]>>;
        ((grid[variable.itemId] ??= {})[CHOICES_COLUMN] ??= []).push(variable.optionId!);
      }
    } else if (variable.itemId !== undefined) ((data[variable.questionId] ??= {}) as Record<string, string>)[variable.itemId] = value;
    else data[variable.questionId] = variable.kind === 'number' ? Number(value) : value;
  }
  return data;
}
