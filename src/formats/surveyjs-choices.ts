// Choices, rows and fixed scales of SurveyJS questions as our options and items (surveyjs-instrument.ts). Each
// keeps its SurveyJS value in `source` until the question is recorded as a condition target.
import type { Option } from '../instrument/model.js';
import type { ImportFinding } from './converted-instrument.js';
import { IdScope } from './source-id.js';

type Json = Record<string, unknown>;

export interface ChoiceContext {
  readonly findings: ImportFinding[];
  readonly text: (value: unknown, fallback: string, path: string) => { label: string; labelEn?: string };
}

/** Options with the source value of each (for conditions) in `source`. */
export type SourcedOption = Option & { readonly source: string };

export function choiceList(list: unknown, path: string, context: ChoiceContext, scope = new IdScope()): SourcedOption[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((choice): SourcedOption[] => {
    const value = isObject(choice) ? choice['value'] : choice;
    if (value === undefined || value === null || typeof value === 'object') return [];
    const source = String(value);
    // A choice without text shows its value in every language.
    const text = isObject(choice) && choice['text'] !== undefined ? context.text(choice['text'], source, `${path}/${source}`) : { label: source };
    return [{ id: scope.take(source, 'option'), ...text, ...(isObject(choice) && choice['isExclusive'] === true ? { exclusive: true } : {}), source }];
  });
}

export function choiceOptions(element: Json, path: string, context: ChoiceContext): SourcedOption[] {
  const scope = new IdScope();
  const list = choiceList(element['choices'], path, context, scope);
  for (const key of ['choicesByUrl', 'choicesFromQuestion']) {
    if (element[key] !== undefined) context.findings.push({ path, feature: `„${key}“`, reason: 'Optionen aus einer anderen Quelle kann unser Fragebogen nicht laden; übernommen sind nur die festen „choices“.' });
  }
  if (element['showOtherItem'] === true || element['hasOther'] === true) context.findings.push({ path, feature: 'Option „Sonstiges“ mit Freitext', reason: 'Ein Freitext an einer Auswahlfrage ist in unserem Modell nicht vorgesehen; die Option fehlt.' });
  if (element['showNoneItem'] === true || element['hasNone'] === true) {
    list.push({ id: scope.take('none', 'none'), ...context.text(element['noneText'] ?? { de: 'Keine', en: 'None' }, 'Keine', `${path}/none`), exclusive: true, source: 'none' });
  }
  return list;
}

export function booleanOptions(element: Json, path: string, context: ChoiceContext): SourcedOption[] {
  const scope = new IdScope();
  const yes = context.text(element['labelTrue'] ?? { de: 'Ja', en: 'Yes' }, 'Ja', path);
  const no = context.text(element['labelFalse'] ?? { de: 'Nein', en: 'No' }, 'Nein', path);
  const [trueValue, falseValue] = [String(element['valueTrue'] ?? 'true'), String(element['valueFalse'] ?? 'false')];
  return [
    { id: scope.take(trueValue, 'ja'), ...yes, source: trueValue },
    { id: scope.take(falseValue, 'nein'), ...no, source: falseValue },
  ];
}

export function ratingOptions(element: Json, path: string, context: ChoiceContext): SourcedOption[] {
  if (Array.isArray(element['rateValues']) && element['rateValues'].length > 0) return choiceList(element['rateValues'], path, context);
  const [min, step] = [element['rateMin'] ?? 1, element['rateStep'] ?? 1].map(Number) as [number, number];
  // rateCount (SurveyJS 1.9.80+) gives the number of values instead of the maximum.
  const max = element['rateMax'] !== undefined ? Number(element['rateMax']) : element['rateCount'] !== undefined ? min + (Number(element['rateCount']) - 1) * step : 5;
  const count = step > 0 && max >= min ? Math.floor((max - min) / step) + 1 : 0;
  const values = Array.from({ length: Math.min(count, 100) }, (_, i) => String(min + i * step));
  return choiceList(values, path, context);
}

export function rowItems(element: Json, path: string, context: ChoiceContext): SourcedOption[] {
  return choiceList(element['rows'], path, context).map(({ id, label, labelEn, source }) => ({ id, label, ...(labelEn ? { labelEn } : {}), source }));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
