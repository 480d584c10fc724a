// Checks of one answer unit — a question, or one item of a grid — by question kind (instrument.md "Question types").
import type { EmailQuestion, Item, NumberQuestion, Question, TextQuestion } from './model.js';
import type { FlatResponse } from './model.js';
import type { FlatVariable } from './flat-variables.js';
import type { Issue, IssueCode } from './issues.js';
import { CONTROL_CHARACTER } from './control-character.js';

export interface AnswerUnit {
  readonly question: Question;
  readonly item?: Item;
  readonly variables: readonly FlatVariable[];
  /** Names of the unit's exclusive option columns ("keine", "weiß nicht"). */
  readonly exclusive: ReadonlySet<string>;
}

const EMAIL_MAX = 254; // RFC 5321 path limit
const LOCAL_PART_MAX = 64;
// WHATWG "valid e-mail address", requiring a dot in the domain and allowing Unicode (IDN) labels.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Issues of one asked unit; empty cells are always allowed. */
export function checkUnit(unit: AnswerUnit, flat: FlatResponse): Issue[] {
  const question = unit.question;
  switch (question.type) {
    case 'single':
    case 'grid-single':
      return checkChoice(unit, flat);
    case 'multi':
      return checkFlags(unit, flat, question.max);
    case 'grid-multi':
      return checkFlags(unit, flat, undefined);
    case 'number':
      return checkNumber(unit, question, flat);
    case 'text':
      return checkText(unit, question, flat);
    case 'email':
      return checkEmail(unit, question, flat);
    default:
      return unreachable(question);
  }
}

/** An issue at `[questionId, itemId?]` naming the flat column in `params.variable`. */
export function unitIssue(
  code: IssueCode,
  unit: AnswerUnit,
  variable: string,
  params: Readonly<Record<string, string | number>> = {},
): Issue {
  const item = unit.item;
  return {
    code,
    path: item ? [unit.question.id, item.id] : [unit.question.id],
    params: { question: unit.question.id, ...(item ? { item: item.id } : {}), variable, ...params },
  };
}

function checkChoice(unit: AnswerUnit, flat: FlatResponse): Issue[] {
  const variable = unit.variables[0];
  const value = variable && flat[variable.name];
  if (!variable || !value || variable.values?.includes(value)) return [];
  return [unitIssue('unknown_option', unit, variable.name, { value })];
}

function checkFlags(unit: AnswerUnit, flat: FlatResponse, max: number | undefined): Issue[] {
  const issues: Issue[] = [];
  const chosen: FlatVariable[] = [];
  for (const variable of unit.variables) {
    const value = flat[variable.name];
    if (value === '1') chosen.push(variable);
    else if (value && value !== '0') issues.push(unitIssue('invalid_flag', unit, variable.name, { value }));
  }
  if (chosen.length > 1 && unit.exclusive.size > 0) issues.push(...exclusiveIssues(unit, chosen));
  const excess = max === undefined ? undefined : chosen[max];
  if (max !== undefined && excess) {
    issues.push(unitIssue('too_many_options', unit, excess.name, { max, count: chosen.length }));
  }
  return issues;
}

function exclusiveIssues(unit: AnswerUnit, chosen: readonly FlatVariable[]): Issue[] {
  return chosen
    .filter((v) => unit.exclusive.has(v.name))
    .map((v) => {
      const others = chosen.filter((o) => o !== v).map((o) => o.optionId ?? o.name);
      return unitIssue('exclusive_with_others', unit, v.name, { option: v.optionId ?? '', others: others.join(', ') });
    });
}

function checkNumber(unit: AnswerUnit, question: NumberQuestion, flat: FlatResponse): Issue[] {
  const value = flat[question.id];
  if (!value) return [];
  if (!(question.integer ? INTEGER : DECIMAL).test(value)) {
    return [unitIssue('not_a_number', unit, question.id, { value, ...(question.integer ? { integer: 1 } : {}) })];
  }
  const number = Number(value);
  if (number >= question.min && number <= question.max) return [];
  return [unitIssue('number_out_of_range', unit, question.id, { value, min: question.min, max: question.max })];
}

function checkText(unit: AnswerUnit, question: TextQuestion, flat: FlatResponse): Issue[] {
  const value = flat[question.id];
  if (!value) return [];
  const control = CONTROL_CHARACTER.exec(value)?.[0];
  if (control !== undefined) return [unitIssue('control_character', unit, question.id, { character: `U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` })];
  const length = codePointLength(value);
  if (length <= question.maxLength) return [];
  return [unitIssue('text_too_long', unit, question.id, { max: question.maxLength, length })];
}

function checkEmail(unit: AnswerUnit, question: EmailQuestion, flat: FlatResponse): Issue[] {
  const value = flat[question.id];
  if (!value || isEmail(value)) return [];
  return [unitIssue('invalid_email', unit, question.id, { value })];
}

function isEmail(value: string): boolean {
  const local = value.slice(0, value.lastIndexOf('@'));
  return (
    value.length <= EMAIL_MAX &&
    local.length <= LOCAL_PART_MAX &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    EMAIL.test(value)
  );
}

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

function unreachable(question: never): never {
  throw new Error(`Unbekannter Fragetyp: ${JSON.stringify(question)}`);
}
