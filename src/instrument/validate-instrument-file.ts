// `instrument validate`: every rule an instrument file must keep, each broken one a German message with
// the JSON path (issue 9). Pure: the caller passes the versions the file may be compared with.
import { DERIVED_INPUTS_2019 } from './derived-inputs-2019.js';
import type { ComparabilityMap, FileIssue, InstrumentVersion, QuestionMapping } from './instrument-file.js';
import type { DerivedVariable, Instrument, Question } from './model.js';
import { instrument2019 } from './waves/instrument-2019.js';

const TYPES = ['single', 'multi', 'grid-single', 'grid-multi', 'number', 'text', 'email'];
const CHOICE = new Set(['single', 'multi', 'grid-single', 'grid-multi']);
const GRID = new Set(['grid-single', 'grid-multi']);
const ID = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const VERSION = /^[0-9a-z][0-9a-z._-]{0,39}$/;
const QUESTIONS_2019: readonly Question[] = (instrument2019 as Instrument).sections.flatMap((section) => section.questions);
const STATUSES = ['same', 'renamed', 'options_merged', 'not_comparable'];

type Json = Record<string, unknown>;

export interface InstrumentFileCheck {
  readonly issues: readonly FileIssue[];
  /** The version, with `derived` resolved to the 2019 derivations; only when there are no issues. */
  readonly instrument?: InstrumentVersion;
}

/**
 * @param previous the versions the file may name in `comparability.previous` (code and imported ones)
 * @example
 * validateInstrumentFile(JSON.parse(text), (v) => instrumentByVersion(v)).issues; // [] when valid
 */
export function validateInstrumentFile(document: unknown, previous: (version: string) => Instrument | undefined): InstrumentFileCheck {
  const issues: FileIssue[] = [];
  const issue: Report = Object.assign((path: string, message: string) => void issues.push({ path, message }), { count: () => issues.length });
  if (!isObject(document)) {
    issue('', 'Die Datei enthält kein JSON-Objekt (erwartet: { "version": …, "title": …, "sections": [ … ] }).');
    return { issues };
  }
  if (typeof document['version'] !== 'string' || !VERSION.test(document['version'])) {
    issue('/version', 'Pflichtfeld „version“ fehlt oder ist ungültig: 1–40 Zeichen aus Kleinbuchstaben, Ziffern, „.“, „-“, „_“ (z. B. "2021").');
  }
  if (typeof document['title'] !== 'string' || document['title'].trim() === '') issue('/title', 'Pflichtfeld „title“ (Titel des Fragebogens) fehlt oder ist leer.');
  const questions = checkSections(document['sections'], issue);
  for (const entry of questions) checkRouting(entry, questions, issue);
  if (questions.length === 0) return { issues };
  const derived = checkDerived(document['derived'], questions, issue);
  const comparability = checkComparability(document['comparability'], questions, previous, issue);
  if (issues.length > 0) return { issues };
  const instrument: InstrumentVersion = {
    id: typeof document['id'] === 'string' ? document['id'] : `kommunen-digital-${String(document['version'])}`,
    version: String(document['version']),
    title: String(document['title']),
    registerFields: Array.isArray(document['registerFields']) ? (document['registerFields'] as Instrument['registerFields']) : instrument2019.registerFields,
    sections: document['sections'] as Instrument['sections'],
    derived,
    ...(comparability ? { comparability } : {}),
  };
  return { issues, instrument };
}

interface Located {
  readonly question: Question;
  readonly path: string;
  readonly position: number;
}

interface Report {
  (path: string, message: string): void;
  /** Issues so far. */
  count(): number;
}

function checkSections(sections: unknown, issue: Report): Located[] {
  if (!Array.isArray(sections) || sections.length === 0) {
    issue('/sections', 'Pflichtfeld „sections“ fehlt oder ist leer: der Fragebogen braucht mindestens einen Abschnitt.');
    return [];
  }
  const sectionIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  const located: Located[] = [];
  sections.forEach((section: unknown, s) => {
    const path = `/sections/${s}`;
    if (!isObject(section)) return issue(path, 'Ein Abschnitt muss ein Objekt mit „id“, „title“ und „questions“ sein.');
    firstSeen(sectionIds, section['id'], `${path}/id`, 'Abschnitts-ID', issue);
    if (typeof section['title'] !== 'string' || section['title'] === '') issue(`${path}/title`, 'Der Abschnitt braucht einen Titel („title“).');
    if (!Array.isArray(section['questions']) || section['questions'].length === 0) {
      return issue(`${path}/questions`, 'Der Abschnitt braucht mindestens eine Frage („questions“).');
    }
    section['questions'].forEach((question: unknown, q) => {
      const at = `${path}/questions/${q}`;
      if (!isObject(question)) return issue(at, 'Eine Frage muss ein Objekt mit „id“, „label“ und „type“ sein.');
      if (typeof question['id'] !== 'string' || !ID.test(question['id'])) {
        return issue(`${at}/id`, `Frage-ID ${quote(question['id'])} ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und einzelne „_“ (kein „__“, das trennt in den flachen Variablen Frage, Item und Option).`);
      }
      if (!firstSeen(questionIds, question['id'], `${at}/id`, 'Frage-ID', issue)) return;
      if (checkQuestion(question, at, issue)) located.push({ question: question as unknown as Question, path: at, position: located.length });
    });
  });
  return located;
}

/** Records the id; false (with an issue) when it was seen before. */
function firstSeen(seen: Map<string, string>, id: unknown, path: string, what: string, issue: Report): boolean {
  if (typeof id !== 'string' || !ID.test(id)) {
    issue(path, `${what} ${quote(id)} ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und einzelne „_“.`);
    return false;
  }
  const earlier = seen.get(id);
  if (earlier !== undefined) {
    issue(path, `${what} „${id}“ kommt doppelt vor (zuerst unter ${earlier}).`);
    return false;
  }
  seen.set(id, path);
  return true;
}

/** False only for a question of unknown type (it cannot be referred to then). */
function checkQuestion(question: Json, at: string, issue: Report): boolean {
  const type = question['type'];
  const id = String(question['id']);
  if (typeof question['label'] !== 'string' || question['label'] === '') issue(`${at}/label`, `Frage „${id}“ braucht einen Fragetext („label“).`);
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    issue(`${at}/type`, `Fragetyp ${quote(type)} von „${id}“ gibt es nicht (möglich: ${TYPES.join(', ')}).`);
    return false;
  }
  if (CHOICE.has(type)) checkList(question['options'], `${at}/options`, `Option`, id, issue);
  if (GRID.has(type)) checkList(question['items'], `${at}/items`, `Item`, id, issue);
  if (type === 'multi' && question['max'] !== undefined) {
    const count = Array.isArray(question['options']) ? question['options'].length : 0;
    const max = question['max'];
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > count) {
      issue(`${at}/max`, `„max“ von „${id}“ muss eine ganze Zahl von 1 bis ${count} (Zahl der Optionen) sein, ist aber ${JSON.stringify(max)}.`);
    }
  }
  if (type === 'number') {
    const { min, max } = question;
    if (typeof min !== 'number' || typeof max !== 'number' || min > max) issue(`${at}/min`, `Zahlenfrage „${id}“ braucht „min“ ≤ „max“ (Zahlen).`);
  }
  if (type === 'text' && (typeof question['maxLength'] !== 'number' || question['maxLength'] < 1)) {
    issue(`${at}/maxLength`, `Textfrage „${id}“ braucht eine Höchstlänge „maxLength“ ≥ 1.`);
  }
  return true;
}

function checkList(list: unknown, path: string, what: 'Option' | 'Item', question: string, issue: Report): void {
  if (!Array.isArray(list) || list.length === 0) {
    issue(path, `Frage „${question}“ braucht mindestens ein${what === 'Option' ? 'e Option' : ' Item'} („${path.split('/').pop()}“).`);
    return;
  }
  const seen = new Map<string, string>();
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry)) return issue(`${path}/${i}`, `${what} ${i + 1} von „${question}“ muss ein Objekt mit „id“ und „label“ sein.`);
    if (!firstSeen(seen, entry['id'], `${path}/${i}/id`, `${what} von „${question}“:`, issue)) return;
    if (typeof entry['label'] !== 'string' || entry['label'] === '') issue(`${path}/${i}/label`, `${what} „${String(entry['id'])}“ von „${question}“ braucht eine Beschriftung („label“).`);
  });
}

function checkRouting({ question, path, position }: Located, all: readonly Located[], issue: Report): void {
  const raw = question as unknown as Json;
  if (raw['showIf'] !== undefined) {
    const condition = raw['showIf'];
    if (!isObject(condition) || typeof condition['variable'] !== 'string' || !Array.isArray(condition['in'])) {
      issue(`${path}/showIf`, `„showIf“ von „${question.id}“ muss { "variable": …, "in": [ … ] } sein.`);
    } else {
      const target = all.find((entry) => entry.question.id === condition['variable']);
      if (!target) issue(`${path}/showIf/variable`, `„showIf“ von „${question.id}“ verweist auf die unbekannte Variable „${condition['variable']}“.`);
      else if (target.position >= position) {
        issue(`${path}/showIf/variable`, `„showIf“ von „${question.id}“ verweist auf „${target.question.id}“, das nicht vorher gefragt wird.`);
      } else if (target.question.type !== 'single') {
        issue(`${path}/showIf/variable`, `„showIf“ von „${question.id}“ verweist auf „${target.question.id}“ (${target.question.type}); möglich sind nur Einfachauswahl-Fragen (single).`);
      } else unknownValues(condition['in'], target.question, `${path}/showIf/in`, question.id, issue);
    }
  }
  if (raw['itemShowIf'] !== undefined) checkItemCondition(raw['itemShowIf'], question, path, position, all, issue);
}

function checkItemCondition(condition: unknown, question: Question, path: string, position: number, all: readonly Located[], issue: Report): void {
  if (!isObject(condition) || typeof condition['question'] !== 'string' || !Array.isArray(condition['in'])) {
    return issue(`${path}/itemShowIf`, `„itemShowIf“ von „${question.id}“ muss { "question": …, "in": [ … ] } sein.`);
  }
  const target = all.find((entry) => entry.question.id === condition['question']);
  if (!target || target.position >= position || target.question.type !== 'grid-single') {
    return issue(`${path}/itemShowIf/question`, `„itemShowIf“ von „${question.id}“ verweist auf ${quote(condition['question'])}; nötig ist ein vorher gefragtes Raster (grid-single).`);
  }
  const own = 'items' in question ? question.items.map((item) => item.id) : [];
  const theirs = 'items' in target.question ? target.question.items.map((item) => item.id) : [];
  const missing = own.find((item) => !theirs.includes(item));
  if (missing !== undefined) issue(`${path}/itemShowIf/question`, `Item „${missing}“ von „${question.id}“ fehlt im Raster „${target.question.id}“, auf das „itemShowIf“ verweist.`);
  unknownValues(condition['in'], target.question, `${path}/itemShowIf/in`, question.id, issue);
}

function unknownValues(values: readonly unknown[], target: Question, path: string, question: string, issue: Report): void {
  const options = 'options' in target ? target.options.map((option) => option.id) : [];
  values.forEach((value, i) => {
    if (typeof value !== 'string' || !options.includes(value)) {
      issue(`${path}/${i}`, `Die Bedingung von „${question}“ nennt den Wert ${quote(value)}, den „${target.id}“ nicht hat (möglich: ${options.join(', ')}).`);
    }
  });
}

function checkDerived(derived: unknown, questions: readonly Located[], issue: Report): DerivedVariable[] {
  if (derived === undefined) return [];
  if (!Array.isArray(derived)) {
    issue('/derived', '„derived“ muss eine Liste der übernommenen abgeleiteten Variablen von 2019 sein (IDs oder Objekte mit „id“).');
    return [];
  }
  const byId = new Map(questions.map((entry) => [entry.question.id, entry]));
  const seen = new Set<string>();
  const kept: DerivedVariable[] = [];
  derived.forEach((entry: unknown, i) => {
    const id = typeof entry === 'string' ? entry : isObject(entry) ? entry['id'] : undefined;
    const definition = instrument2019.derived.find((candidate) => candidate.id === id);
    if (typeof id !== 'string' || !definition) {
      return issue(`/derived/${i}`, `Abgeleitete Variable ${quote(id)} gibt es nicht. Ableitungen sind Programmcode; übernommen werden können die von 2019: ${instrument2019.derived.map((d) => d.id).join(', ')}.`);
    }
    if (seen.has(id)) return issue(`/derived/${i}`, `Abgeleitete Variable „${id}“ ist doppelt aufgeführt.`);
    seen.add(id);
    const before = issue.count();
    for (const input of DERIVED_INPUTS_2019[id] ?? []) checkDerivedInput(id, input, byId.get(input), i, issue);
    if (issue.count() === before) kept.push(definition);
  });
  return kept;
}

function checkDerivedInput(derived: string, input: string, located: Located | undefined, i: number, issue: Report): void {
  const original = QUESTIONS_2019.find((question) => question.id === input)!;
  if (!located) return issue(`/derived/${i}`, `Abgeleitete Variable „${derived}“ braucht die Frage „${input}“, die in dieser Version fehlt.`);
  const { question, path } = located;
  if (question.type !== original.type) {
    return issue(`${path}/type`, `Frage „${input}“ hat den Typ „${question.type}“; die abgeleitete Variable „${derived}“ braucht „${original.type}“ wie 2019.`);
  }
  const missingOption = optionIds(original).find((option) => !optionIds(question).includes(option));
  if (missingOption !== undefined) {
    issue(`${path}/options`, `Option „${missingOption}“ von „${input}“ wurde entfernt, aber die abgeleitete Variable „${derived}“ braucht sie.`);
  }
  const missingItem = itemIds(original).find((item) => !itemIds(question).includes(item));
  if (missingItem !== undefined) {
    issue(`${path}/items`, `Item „${missingItem}“ von „${input}“ wurde entfernt, aber die abgeleitete Variable „${derived}“ braucht es.`);
  }
}

function checkComparability(
  raw: unknown,
  questions: readonly Located[],
  previous: (version: string) => Instrument | undefined,
  issue: Report,
): ComparabilityMap | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw) || typeof raw['previous'] !== 'string') {
    issue('/comparability', '„comparability“ muss { "previous": "<Version>", "questions": { … } } sein.');
    return undefined;
  }
  const old = previous(raw['previous']);
  if (!old) {
    issue('/comparability/previous', `Die Vorgängerversion „${raw['previous']}“ gibt es nicht.`);
    return undefined;
  }
  const mappings = raw['questions'] ?? {};
  if (!isObject(mappings)) {
    issue('/comparability/questions', '„comparability.questions“ muss ein Objekt sein: Frage-ID → { "status": … }.');
    return undefined;
  }
  const current = new Map(questions.map((entry) => [entry.question.id, entry.question]));
  const oldQuestions = new Map(old.sections.flatMap((section) => section.questions).map((question) => [question.id, question]));
  for (const [id, mapping] of Object.entries(mappings)) {
    const path = `/comparability/questions/${id}`;
    const question = current.get(id);
    if (!question) {
      issue(path, `Vergleichbarkeit für die Frage „${id}“, die es in dieser Version nicht gibt.`);
      continue;
    }
    checkMapping(mapping, question, oldQuestions, path, raw['previous'], issue);
  }
  return { previous: raw['previous'], questions: mappings as Record<string, QuestionMapping> };
}

function checkMapping(mapping: unknown, question: Question, old: ReadonlyMap<string, Question>, path: string, version: string, issue: Report): void {
  if (!isObject(mapping) || typeof mapping['status'] !== 'string' || !STATUSES.includes(mapping['status'])) {
    return issue(`${path}/status`, `Vergleichbarkeit von „${question.id}“: „status“ muss eines von ${STATUSES.join(', ')} sein.`);
  }
  const status = mapping['status'];
  if (status === 'not_comparable') {
    if (typeof mapping['reason'] !== 'string' || mapping['reason'].trim() === '') issue(`${path}/reason`, `„not_comparable“ für „${question.id}“ braucht einen Grund („reason“).`);
    return;
  }
  const fromId = typeof mapping['from'] === 'string' ? mapping['from'] : question.id;
  const source = old.get(fromId);
  if (!source) {
    return issue(`${path}/${mapping['from'] === undefined ? 'status' : 'from'}`, `Frage „${fromId}“ gibt es in Version ${version} nicht; „${question.id}“ kann nicht auf sie abgebildet werden.`);
  }
  if (source.type !== question.type) return issue(`${path}/status`, `„${question.id}“ (${question.type}) und „${fromId}“ in Version ${version} (${source.type}) haben verschiedene Typen: nicht vergleichbar.`);
  const sameItems = itemIds(source).join('|') === itemIds(question).join('|');
  if (!sameItems) return issue(`${path}/status`, `„${question.id}“ hat andere Items als „${fromId}“ in Version ${version}: nicht vergleichbar (status "not_comparable").`);
  if (status !== 'options_merged') {
    if (optionIds(source).join('|') !== optionIds(question).join('|')) {
      issue(`${path}/status`, `„${status}“ für „${question.id}“, aber die Optionen unterscheiden sich von „${fromId}“ in Version ${version} (${optionIds(source).join(', ')} → ${optionIds(question).join(', ')}); zusammengelegte Optionen mit „options_merged“ erklären.`);
    }
    return;
  }
  checkMerge(mapping['options'], question, source, path, version, issue);
}

function checkMerge(options: unknown, question: Question, source: Question, path: string, version: string, issue: Report): void {
  if (!isObject(options)) return issue(`${path}/options`, `„options_merged“ für „${question.id}“ braucht „options“: neue Option → Liste alter Optionen.`);
  const covered = new Set<string>();
  for (const [option, olds] of Object.entries(options)) {
    if (!optionIds(question).includes(option)) issue(`${path}/options/${option}`, `„${option}“ ist keine Option von „${question.id}“.`);
    if (!Array.isArray(olds)) continue;
    olds.forEach((value: unknown, i) => {
      if (typeof value !== 'string' || !optionIds(source).includes(value)) {
        issue(`${path}/options/${option}/${i}`, `${quote(value)} ist keine Option von „${source.id}“ in Version ${version}.`);
      } else covered.add(value);
    });
  }
  const lost = optionIds(source).find((value) => !covered.has(value) && !optionIds(question).includes(value));
  if (lost !== undefined) issue(`${path}/options`, `Die alte Option „${lost}“ von „${source.id}“ wird keiner Option von „${question.id}“ zugeordnet.`);
}

function optionIds(question: Question): string[] {
  return 'options' in question ? question.options.map((option) => option.id) : [];
}

function itemIds(question: Question): string[] {
  return 'items' in question ? question.items.map((item) => item.id) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `„${value}“` : value === undefined ? '(fehlt)' : JSON.stringify(value);
}
