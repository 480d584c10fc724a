// The comparability map applied (issue 9): which variables of a new version can be compared with the
// previous one, and an older response rewritten into the new version's flat variables, so that both
// waves are coded by the same instrument. Variables left out carry a German reason.
import { DERIVED_INPUTS_2019 } from './derived-inputs-2019.js';
import { flatVariables } from './flat-variables.js';
import type { InstrumentVersion, QuestionMapping } from './instrument-file.js';
import type { FlatResponse, Instrument, Question } from './model.js';

export interface ResolvedMapping {
  /** Per question id of the new version: the mapping in force (declared, or "same" by identical structure). */
  readonly questions: ReadonlyMap<string, QuestionMapping>;
  /** Table variables of the new version that are not compared, with the reason. */
  readonly notComparable: readonly { readonly variable: string; readonly reason: string }[];
}

/** @param older the version `newer.comparability.previous` names (or the same version: everything "same"). */
export function resolveComparability(older: Instrument, newer: InstrumentVersion): ResolvedMapping {
  const oldQuestions = questionsOf(older);
  const questions = new Map<string, QuestionMapping>();
  const reasons = new Map<string, string>();
  for (const question of questionsOf(newer).values()) {
    const declared = older.version === newer.version ? { status: 'same' as const } : newer.comparability?.questions[question.id];
    const mapping = declared ?? implicit(question, oldQuestions.get(question.id), older.version);
    questions.set(question.id, mapping);
    if (mapping.status === 'not_comparable') reasons.set(question.id, mapping.reason);
  }
  return { questions, notComparable: notComparableVariables(newer, reasons) };
}

/** The table variables of `newer` whose question has a reason (by question id), and the derived ones resting on them. */
export function notComparableVariables(newer: Instrument, reasons: ReadonlyMap<string, string>): { variable: string; reason: string }[] {
  const notComparable = flatVariables(newer)
    .filter((variable) => (variable.kind === 'choice' || variable.kind === 'flag') && reasons.has(variable.questionId))
    .map((variable) => ({ variable: variable.name, reason: reasons.get(variable.questionId)! }));
  for (const derived of newer.derived) {
    const blocked = (DERIVED_INPUTS_2019[derived.id] ?? []).find((input) => reasons.has(input));
    if (blocked !== undefined) notComparable.push({ variable: derived.id, reason: `beruht auf „${blocked}“: ${reasons.get(blocked)!}` });
  }
  return notComparable;
}

function implicit(question: Question, old: Question | undefined, version: string): QuestionMapping {
  if (!old) return { status: 'not_comparable', reason: `neue Frage, in Version ${version} nicht gestellt` };
  if (old.type === question.type && ids(old, 'options') === ids(question, 'options') && ids(old, 'items') === ids(question, 'items')) {
    return { status: 'same' };
  }
  return { status: 'not_comparable', reason: `Optionen oder Items gegenüber Version ${version} geändert, keine Zuordnung erklärt` };
}

/** An older response in the new version's flat variables; not comparable questions are left empty. */
export function translateResponse(answers: FlatResponse, newer: Instrument, mapping: ResolvedMapping): FlatResponse {
  const out: Record<string, string> = {};
  for (const question of questionsOf(newer).values()) {
    const rule = mapping.questions.get(question.id);
    if (!rule || rule.status === 'not_comparable') continue;
    const from = rule.status === 'same' ? question.id : (rule.from ?? question.id);
    const merged = rule.status === 'options_merged' ? rule.options : {};
    copyQuestion(answers, question, from, (option) => merged[option] ?? [option], out);
  }
  return out;
}

function copyQuestion(answers: FlatResponse, question: Question, from: string, olds: (option: string) => readonly string[], out: Record<string, string>): void {
  const items = 'items' in question ? question.items.map((item) => item.id) : [undefined];
  const options = 'options' in question ? question.options.map((option) => option.id) : [];
  for (const item of items) {
    const newPrefix = item === undefined ? question.id : `${question.id}__${item}`;
    const oldPrefix = item === undefined ? from : `${from}__${item}`;
    if (question.type === 'multi' || question.type === 'grid-multi') {
      for (const option of options) {
        const cells = olds(option).map((old) => answers[`${oldPrefix}__${old}`] ?? '');
        const value = cells.some((cell) => cell === '') ? '' : cells.includes('1') ? '1' : '0';
        if (value !== '') out[`${newPrefix}__${option}`] = value;
      }
    } else {
      const value = answers[oldPrefix] ?? '';
      if (value === '') continue;
      const target = options.length === 0 ? value : options.find((option) => olds(option).includes(value));
      if (target !== undefined) out[newPrefix] = target;
    }
  }
}

export function questionsOf(instrument: Instrument): Map<string, Question> {
  return new Map(instrument.sections.flatMap((section) => section.questions).map((question) => [question.id, question]));
}

function ids(question: Question, key: 'options' | 'items'): string {
  const list = (question as unknown as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.map((entry: { id: string }) => entry.id).join('|') : '';
}
