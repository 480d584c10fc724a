// A SurveyJS form definition (JSON) as a candidate instrument version (issue 10 item 3), the inverse of
// surveyjs-json.ts: pages → sections; radiogroup/dropdown/boolean/rating → single, checkbox/tagbox → multi,
// matrix → grid-single, matrixdropdown with one checkbox column → grid-multi, text/comment → number, email
// or text; panels are flattened. Localised texts `{ "de": …, "en": …, "default": … }` give label and
// labelEn; `visibleIf` and row `visibleIf` become showIf/itemShowIf where our model can hold them.
import { dmError } from '../errors.js';
import { candidateInstrument, type ConvertOptions, type ConvertedInstrument, type ImportFinding } from './converted-instrument.js';
import { plainText } from './plain-text.js';
import { parseShowIfExpression, resolveShowIf, type ConditionTarget } from './show-if-expression.js';
import { IdScope } from './source-id.js';
import { booleanOptions, choiceList, choiceOptions, ratingOptions, rowItems, type SourcedOption } from './surveyjs-choices.js';

type Json = Record<string, unknown>;

/** SurveyJS element types we have no counterpart for, with the German name. */
const UNMAPPED_TYPES: Readonly<Record<string, string>> = {
  html: 'HTML-Text',
  expression: 'Berechnung (expression)',
  image: 'Bild',
  file: 'Datei-Upload',
  signaturepad: 'Unterschrift',
  ranking: 'Rangfolge',
  imagepicker: 'Bildauswahl',
  multipletext: 'Mehrere Textfelder',
  paneldynamic: 'Dynamisches Panel',
  matrixdynamic: 'Dynamische Matrix',
  slider: 'Schieberegler',
};
/** Properties that only change the look or the editor; dropped without a finding. */
const PRESENTATION = new Set(['type', 'name', 'title', 'description', 'visibleIf', 'isRequired', 'choices', 'rows', 'columns', 'inputType', 'min', 'max', 'step', 'maxLength', 'maxSelectedChoices', 'colCount', 'titleLocation', 'descriptionLocation', 'placeholder', 'startWithNewLine', 'width', 'minWidth', 'maxWidth', 'hideNumber', 'indent', 'rateMin', 'rateMax', 'rateStep', 'rateCount', 'rateValues', 'labelTrue', 'labelFalse', 'valueTrue', 'valueFalse', 'showNoneItem', 'hasNone', 'noneText', 'autoGrow', 'allowResize', 'rateType', 'displayMode', 'renderAs', 'state', 'cellType', 'swapOrder', 'elements', 'questions', 'minRateDescription', 'maxRateDescription', 'requiredErrorText', 'textUpdateMode', 'alternateRows', 'columnMinWidth', 'rowTitleWidth', 'verticalAlign', 'isAllRowRequired', 'showOtherItem', 'hasOther', 'otherText', 'choicesByUrl', 'choicesFromQuestion']);
const TEXT_LENGTH = { text: 255, comment: 5000 } as const;
const NUMBER_RANGE = [0, 999_999_999] as const;

/** A mapped question a later condition may refer to; `items`: source row value → our item id. */
type Target = ConditionTarget & { readonly items: ReadonlyMap<string, string> };

interface Context {
  readonly findings: ImportFinding[];
  readonly text: (value: unknown, fallback: string, path: string) => { label: string; labelEn?: string };
  readonly ids: IdScope;
  /** SurveyJS question name → what a later condition may refer to. */
  readonly targets: Map<string, Target>;
  readonly questionIds: Record<string, string>;
  readonly required: string[];
}

/** @throws DmError DM_SURVEYJS_INVALID when the bytes are not a SurveyJS form definition */
export function surveyJsToInstrument(bytes: Uint8Array, options: ConvertOptions): ConvertedInstrument {
  const survey = readSurvey(bytes);
  const findings: ImportFinding[] = [];
  const languages = new Set<string>();
  const untranslated: string[] = [];
  const context: Context = { findings, text: textPicker(survey, languages, untranslated, findings), ids: new IdScope(), targets: new Map(), questionIds: {}, required: [] };
  const pages = (Array.isArray(survey['pages']) ? survey['pages'] : [{ name: 'fragen', title: { de: 'Fragen', en: 'Questions' }, elements: survey['elements'] ?? survey['questions'] }]) as unknown[];
  const sectionIds = new IdScope();
  const sections = pages.flatMap((page, p) => {
    if (!isObject(page)) return [];
    const name = typeof page['name'] === 'string' ? page['name'] : `seite_${p + 1}`;
    const title = context.text(page['title'] ?? page['name'], `Seite ${p + 1}`, `Seite „${name}“`);
    const pageCondition = typeof page['visibleIf'] === 'string' ? page['visibleIf'] : undefined;
    const questions = elementsOf(page).flatMap((element, e) => mapElement(element, `${name}/${e + 1}`, pageCondition, context));
    if (questions.length === 0) return [];
    return [{ id: sectionIds.take(name, `abschnitt_${p + 1}`), title: title.label, ...(title.labelEn ? { titleEn: title.labelEn } : {}), questions }];
  });
  if (context.required.length > 0) findings.push({ path: 'Formular', feature: `Pflichtfragen (${context.required.join(', ')})`, reason: 'Unser Fragebogen kennt keine Pflichtfragen; jede Frage darf leer bleiben.' });
  if (untranslated.length > 0) {
    findings.push({ path: 'Formular', feature: `Texte ohne deutsche Fassung (${untranslated.length}): ${untranslated.join(', ')}`, reason: 'Übernommen wurde der Standardtext des Formulars („default“).' });
  }
  const other = [...languages].filter((language) => !['de', 'en', 'default'].includes(language));
  if (other.length > 0) findings.push({ path: 'Formular', feature: `Sprachen ${other.join(', ')}`, reason: 'Unser Fragebogen hat deutsche und englische Texte; diese Übersetzungen werden nicht übernommen.' });
  for (const key of ['triggers', 'calculatedValues', 'completedHtmlOnCondition', 'navigateToUrlOnCondition']) {
    if (Array.isArray(survey[key]) && survey[key].length > 0) findings.push({ path: 'Formular', feature: `„${key}“`, reason: 'Abläufe und Berechnungen des Formulars gibt es in unserem Fragebogen-Modell nicht; nicht übernommen.' });
  }
  const title = context.text(survey['title'], 'SurveyJS-Formular', 'Formular');
  return { document: candidateInstrument(options, title.label, sections), findings, questionIds: context.questionIds };
}

function readSurvey(bytes: Uint8Array): Json {
  let parsed: unknown;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    parsed = JSON.parse(text);
  } catch (error) {
    const hint = /^\s*</.test(text) ? ' Sie sieht aus wie XML – für LimeSurvey-Strukturexporte (.lss) „--from lss“ angeben.' : '';
    throw dmError('DM_SURVEYJS_INVALID', { detail: `sie ist kein gültiges JSON (${error instanceof SyntaxError ? error.message : 'keine UTF-8-Datei'}).${hint}` });
  }
  if (!isObject(parsed)) throw dmError('DM_SURVEYJS_INVALID', { detail: 'sie enthält kein JSON-Objekt.' });
  const pages = parsed['pages'];
  const elements = parsed['elements'] ?? parsed['questions'];
  if (!(Array.isArray(pages) && pages.length > 0) && !(Array.isArray(elements) && elements.length > 0)) {
    throw dmError('DM_SURVEYJS_INVALID', { detail: 'ihr fehlen „pages“ (mit „elements“) bzw. „elements“ – die Fragen eines SurveyJS-Formulars.' });
  }
  return parsed;
}

function elementsOf(container: Json): Json[] {
  const list = container['elements'] ?? container['questions'];
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function textPicker(survey: Json, languages: Set<string>, untranslated: string[], findings: ImportFinding[]): Context['text'] {
  // Plain strings and "default" are in the survey's locale (SurveyJS default: English).
  const defaultIsGerman = survey['locale'] === 'de';
  let markup = false;
  return (value, fallback, path) => {
    const localized = isObject(value) ? value : typeof value === 'string' ? { default: value } : {};
    for (const key of Object.keys(localized)) languages.add(key);
    const german = localized['de'] ?? (defaultIsGerman ? localized['default'] : undefined);
    const chosen = german ?? localized['default'] ?? Object.values(localized).find((entry) => typeof entry === 'string');
    if (typeof german !== 'string' && typeof chosen === 'string') untranslated.push(path);
    const picked = plainText(typeof chosen === 'string' ? chosen : '');
    if (picked.hadMarkup && !markup) {
      markup = true;
      findings.push({ path: 'Formular', feature: 'HTML-Formatierung in Texten', reason: 'Unsere Fragetexte sind reiner Text; Formatierungen wurden entfernt.' });
    }
    const english = localized['en'] ?? (!defaultIsGerman && typeof german === 'string' ? localized['default'] : undefined);
    const labelEn = typeof english === 'string' ? plainText(english).text : '';
    return { label: picked.text || fallback, ...(labelEn ? { labelEn } : {}) };
  };
}

function mapElement(element: Json, path: string, inherited: string | undefined, context: Context): Json[] {
  const type = String(element['type'] ?? '');
  const name = typeof element['name'] === 'string' && element['name'] !== '' ? element['name'] : path;
  if (type === 'panel') {
    const own = typeof element['visibleIf'] === 'string' ? element['visibleIf'] : undefined;
    if (element['title'] !== undefined) context.findings.push({ path: name, feature: 'Panel-Überschrift', reason: 'Panels gibt es bei uns nicht; ihre Fragen stehen direkt im Abschnitt, die Überschrift entfällt.' });
    const condition = own && inherited ? `(${inherited}) and (${own})` : (own ?? inherited);
    return elementsOf(element).flatMap((child, i) => mapElement(child, `${name}/${i + 1}`, condition, context));
  }
  const unmapped = UNMAPPED_TYPES[type];
  if (unmapped !== undefined || !isMappable(type, element)) {
    context.findings.push({ path: name, feature: `Elementtyp „${type}“${unmapped ? ` (${unmapped})` : ''}`, reason: reasonFor(type, element) });
    return [];
  }
  const { question, target } = withoutSources(mapQuestion(element, type, name, context));
  if (element['isRequired'] === true) context.required.push(name);
  ignoredProperties(element, name, context);
  const own = typeof element['visibleIf'] === 'string' ? element['visibleIf'] : undefined;
  const expression = own && inherited ? `(${inherited}) and (${own})` : (own ?? inherited);
  const showIf = expression ? visibility(expression, name, context) : undefined;
  const itemShowIf = type === 'matrix' || type === 'matrixdropdown' ? rowVisibility(element, name, context) : undefined;
  context.questionIds[name] = target.id;
  context.targets.set(name, target);
  return [{ ...question, ...(showIf ? { showIf } : {}), ...(itemShowIf ? { itemShowIf } : {}) }];
}

function isMappable(type: string, element: Json): boolean {
  if (['radiogroup', 'dropdown', 'boolean', 'rating', 'checkbox', 'tagbox', 'matrix', 'comment'].includes(type)) return true;
  if (type === 'text') return [undefined, 'text', 'number', 'email', 'tel', 'url'].includes(element['inputType'] as string | undefined);
  return type === 'matrixdropdown' && checkboxColumn(element) !== undefined;
}

function reasonFor(type: string, element: Json): string {
  if (type === 'text') return `Eingabeart „${String(element['inputType'])}“ hat unser Fragebogen nicht (möglich: Text, Zahl, E-Mail); die Frage wird nicht übernommen.`;
  if (type === 'matrixdropdown') return 'Nur eine Matrix mit genau einer Kontrollkästchen-Spalte ist als Raster mit Mehrfachauswahl abbildbar; die Frage wird nicht übernommen.';
  return UNMAPPED_TYPES[type] ? 'Diesen Elementtyp hat unser Fragebogen nicht; nicht übernommen.' : 'Unbekannter SurveyJS-Elementtyp; nicht übernommen.';
}

function checkboxColumn(element: Json): Json | undefined {
  const columns = Array.isArray(element['columns']) ? element['columns'].filter(isObject) : [];
  const [column] = columns;
  const type = column?.['cellType'] ?? element['cellType'];
  return columns.length === 1 && type === 'checkbox' && Array.isArray(column!['choices'] ?? element['choices']) ? column : undefined;
}

function mapQuestion(element: Json, type: string, name: string, context: Context): Json {
  const note = context.text(element['description'], '', name).label;
  const base: Json = { id: context.ids.take(name, 'frage'), ...context.text(element['title'] ?? name, name, name), ...(note ? { note } : {}) };
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
      return { ...base, type: 'single', options: choiceOptions(element, name, context) };
    case 'boolean':
      return { ...base, type: 'single', options: booleanOptions(element, name, context) };
    case 'rating':
      return { ...base, type: 'single', options: ratingOptions(element, name, context) };
    case 'checkbox':
    case 'tagbox': {
      const list = choiceOptions(element, name, context);
      const max = element['maxSelectedChoices'];
      const keep = typeof max === 'number' && Number.isInteger(max) && max >= 1 && max <= list.length;
      return { ...base, type: 'multi', options: list, ...(keep ? { max } : {}) };
    }
    case 'matrix':
      return { ...base, type: 'grid-single', items: rowItems(element, name, context), options: choiceList(element['columns'], name, context) };
    case 'matrixdropdown': {
      const column = checkboxColumn(element)!;
      return { ...base, type: 'grid-multi', items: rowItems(element, name, context), options: choiceList(column['choices'] ?? element['choices'], name, context) };
    }
    case 'comment':
      return { ...base, type: 'text', maxLength: textLength(element, 'comment', name, context) };
    default:
      if (element['inputType'] === 'number') return { ...base, type: 'number', ...numberRange(element, name, context) };
      if (element['inputType'] === 'email') return { ...base, type: 'email', personal: true };
      return { ...base, type: 'text', maxLength: textLength(element, 'text', name, context) };
  }
}

function textLength(element: Json, type: 'text' | 'comment', path: string, context: Context): number {
  const given = element['maxLength'];
  if (typeof given === 'number' && Number.isInteger(given) && given > 0) return given;
  context.findings.push({ path, feature: 'Höchstlänge', reason: `Keine Höchstlänge („maxLength“) angegeben; angenommen: ${TEXT_LENGTH[type]} Zeichen.` });
  return TEXT_LENGTH[type];
}

function numberRange(element: Json, path: string, context: Context): Json {
  const finite = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? Number(value) : NaN);
  const [min, max] = [finite(element['min']), finite(element['max'])].map((value) => (Number.isFinite(value) ? value : undefined));
  const range = { min: min ?? Math.min(NUMBER_RANGE[0], max ?? 0), max: max ?? Math.max(NUMBER_RANGE[1], min ?? 0) };
  if (min === undefined || max === undefined) context.findings.push({ path, feature: 'Wertebereich', reason: `Kein vollständiger Wertebereich („min“, „max“); angenommen: ${range.min} bis ${range.max}.` });
  return { ...range, integer: element['step'] === 1 };
}

function ignoredProperties(element: Json, path: string, context: Context): void {
  const dropped = Object.keys(element).filter((key) => !PRESENTATION.has(key) && element[key] !== undefined && element[key] !== null && element[key] !== false);
  if (dropped.length > 0) {
    context.findings.push({ path, feature: `Eigenschaften ${dropped.join(', ')}`, reason: 'Diese Einstellungen (z. B. Validierung, Vorbelegung, enableIf, Zufallsreihenfolge) hat unser Modell nicht.' });
  }
}

/** Takes the source values off the options: they become the target's value map for later conditions. */
function withoutSources(mapped: Json): { readonly question: Json; readonly target: Target } {
  const strip = (list: unknown) => ((list ?? []) as readonly SourcedOption[]).map(({ source: _, ...option }) => option);
  const options = (mapped['options'] ?? []) as readonly SourcedOption[];
  const items = (mapped['items'] ?? []) as readonly SourcedOption[];
  const question = { ...mapped, ...(mapped['options'] ? { options: strip(options) } : {}), ...(mapped['items'] ? { items: strip(items) } : {}) };
  const target: Target = {
    id: String(mapped['id']),
    type: String(mapped['type']),
    options: new Map(options.map((option) => [option.source, option.id])),
    items: new Map(items.map((item) => [item.source, item.id])),
  };
  return { question, target };
}

/** Row visibleIf of a grid → itemShowIf: every row shown when the same row of one earlier grid-single has a value in one list. */
function rowVisibility(element: Json, name: string, context: Context): Json | undefined {
  const rows = Array.isArray(element['rows']) ? element['rows'] : [];
  const conditions = rows.map((row) => (isObject(row) && typeof row['visibleIf'] === 'string' ? { value: String(row['value']), expression: row['visibleIf'] } : undefined));
  if (conditions.every((condition) => condition === undefined)) return undefined;
  const fail = (reason: string) => void context.findings.push({ path: name, feature: 'Sichtbarkeit einzelner Zeilen (rows visibleIf)', reason: `${reason} Alle Zeilen werden gezeigt.` });
  if (conditions.some((condition) => condition === undefined)) return fail('Nur wenn jede Zeile eine Bedingung hat, ist sie als Filter je Item (itemShowIf) abbildbar.');
  const mapped = conditions.map((condition) => {
    const parsed = parseShowIfExpression(condition!.expression);
    if (!parsed.ok) return parsed.reason;
    const resolved = resolveShowIf(parsed.expression, (variable) => {
      const [grid, row, ...rest] = variable.split('.');
      const target = context.targets.get(grid ?? '');
      if (!target || target.type !== 'grid-single' || rest.length > 0 || row !== condition!.value || !target.items.has(row)) {
        return `„${variable}“ ist nicht dieselbe Zeile eines vorher gestellten Rasters mit Einfachauswahl`;
      }
      return { id: target.id, type: 'single', options: target.options };
    });
    return resolved.kind === 'condition' ? resolved.condition : resolved.kind === 'always' ? 'Zeile ohne wirksame Bedingung.' : resolved.reason;
  });
  const failed = mapped.find((entry) => typeof entry === 'string');
  if (failed !== undefined) return fail(`Nicht abbildbar: ${failed as string}.`);
  const first = mapped[0] as { variable: string; in: readonly string[] };
  const same = mapped.every((entry) => typeof entry !== 'string' && entry.variable === first.variable && entry.in.join() === first.in.join());
  if (!same) return fail('Die Zeilen hängen von verschiedenen Rastern oder Werten ab; abbildbar ist nur eine gemeinsame Bedingung.');
  return { question: first.variable, in: first.in };
}

function visibility(expression: string, name: string, context: Context) {
  const parsed = parseShowIfExpression(expression);
  const feature = `Sichtbarkeit „${expression.slice(0, 120)}“`;
  if (!parsed.ok) {
    context.findings.push({ path: name, feature, reason: `${parsed.reason} Die Frage wird immer gestellt.` });
    return undefined;
  }
  const resolved = resolveShowIf(parsed.expression, (variable) => context.targets.get(variable) ?? `„${variable}“ ist keine vorher gestellte, übernommene Frage`);
  if (resolved.kind === 'unmapped') {
    context.findings.push({ path: name, feature, reason: `Nicht abbildbar: ${resolved.reason}. Die Frage wird immer gestellt.` });
    return undefined;
  }
  if (resolved.kind === 'always') return undefined;
  if (resolved.caveat) context.findings.push({ path: name, feature, reason: resolved.caveat });
  return resolved.condition;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
