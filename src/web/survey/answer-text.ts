// Answers and issues in words for the respondent: option labels instead of IDs (review, conflicts, errors).
import type { Issue } from '../../instrument/issues.js';
import { messageDe } from '../../instrument/messages.de.js';
import type { FlatResponse, Instrument, Option } from '../../instrument/model.js';
import { instrumentIndex } from '../../instrument/instrument-index.js';
import type { ShownUnit } from '../../instrument/section-answers.js';

export const NO_ANSWER = 'keine Angabe';

/** `question` or `question__item`: one answer unit, as in issue params. */
export function unitKey(unit: Pick<ShownUnit, 'question' | 'item'>): string {
  return unit.item ? `${unit.question.id}__${unit.item.id}` : unit.question.id;
}

/** The unit's answer as text, e.g. "Im Einsatz" or "Finanziell, Logistisch"; NO_ANSWER when empty. */
export function answerText(unit: ShownUnit, answers: FlatResponse): string {
  const options: readonly Option[] = 'options' in unit.question ? unit.question.options : [];
  const label = (id: string | undefined) => options.find((option) => option.id === id)?.label ?? id ?? '';
  const values = unit.variables.flatMap((variable) => {
    const value = answers[variable.name] ?? '';
    if (variable.kind === 'flag') return value === '1' ? [label(variable.optionId)] : [];
    if (value === '') return [];
    return [variable.kind === 'choice' ? label(value) : value];
  });
  return values.length === 0 ? NO_ANSWER : values.join(', ');
}

/** The unit's title: question label, for grid items "question – item". */
export function unitTitle(unit: Pick<ShownUnit, 'question' | 'item'>): string {
  return unit.item ? `${unit.question.label} – ${unit.item.label}` : unit.question.label;
}

/** messageDe with labels in place of IDs (question, item, options). */
export function respondentMessage(instrument: Instrument, issue: Issue): string {
  const params = { ...issue.params };
  const question = instrumentIndex(instrument).questionById.get(String(params.question ?? issue.path[0] ?? ''));
  if (question) {
    const optionLabel = (id: string) => ('options' in question ? question.options.find((o) => o.id === id)?.label : undefined) ?? id;
    params.question = question.label;
    if (params.item !== undefined && 'items' in question) {
      params.item = question.items.find((item) => item.id === params.item)?.label ?? params.item;
    }
    if (typeof params.option === 'string') params.option = optionLabel(params.option);
    if (typeof params.others === 'string') params.others = params.others.split(', ').map(optionLabel).join(', ');
  }
  return messageDe({ ...issue, params });
}
