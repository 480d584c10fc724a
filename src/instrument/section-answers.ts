// One page of the online form = one section: which answer units it shows, and how a posted page
// becomes flat answers (form field names are the flat variable names, instrument.md).
import { checkResponse, dropNotAsked } from './check-response.js';
import type { FlatVariable } from './flat-variables.js';
import { instrumentIndex } from './instrument-index.js';
import type { Issue } from './issues.js';
import type { FlatResponse, Instrument, Item, Question, Section } from './model.js';
import { isItemAsked, isQuestionAsked } from './routing.js';

/** A question, or one item of a grid, with its flat variables. */
export interface ShownUnit {
  readonly question: Question;
  readonly item?: Item;
  readonly variables: readonly FlatVariable[];
}

/** Posted fields: name → every value sent under it. */
export type FormValues = ReadonlyMap<string, readonly string[]>;

export interface SectionMerge {
  /** All answers: the stored ones with this page's replaced, questions no longer asked dropped. */
  readonly answers: FlatResponse;
  /** The same before dropping what is no longer asked: what the person entered, for a re-render. */
  readonly posted: FlatResponse;
  /** Field names that are not on the page, or sent twice for one value. */
  readonly unexpected: readonly string[];
}

/** The units of `section` asked under `answers` (show-if evaluated on the server), in order. */
export function shownUnits(instrument: Instrument, section: Section, answers: FlatResponse): ShownUnit[] {
  const index = instrumentIndex(instrument);
  const units: ShownUnit[] = [];
  for (const question of section.questions) {
    if (!isQuestionAsked(instrument, question, answers)) continue;
    const variables = index.variablesOfQuestion.get(question.id) ?? [];
    if (!('items' in question)) {
      units.push({ question, variables });
      continue;
    }
    for (const item of question.items) {
      if (isItemAsked(instrument, question, item.id, answers)) {
        units.push({ question, item, variables: variables.filter((v) => v.itemId === item.id) });
      }
    }
  }
  return units;
}

/**
 * Replaces the answers of the units `section` shows under `stored` with the posted `form`. A set of
 * checkboxes with none ticked is unanswered (all empty); with some ticked the others become "0".
 */
export function mergeSectionAnswers(instrument: Instrument, section: Section, stored: FlatResponse, form: FormValues): SectionMerge {
  const units = shownUnits(instrument, section, stored);
  const allowed = new Set(units.flatMap((unit) => unit.variables.map((v) => v.name)));
  const flags = new Set(units.flatMap((unit) => unit.variables.filter((v) => v.kind === 'flag').map((v) => v.name)));
  // A ticked checkbox posts "1"; any other value (a forged "0" would answer the question with nothing ticked) is refused.
  const unexpected = [...form].filter(([name, values]) => !allowed.has(name) || (flags.has(name) ? values.some((value) => value !== '1') : values.length > 1)).map(([name]) => name);
  const merged: Record<string, string | undefined> = { ...stored };
  for (const name of allowed) delete merged[name];
  for (const unit of units) Object.assign(merged, unitAnswers(unit, form));
  return { answers: dropNotAsked(instrument, merged), posted: merged, unexpected };
}

function unitAnswers(unit: ShownUnit, form: FormValues): Record<string, string> {
  const answers: Record<string, string> = {};
  if (unit.variables.every((v) => v.kind === 'flag')) {
    const ticked = unit.variables.filter((v) => form.has(v.name));
    for (const v of ticked.length === 0 ? [] : unit.variables) answers[v.name] = form.has(v.name) ? '1' : '0';
    return answers;
  }
  for (const v of unit.variables) {
    const value = normaliseValue(v, form.get(v.name)?.[0]);
    if (value !== '') answers[v.name] = value;
  }
  return answers;
}

function normaliseValue(variable: FlatVariable, value: string | undefined): string {
  if (value === undefined) return '';
  if (variable.kind === 'text') return value.replace(/\r\n?/g, '\n').trim();
  return value.trim();
}

/** Issues of the whole response that belong to questions of `section`. */
export function sectionIssues(instrument: Instrument, section: Section, answers: FlatResponse): Issue[] {
  const ids = new Set(section.questions.map((question) => question.id));
  return checkResponse(instrument, answers).filter((issue) => ids.has(String(issue.params?.question ?? issue.path[0])));
}

/** Variables whose value differs (missing and "" are the same: unanswered). */
export function changedVariables(before: FlatResponse, after: FlatResponse, names?: readonly string[]): string[] {
  const all = names ?? [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return all.filter((name) => (before[name] ?? '') !== (after[name] ?? ''));
}

/** Canonical JSON of answers for the receipt hash: keys sorted, unanswered variables left out. */
export function canonicalAnswersJson(answers: FlatResponse): string {
  const entries = Object.entries(answers).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
