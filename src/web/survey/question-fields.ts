// One question of a section page as form fields, server-rendered, no JavaScript: fieldset/legend for
// every group, a nested fieldset per grid item (no horizontal scrolling at 320 px), messages tied to
// their fields with aria-describedby. Field names are the flat variable names.
import { html } from 'hono/html';
import type { FlatResponse, Option, Question } from '../../instrument/model.js';
import type { ShownUnit } from '../../instrument/section-answers.js';
import type { Html } from '../page-layout.js';
import { unitKey } from './answer-text.js';

export interface FieldState {
  /** Values to show (stored, posted or merged). */
  readonly values: FlatResponse;
  /** unitKey → German messages. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** unitKey → what the other person saved (conflict). */
  readonly conflicts: ReadonlyMap<string, string>;
}

/** The fields of `question`, showing only its asked `units` (one per question, or per grid item). */
export function questionFields(question: Question, units: readonly ShownUnit[], state: FieldState): Html {
  switch (question.type) {
    case 'single':
    case 'multi':
      return choiceGroup(question, units[0]!, state);
    case 'grid-single':
    case 'grid-multi':
      return gridGroup(question, units, state);
    case 'number':
    case 'text':
    case 'email':
      return textField(question, units[0]!, state);
    default:
      return unreachable(question);
  }
}

function choiceGroup(question: Question & { readonly options: readonly Option[] }, unit: ShownUnit, state: FieldState): Html {
  const key = unitKey(unit);
  return html`<fieldset class="q${state.errors.has(key) ? ' bad' : ''}"${groupRole(question, key, state)}${describedBy(question, key, state)}>
<legend>${question.label}</legend>${hint(question)}${messages(key, state)}
<div class="opts">${options(question, unit, state)}</div>
</fieldset>
`;
}

function gridGroup(question: Question & { readonly options: readonly Option[] }, units: readonly ShownUnit[], state: FieldState): Html {
  return html`<fieldset class="q"${question.note ? html` aria-describedby="hint-${question.id}"` : ''}>
<legend>${question.label}</legend>${hint(question)}
${units.map((unit) => {
  const key = unitKey(unit);
  return html`<fieldset class="${state.errors.has(key) ? 'bad' : ''}"${groupRole(question, key, state)}${describedBy(undefined, key, state)}><legend>${unit.item?.label}</legend>${messages(key, state)}
<div class="opts">${options(question, unit, state)}</div></fieldset>
`;
})}</fieldset>
`;
}

function options(question: Question & { readonly options: readonly Option[] }, unit: ShownUnit, state: FieldState): Html {
  const key = unitKey(unit);
  const flags = question.type === 'multi' || question.type === 'grid-multi';
  if (flags) {
    // A checkbox group has no role that takes aria-invalid (ARIA 1.2), so every box of a faulty question says it.
    const invalid = state.errors.has(key) ? html` aria-invalid="true"` : '';
    return html`${question.options.map((option, i) => {
      const name = `${key}__${option.id}`;
      return html`<label><input type="checkbox" name="${name}" value="1"${i === 0 ? html` id="i-${key}"` : ''}${state.values[name] === '1' ? ' checked' : ''}${invalid}> ${option.label}</label>`;
    })}`;
  }
  const value = state.values[key] ?? '';
  const clear = value === '' ? '' : html`<label><input type="radio" name="${key}" value=""> keine Angabe</label>`;
  return html`${question.options.map(
    (option, i) =>
      html`<label><input type="radio" name="${key}" value="${option.id}"${i === 0 ? html` id="i-${key}"` : ''}${value === option.id ? ' checked' : ''}> ${option.label}</label>`,
  )}${clear}`;
}

function textField(question: Question, unit: ShownUnit, state: FieldState): Html {
  const key = unitKey(unit);
  const value = state.values[key] ?? '';
  const attributes = html` id="i-${key}" name="${key}"${describedBy(question, key, state)}${state.errors.has(key) ? html` aria-invalid="true"` : ''}`;
  const input =
    question.type === 'text'
      ? html`<textarea${attributes}>${value}</textarea>`
      : question.type === 'email'
        ? html`<input type="email" autocomplete="email"${attributes} value="${value}">`
        : html`<input type="text" inputmode="decimal"${attributes} value="${value}">`;
  return html`<div class="q${state.errors.has(key) ? ' bad' : ''}"><label for="i-${key}"><strong>${question.label}</strong></label>${hint(question)}${messages(key, state)}
${input}</div>
`;
}

/** Single choice: a radiogroup, the fieldset role that takes aria-invalid (4.1.2); the boxes of multi carry their own. */
function groupRole(question: Question, key: string, state: FieldState): Html | string {
  if (question.type !== 'single' && question.type !== 'grid-single') return '';
  return html` role="radiogroup"${state.errors.has(key) ? html` aria-invalid="true"` : ''}`;
}

function hint(question: Question): Html | string {
  return question.note ? html`<p class="hint" id="hint-${question.id}">${question.note}</p>` : '';
}

function messages(key: string, state: FieldState): Html {
  const conflict = state.conflicts.get(key);
  return html`${(state.errors.get(key) ?? []).map(
    (message, i) => html`<p class="err" id="err-${key}${i === 0 ? '' : `-${i}`}"><span class="vh">Fehler: </span>${message}</p>`,
  )}${conflict === undefined ? '' : html`<p class="err" id="chg-${key}">Inzwischen von anderer Person gespeichert: „${conflict}“. Im Feld steht Ihre Eingabe.</p>`}`;
}

function describedBy(question: Question | undefined, key: string, state: FieldState): Html | string {
  const ids = [
    ...(question?.note ? [`hint-${question.id}`] : []),
    ...(state.errors.get(key) ?? []).map((_, i) => `err-${key}${i === 0 ? '' : `-${i}`}`),
    ...(state.conflicts.has(key) ? [`chg-${key}`] : []),
  ];
  return ids.length === 0 ? '' : html` aria-describedby="${ids.join(' ')}"`;
}

function unreachable(question: never): never {
  throw new Error(`Unbekannter Fragetyp: ${JSON.stringify(question)}`);
}
