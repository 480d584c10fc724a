// A LimeSurvey survey structure export (.lss, LimeSurvey 3.x–6.x) as a candidate instrument version (issue 10
// item 3): groups → sections, question types → ours, answers and subquestions → options and items, German
// texts (English as labelEn), conditions and relevance equations → showIf where our model can hold them.
// Everything else is a finding with its reason. Question types: LimeSurvey manual "Question types".
import type { Option } from '../instrument/model.js';
import { candidateInstrument, type ConvertOptions, type ConvertedInstrument, type ImportFinding } from './converted-instrument.js';
import { readLssSurvey, type LssQuestion, type LssSurvey, type Texts } from './lss-survey.js';
import { plainText } from './plain-text.js';
import { lssVisibility } from './lss-visibility.js';
import { parseShowIfExpression, type ConditionTarget } from './show-if-expression.js';
import { IdScope } from './source-id.js';

type Json = Record<string, unknown>;

const FIVE = ['1', '2', '3', '4', '5'].map((n) => [n, n, n] as const);
const FIXED: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  '5': FIVE,
  A: FIVE,
  B: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => [n, n, n] as const),
  Y: [['Y', 'Ja', 'Yes'], ['N', 'Nein', 'No']],
  G: [['F', 'Weiblich', 'Female'], ['M', 'Männlich', 'Male']],
  C: [['Y', 'Ja', 'Yes'], ['U', 'Unsicher', 'Uncertain'], ['N', 'Nein', 'No']],
  E: [['I', 'Zunahme', 'Increase'], ['S', 'Gleich', 'Same'], ['D', 'Abnahme', 'Decrease']],
};

/** LimeSurvey types we have no counterpart for, with the German name. */
const UNMAPPED_TYPES: Readonly<Record<string, string>> = {
  D: 'Datum/Uhrzeit',
  R: 'Rangfolge',
  X: 'Textanzeige',
  '|': 'Datei-Upload',
  '*': 'Gleichung',
  I: 'Sprachumschaltung',
  K: 'Mehrfache Zahleneingabe',
  Q: 'Mehrfache kurze Texte',
  ':': 'Array (Zahlen)',
  ';': 'Array (Texte)',
};

/**
 * Attributes that only change the look, the statistics or the editor; dropped without a finding. Real exports
 * list every attribute with its default, so only values other than '', '0' and 'N' are reported.
 */
const PRESENTATION = new Set(['display_type', 'save_as_default', 'clear_default', 'em_validation_q_tip', 'em_validation_sq_tip', 'time_limit_action', 'other_position', 'other_position_code', 'answer_order', 'display_columns', 'hide_tip', 'text_input_width', 'text_input_columns', 'answer_width', 'input_size', 'display_rows', 'page_break', 'statistics_showgraph', 'statistics_graphtype', 'statistics_showmap', 'public_statistics', 'cssclass', 'scale_export', 'use_dropdown', 'dropdown_size', 'dropdown_prefix', 'question_template', 'printable_help', 'answer_width_bycolumn', 'repeat_headings', 'input_boxes']);
const USED = new Set(['max_answers', 'exclude_all_others', 'maximum_chars', 'min_num_value_n', 'max_num_value_n', 'num_value_int_only']);
const TEXT_LENGTH: Readonly<Record<string, number>> = { S: 255, T: 5000, U: 10000 };
const NUMBER_RANGE = [0, 999_999_999] as const;

interface Languages {
  readonly main: string;
  /** The survey's base language: the fallback for texts missing in `main`. */
  readonly base: string;
  readonly english?: string;
}

/** @throws DmError DM_LSS_INVALID when the bytes are not a LimeSurvey survey structure export */
export function lssToInstrument(bytes: Uint8Array, options: ConvertOptions): ConvertedInstrument {
  const survey = readLssSurvey(bytes);
  const findings: ImportFinding[] = [];
  const languages = chooseLanguages(survey, findings);
  const text = textPicker(languages, findings);
  const targets = new Map<string, ConditionTarget>();
  const questionIds: Record<string, string> = {};
  const sectionIds = new IdScope();
  const ids = new IdScope();
  const sections = survey.groups.flatMap((group, g) => {
    const title = text(group.names, `Gruppe ${g + 1}`, `Gruppe ${g + 1}`).label;
    const groupCondition = group.relevance.trim() === '' ? undefined : parseShowIfExpression(group.relevance);
    const questions = group.questions.flatMap((source) => {
      const mapped = mapQuestion(source, ids, text, findings);
      if (!mapped) return [];
      const showIf = lssVisibility(source, survey, groupCondition, targets, findings);
      questionIds[source.code] = String(mapped['id']);
      targets.set(source.code, conditionTarget(source, mapped));
      targets.set(`qid:${source.qid}`, conditionTarget(source, mapped));
      return [{ ...mapped, ...(showIf ? { showIf } : {}) }];
    });
    if (questions.length === 0) {
      if (group.questions.length === 0) findings.push({ path: `Gruppe „${title}“`, feature: 'Fragengruppe ohne Fragen', reason: 'Eine Gruppe ohne Fragen wird nicht als Abschnitt übernommen.' });
      return [];
    }
    return [{ id: sectionIds.take(title, `abschnitt_${g + 1}`), title, ...(languages.english ? titleEn(group.names, languages.english) : {}), questions }];
  });
  const title = text(survey.titles, 'LimeSurvey-Umfrage', 'Umfrage').label;
  text.report();
  surveyFindings(survey, findings);
  return { document: candidateInstrument(options, title, sections), findings, questionIds };
}

function titleEn(names: Texts, english: string): Json {
  const name = names.get(english);
  return name ? { titleEn: plainText(name).text } : {};
}

function chooseLanguages(survey: LssSurvey, findings: ImportFinding[]): Languages {
  const german = survey.languages.find((language) => language === 'de') ?? survey.languages.find((language) => language.startsWith('de'));
  const main = german ?? survey.baseLanguage;
  if (!german) findings.push({ path: 'Umfrage', feature: 'Sprache', reason: `Die Umfrage hat keine deutschen Texte; übernommen wurde die Basissprache „${main}“.` });
  const english = main.startsWith('en') ? undefined : survey.languages.find((language) => language === 'en') ?? survey.languages.find((language) => language.startsWith('en'));
  const dropped = survey.languages.filter((language) => language !== main && language !== english);
  if (dropped.length > 0) findings.push({ path: 'Umfrage', feature: `Sprachen ${dropped.join(', ')}`, reason: 'Unser Fragebogen hat deutsche und englische Texte; diese Übersetzungen werden nicht übernommen.' });
  return english ? { main, base: survey.baseLanguage, english } : { main, base: survey.baseLanguage };
}

interface TextPick {
  (texts: Texts, fallback: string, path: string): { label: string; labelEn?: string };
  /** The main-language text as is, '' when there is none (help texts are optional). */
  main(texts: Texts): string;
  /** Whether the survey has English texts (labelEn). */
  readonly english: boolean;
  /** Adds one finding for all texts taken from another language. */
  report(): void;
}

/** Picks the main-language text (then the base language, then `fallback`), HTML removed; counts markup once. */
function textPicker(languages: Languages, findings: ImportFinding[]): TextPick {
  let markup: ImportFinding | undefined;
  const untranslated: string[] = [];
  const piped: string[] = [];
  const pick = (texts: Texts, fallback: string, path: string) => {
    const main = texts.get(languages.main);
    const filled = (value: string | undefined) => (value?.trim() ? value : undefined);
    const raw = filled(main) ?? filled(texts.get(languages.base)) ?? [...texts.values()].find((value) => value.trim() !== '');
    const picked = plainText(raw ?? '');
    if (/\{[^{}\s][^{}]*\}/.test(picked.text)) piped.push(path);
    if (picked.hadMarkup && !markup) {
      markup = { path: 'Umfrage', feature: 'HTML-Formatierung in Texten', reason: 'Unsere Fragetexte sind reiner Text; Formatierungen, Bilder und Links wurden entfernt.' };
      findings.push(markup);
    }
    if (main === undefined || main.trim() === '') {
      if (raw === undefined && texts.size > 0) findings.push({ path, feature: 'Text', reason: `Kein Text vorhanden; „${fallback}“ übernommen.` });
      else if (raw !== undefined) untranslated.push(path);
    }
    const english = languages.english ? texts.get(languages.english) : undefined;
    const labelEn = english ? plainText(english).text : '';
    return { label: picked.text || fallback, ...(labelEn ? { labelEn } : {}) };
  };
  const report = () => {
    if (piped.length > 0) {
      findings.push({ path: 'Umfrage', feature: `Eingebettete Ausdrücke in Texten (${piped.join(', ')})`, reason: 'Platzhalter wie {Q1.shown} füllt unser Fragebogen nicht aus; sie stehen wörtlich im Text – bitte in der umgewandelten Datei anpassen.' });
    }
    if (untranslated.length === 0) return;
    findings.push({ path: 'Umfrage', feature: `Texte ohne Fassung in „${languages.main}“ (${untranslated.length}): ${untranslated.join(', ')}`, reason: 'Übernommen wurde der Text einer anderen Sprache.' });
  };
  return Object.assign(pick, { main: (texts: Texts) => texts.get(languages.main) ?? '', english: languages.english !== undefined, report });
}

function mapQuestion(source: LssQuestion, ids: IdScope, text: TextPick, findings: ImportFinding[]): Json | undefined {
  const path = source.code;
  const unmapped = UNMAPPED_TYPES[source.type];
  if (unmapped !== undefined) {
    findings.push({ path, feature: `Fragetyp ${source.type} (${unmapped})`, reason: 'Diesen Fragetyp hat unser Fragebogen nicht; die Frage wird nicht übernommen.' });
    return undefined;
  }
  const kind = questionKind(source.type);
  if (!kind) {
    findings.push({ path, feature: `Fragetyp „${source.type}“`, reason: 'Unbekannter LimeSurvey-Fragetyp; die Frage wird nicht übernommen.' });
    return undefined;
  }
  const label = text(source.texts, source.code, path);
  const help = plainText(text.main(source.help)).text;
  const base: Json = { id: ids.take(source.code, 'frage'), ...label, type: kind, ...(help ? { note: help } : {}) };
  if (source.other) findings.push({ path, feature: 'Option „Sonstiges“ mit Freitext', reason: 'Ein Freitext an einer Auswahlfrage ist in unserem Modell nicht vorgesehen; die Option fehlt.' });
  if (source.type === 'O' || source.type === 'P') findings.push({ path, feature: 'Kommentarfelder', reason: 'Kommentare zu Antworten sieht unser Modell nicht vor; übernommen wird nur die Auswahl.' });
  if (source.type === '1') findings.push({ path, feature: 'Zweite Skala (Array Doppelskala)', reason: 'Ein Raster hat bei uns eine Skala; übernommen wurde die erste.' });
  attributeFindings(source, findings);
  switch (kind) {
    case 'single':
      return { ...base, options: options(source, text) };
    case 'multi':
      return multi(base, source, text, findings);
    case 'grid-single':
      return { ...base, items: subquestionList(source, '0', text, 'item'), options: options(source, text) };
    case 'text':
      return { ...base, maxLength: textLength(source, findings) };
    case 'number':
      return { ...base, ...numberRange(source, findings) };
  }
}

function questionKind(type: string): 'single' | 'multi' | 'grid-single' | 'text' | 'number' | undefined {
  if ('L!O5YG'.includes(type)) return 'single';
  if ('MP'.includes(type)) return 'multi';
  if ('FHABCE1'.includes(type)) return 'grid-single';
  if ('STU'.includes(type)) return 'text';
  if (type === 'N') return 'number';
  return undefined;
}

function options(source: LssQuestion, text: TextPick): Option[] {
  const fixed = FIXED[source.type];
  const scope = new IdScope();
  if (fixed) return fixed.map(([code, label, labelEn]) => ({ id: scope.take(code, 'option'), label, ...(text.english && labelEn !== label ? { labelEn } : {}) }));
  return source.answers
    .filter((answer) => answer.scale === '0')
    .map((answer) => ({ id: scope.take(answer.code, 'option'), ...text(answer.texts, answer.code, `${source.code}/${answer.code}`) }));
}

function subquestionList(source: LssQuestion, scale: string, text: TextPick, fallback: string): Json[] {
  const scope = new IdScope();
  return source.subquestions
    .filter((sub) => sub.scale === scale)
    .map((sub) => ({ id: scope.take(sub.code, fallback), ...text(sub.texts, sub.code, `${source.code}/${sub.code}`) }));
}

function multi(base: Json, source: LssQuestion, text: TextPick, findings: ImportFinding[]): Json {
  const exclusive = new Set((source.attributes.get('exclude_all_others') ?? '').split(';').map((code) => code.trim()).filter(Boolean));
  const list = subquestionList(source, '0', text, 'option').map((option, i) => (exclusive.has(source.subquestions.filter((sub) => sub.scale === '0')[i]?.code ?? '') ? { ...option, exclusive: true } : option));
  const max = Number(source.attributes.get('max_answers') ?? '');
  if (source.attributes.has('max_answers') && !(Number.isInteger(max) && max >= 1 && max <= list.length)) {
    findings.push({ path: source.code, feature: `max_answers = „${source.attributes.get('max_answers')}“`, reason: 'Nur eine feste Zahl von 1 bis zur Zahl der Optionen ist abbildbar.' });
  }
  return { ...base, options: list, ...(Number.isInteger(max) && max >= 1 && max <= list.length ? { max } : {}) };
}

function textLength(source: LssQuestion, findings: ImportFinding[]): number {
  const given = Number(source.attributes.get('maximum_chars') ?? '');
  if (Number.isInteger(given) && given > 0) return given;
  const assumed = TEXT_LENGTH[source.type]!;
  findings.push({ path: source.code, feature: 'Höchstlänge', reason: `Keine Höchstlänge (maximum_chars) angegeben; angenommen: ${assumed} Zeichen.` });
  return assumed;
}

function numberRange(source: LssQuestion, findings: ImportFinding[]): Json {
  const read = (name: string) => (source.attributes.get(name) ?? '').trim();
  const [minText, maxText] = [read('min_num_value_n'), read('max_num_value_n')];
  const min = minText !== '' && Number.isFinite(Number(minText)) ? Number(minText) : undefined;
  const max = maxText !== '' && Number.isFinite(Number(maxText)) ? Number(maxText) : undefined;
  const range = { min: min ?? Math.min(NUMBER_RANGE[0], max ?? 0), max: max ?? Math.max(NUMBER_RANGE[1], min ?? 0) };
  if (min === undefined || max === undefined) {
    findings.push({ path: source.code, feature: 'Wertebereich', reason: `Kein vollständiger Wertebereich (min_num_value_n, max_num_value_n); angenommen: ${range.min} bis ${range.max}.` });
  }
  return { ...range, integer: read('num_value_int_only') === '1' };
}

function attributeFindings(source: LssQuestion, findings: ImportFinding[]): void {
  const set = (name: string, value: string) => !['', '0', 'N'].includes(value.trim()) && !PRESENTATION.has(name) && !USED.has(name) && !name.startsWith('statistics_');
  const timed = set('time_limit', source.attributes.get('time_limit') ?? '');
  const dropped = [...source.attributes].filter(([name, value]) => set(name, value) && (timed || !name.startsWith('time_limit_')));
  if (dropped.length > 0) {
    findings.push({ path: source.code, feature: `Einstellungen ${dropped.map(([name, value]) => `${name}=${value.slice(0, 40)}`).join(', ')}`, reason: 'Diese Frageeinstellungen (z. B. Zufallsreihenfolge, Validierung, Filter auf Teilfragen) hat unser Modell nicht.' });
  }
}

function conditionTarget(source: LssQuestion, mapped: Json): ConditionTarget {
  const list = (mapped['options'] ?? []) as readonly Option[];
  const codes = FIXED[source.type]?.map(([code]) => code) ?? source.answers.filter((answer) => answer.scale === '0').map((answer) => answer.code);
  return { id: String(mapped['id']), type: String(mapped['type']), options: new Map(codes.map((code, i) => [code, list[i]!.id])) };
}

function surveyFindings(survey: LssSurvey, findings: ImportFinding[]): void {
  const mandatory = survey.groups.flatMap((group) => group.questions).filter((question) => question.mandatory).map((question) => question.code);
  if (mandatory.length > 0) findings.push({ path: 'Umfrage', feature: `Pflichtfragen (${mandatory.join(', ')})`, reason: 'Unser Fragebogen kennt keine Pflichtfragen; jede Frage darf leer bleiben.' });
  const names: Readonly<Record<string, string>> = { quota: 'Quoten', quota_members: 'Quoten-Mitglieder', quota_languagesettings: 'Quoten-Texte', assessments: 'Bewertungen (Assessments)', survey_url_parameters: 'URL-Parameter' };
  for (const [table, count] of survey.otherTables) {
    if (count === 0) continue;
    findings.push({ path: 'Umfrage', feature: `${names[table] ?? `Tabelle <${table}>`} (${count} ${count === 1 ? 'Eintrag' : 'Einträge'})`, reason: 'Gibt es in unserem Fragebogen-Modell nicht; nicht übernommen.' });
  }
}
