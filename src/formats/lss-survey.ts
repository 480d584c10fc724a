// A LimeSurvey survey structure export (.lss) read into plain records: the XML holds one <table> element per
// database table (<fields>, then <rows><row><column>value</column>…</row></rows>). Handles both layouts:
// LimeSurvey 3.x with texts inline (one question/answer/group row per language) and 4.x–6.x with texts in
// question_l10ns, answer_l10ns and group_l10ns. Throws DM_LSS_INVALID for anything that is not such a file.
import { dmError } from '../errors.js';
import { childElement, childElements, parseXmlTree, type XmlElement } from './xml-tree.js';

type Row = Readonly<Record<string, string>>;
/** Language code → text. */
export type Texts = ReadonlyMap<string, string>;

export interface LssSubquestion {
  readonly qid: string;
  readonly code: string;
  readonly scale: string;
  readonly texts: Texts;
}

export interface LssAnswer {
  readonly code: string;
  readonly scale: string;
  readonly texts: Texts;
}

export interface LssQuestion {
  readonly qid: string;
  readonly gid: string;
  readonly type: string;
  readonly code: string;
  readonly mandatory: boolean;
  readonly other: boolean;
  readonly relevance: string;
  readonly texts: Texts;
  readonly help: Texts;
  readonly subquestions: readonly LssSubquestion[];
  readonly answers: readonly LssAnswer[];
  /** Attribute name → value (the first row per name; language-specific ones in any language). */
  readonly attributes: ReadonlyMap<string, string>;
}

export interface LssGroup {
  readonly gid: string;
  readonly relevance: string;
  readonly names: Texts;
  readonly questions: readonly LssQuestion[];
}

export interface LssSurvey {
  readonly sid: string;
  readonly languages: readonly string[];
  readonly baseLanguage: string;
  readonly titles: Texts;
  readonly groups: readonly LssGroup[];
  readonly conditions: readonly Row[];
  /** Table name → row count, for tables we do not map (quota, assessments …). */
  readonly otherTables: ReadonlyMap<string, number>;
}

const MAPPED_TABLES = new Set(['surveys', 'surveys_languagesettings', 'groups', 'group_l10ns', 'questions', 'question_l10ns', 'subquestions', 'answers', 'answer_l10ns', 'question_attributes', 'conditions', 'defaultvalues', 'defaultvalue_l10ns', 'themes', 'themes_inherited']);

export function readLssSurvey(bytes: Uint8Array): LssSurvey {
  const root = documentRoot(bytes);
  const table = (name: string) => tableRows(childElement(root, name));
  const surveys = table('surveys');
  const questionRows = table('questions');
  if (questionRows.length === 0) invalid('sie enthält keine Fragen (Tabelle <questions> fehlt oder ist leer).');
  const sid = surveys[0]?.['sid'] ?? questionRows[0]?.['sid'] ?? '';
  const listed = childElements(childElement(root, 'languages'), 'language').map((element) => element.text.trim()).filter(Boolean);
  const baseLanguage = surveys[0]?.['language'] || listed[0] || questionRows.find((row) => row['language'])?.['language'] || 'en';
  const additional = (surveys[0]?.['additional_languages'] ?? '').split(/\s+/).filter(Boolean);
  const questionTexts = l10n([...questionRows, ...table('subquestions'), ...table('question_l10ns')], 'qid', 'question', baseLanguage);
  const used = [...questionTexts.values()].flatMap((texts) => [...texts.keys()]);
  const languages = [...new Set([...(surveys[0]?.['language'] || listed.length > 0 ? [baseLanguage] : []), ...listed, ...additional, ...used])];
  const helpTexts = l10n([...questionRows, ...table('question_l10ns')], 'qid', 'help', baseLanguage);
  const answers = answerList(table('answers'), table('answer_l10ns'), baseLanguage);
  const attributes = attributeMap(table('question_attributes'));
  const subquestions = unique([...table('subquestions'), ...questionRows.filter((row) => nonZero(row['parent_qid']))], 'qid');
  const byOrder = (a: Row, b: Row) => Number(a['question_order'] ?? 0) - Number(b['question_order'] ?? 0);

  const questions = unique(questionRows.filter((row) => !nonZero(row['parent_qid'])), 'qid')
    .sort(byOrder)
    .map((row): LssQuestion => ({
      qid: row['qid'] ?? '',
      gid: row['gid'] ?? '',
      type: row['type'] ?? '',
      code: row['title'] ?? row['qid'] ?? '',
      mandatory: row['mandatory'] === 'Y' || row['mandatory'] === 'S', // S: "soft" mandatory (LimeSurvey 5+)
      other: row['other'] === 'Y',
      relevance: row['relevance'] ?? '',
      texts: questionTexts.get(row['qid'] ?? '') ?? new Map(),
      help: helpTexts.get(row['qid'] ?? '') ?? new Map(),
      subquestions: subquestions
        .filter((sub) => sub['parent_qid'] === row['qid'])
        .sort(byOrder)
        .map((sub) => ({ qid: sub['qid'] ?? '', code: sub['title'] ?? '', scale: sub['scale_id'] || '0', texts: questionTexts.get(sub['qid'] ?? '') ?? new Map() })),
      answers: answers.get(row['qid'] ?? '') ?? [],
      attributes: attributes.get(row['qid'] ?? '') ?? new Map(),
    }));

  const groupRows = unique(table('groups'), 'gid').sort((a, b) => Number(a['group_order'] ?? 0) - Number(b['group_order'] ?? 0));
  const groupNames = l10n([...table('groups'), ...table('group_l10ns')], 'gid', 'group_name', baseLanguage);
  const groups = groupRows.map((row) => ({
    gid: row['gid'] ?? '',
    relevance: row['grelevance'] ?? '',
    names: groupNames.get(row['gid'] ?? '') ?? new Map(),
    questions: questions.filter((question) => question.gid === row['gid']),
  }));
  const orphans = questions.filter((question) => !groupRows.some((row) => row['gid'] === question.gid));
  if (orphans.length > 0) groups.push({ gid: '', relevance: '', names: new Map(), questions: orphans });

  const titles = new Map(table('surveys_languagesettings').map((row) => [row['surveyls_language'] ?? baseLanguage, row['surveyls_title'] ?? '']));
  const otherTables = new Map(
    root.children.filter((child) => child.children.some((part) => part.name === 'rows') && !MAPPED_TABLES.has(child.name)).map((child) => [child.name, tableRows(child).length]),
  );
  return { sid, languages, baseLanguage, titles, groups, conditions: table('conditions'), otherTables };
}

function documentRoot(bytes: Uint8Array): XmlElement {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    invalid('sie ist keine UTF-8-Textdatei.');
  }
  if (text.trim() === '') invalid('sie ist leer.');
  const tree = parseXmlTree(text);
  if (!tree.ok) {
    const hint = /^\s*[{[]/.test(text) ? ' Sie sieht aus wie JSON – für SurveyJS-Formulare „--from surveyjs“ angeben.' : '';
    // saxes' reason is English: the position is what helps, the reason stays out of a German message.
    invalid(`sie ist kein wohlgeformtes XML (Fehler in Zeile ${tree.line}, Spalte ${tree.column}).${hint}`);
  }
  const kind = childElement(tree.root, 'LimeSurveyDocType')?.text.trim();
  if (tree.root.name !== 'document' || kind === undefined) {
    invalid(`sie ist XML, aber keine LimeSurvey-Exportdatei: erwartet wird <document> mit <LimeSurveyDocType>Survey</LimeSurveyDocType>, gefunden <${tree.root.name}>.`);
  }
  if (kind !== 'Survey') invalid(`sie ist ein LimeSurvey-Export vom Typ „${kind}“ (z. B. einzelne Frage .lsq oder Gruppe .lsg), keine ganze Umfrage (.lss, Typ „Survey“).`);
  return tree.root;
}

function invalid(detail: string): never {
  throw dmError('DM_LSS_INVALID', { detail });
}

function tableRows(table: XmlElement | undefined): Row[] {
  return childElements(childElement(table, 'rows'), 'row').map((row) => Object.fromEntries(row.children.map((column) => [column.name, column.text])));
}

function nonZero(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

function unique(rows: readonly Row[], key: string): Row[] {
  const seen = new Map<string, Row>();
  for (const row of rows) if (!seen.has(row[key] ?? '')) seen.set(row[key] ?? '', row);
  return [...seen.values()];
}

/** id → language → text, from rows that carry the text column (rows without `language` are the base language). */
function l10n(rows: readonly Row[], key: string, column: string, base: string): Map<string, Map<string, string>> {
  const texts = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const id = row[key];
    const text = row[column];
    if (id === undefined || text === undefined) continue;
    const perLanguage = texts.get(id) ?? new Map<string, string>();
    perLanguage.set(row['language'] || base, text);
    texts.set(id, perLanguage);
  }
  return texts;
}

/** qid → answers in sort order; LimeSurvey 3 has one row per language, 4+ one row with texts in answer_l10ns. */
function answerList(rows: readonly Row[], l10ns: readonly Row[], base: string): Map<string, LssAnswer[]> {
  const byAid = l10n(l10ns, 'aid', 'answer', base);
  const grouped = new Map<string, { answer: LssAnswer; order: number }[]>();
  for (const row of rows) {
    const qid = row['qid'] ?? '';
    const list = grouped.get(qid) ?? [];
    const scale = row['scale_id'] || '0';
    const code = row['code'] ?? '';
    const existing = list.find((entry) => entry.answer.code === code && entry.answer.scale === scale);
    const texts = existing ? (existing.answer.texts as Map<string, string>) : new Map<string, string>();
    if (row['answer'] !== undefined) texts.set(row['language'] || base, row['answer']);
    for (const [language, text] of byAid.get(row['aid'] ?? '\u0000') ?? []) texts.set(language, text);
    if (!existing) list.push({ answer: { code, scale, texts }, order: Number(row['sortorder'] ?? 0) });
    grouped.set(qid, list);
  }
  return new Map([...grouped].map(([qid, list]) => [qid, list.sort((a, b) => a.order - b.order).map((entry) => entry.answer)]));
}

function attributeMap(rows: readonly Row[]): Map<string, Map<string, string>> {
  const attributes = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const perQuestion = attributes.get(row['qid'] ?? '') ?? new Map<string, string>();
    const name = row['attribute'] ?? '';
    if (!perQuestion.has(name)) perQuestion.set(name, row['value'] ?? '');
    attributes.set(row['qid'] ?? '', perQuestion);
  }
  return attributes;
}
