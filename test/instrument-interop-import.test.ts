// Questionnaires from LimeSurvey (.lss) and SurveyJS (JSON) as instrument versions (issue 10 item 3), through
// run(argv, io): fixtures written from the formats' documentation are converted, compared with golden
// instruments and mapping reports (test/golden/interop-*.json), imported all or nothing, and bad files are
// refused in German with a non-zero exit code and nothing stored.
// On a mismatch the new output is written beside the golden file as interop-<name>-changed.json for review;
// to accept it, replace the golden file with it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const FIXTURES = new URL('./fixtures/interop/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const encode = (text: string) => new TextEncoder().encode(text);

const CASES = [
  ['limesurvey3-inline.lss', 'lss'],
  ['limesurvey6-l10n.lss', 'lss'],
  ['surveyjs-mehrsprachig.json', 'surveyjs'],
  ['surveyjs-bedingungen.json', 'surveyjs'],
] as const;

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  for (const [name] of CASES) cli.files.set(name, fixture(name));
});
after(() => cli.close());

interface Question {
  readonly id: string;
  readonly type: string;
  readonly labelEn?: string;
  readonly showIf?: { variable: string; in: string[] };
  readonly itemShowIf?: { question: string; in: string[] };
  readonly options?: { id: string; label: string; exclusive?: boolean }[];
  readonly [key: string]: unknown;
}
interface Converted {
  readonly title: string;
  readonly sections: { id: string; title: string; titleEn?: string; questions: Question[] }[];
}

async function convert(name: string, from: string, ...extra: string[]): Promise<{ document: Converted; report: string[] }> {
  const result = await cli.run('instrument', 'convert', name, '--from', from, '--version', 'interop', ...extra);
  assert.equal(result.code, 0, result.stderr);
  const report = result.stderr.split('\n').filter((line) => line.startsWith('  '));
  assert.match(result.stderr, report.length === 0 ? /^Bericht: alles übernommen\.\n/ : new RegExp(`^Bericht: ${report.length} Punkte? nicht oder nur teilweise übernommen:`));
  assert.match(result.stderr, /Umgewandelt: \d+ Fragen/);
  return { document: JSON.parse(result.stdout) as Converted, report };
}

function question(document: Converted, id: string): Question {
  const found = document.sections.flatMap((section) => section.questions).find((entry) => entry.id === id);
  assert.ok(found, `question ${id}`);
  return found;
}

test('each fixture converts to its golden instrument and mapping report', async () => {
  for (const [name, from] of CASES) {
    const { document, report } = await convert(name, from);
    const actual = `${JSON.stringify({ instrument: document, report }, null, 2)}\n`;
    const golden = new URL(`./golden/interop-${name.replace(/\.\w+$/, '')}.json`, import.meta.url);
    const changed = new URL(golden.href.replace(/\.json$/, '-changed.json'));
    const expected = readFileSync(golden, 'utf8');
    if (actual !== expected) writeFileSync(changed, actual);
    else if (existsSync(changed)) rmSync(changed);
    assert.ok(actual === expected, `${name}: differs from the golden file; see ${changed.pathname}`);
  }
});

test('LimeSurvey 3 (inline texts): types, German and English texts, conditions, and what is reported', async () => {
  const { document, report } = await convert('limesurvey3-inline.lss', 'lss');
  assert.deepEqual(document.sections.map((section) => [section.id, section.title, section.titleEn]), [
    ['strategie', 'Strategie', 'Strategy'],
    ['dienste', 'Dienste', 'Services'],
    ['abschluss', 'Abschluss', 'Closing'],
  ]);
  assert.deepEqual(document.sections.flatMap((section) => section.questions.map((entry) => `${entry.id}:${entry.type}`)), [
    'strategie:single', 'felder:multi', 'chefsache:single', 'dienste:grid-single', 'beschaeftigte:number', 'zufriedenheit:single', 'plattform:single', 'anmerkungen:text', 'kontakt:text',
  ]);
  const felder = question(document, 'felder');
  assert.deepEqual(felder.showIf, { variable: 'strategie', in: ['a1', 'a2'] }, 'two "==" rows of one scenario are OR-ed');
  assert.equal(felder['max'], 2);
  assert.deepEqual(felder.options!.filter((option) => option.exclusive).map((option) => option.id), ['sq003']);
  assert.deepEqual(question(document, 'chefsache').showIf, { variable: 'strategie', in: ['a1', 'a2'] }, '"!= A3" as the other options');
  assert.equal(question(document, 'chefsache')['note'], 'Gemeint ist die Verwaltungsspitze.');
  assert.equal(question(document, 'strategie')['label'], 'Hat Ihre Kommune eine Digitalstrategie?', 'HTML removed');
  assert.equal(question(document, 'zufriedenheit').showIf, undefined);
  assert.deepEqual([question(document, 'beschaeftigte')['min'], question(document, 'beschaeftigte')['max'], question(document, 'beschaeftigte')['integer']], [0, 500, true]);
  for (const line of [
    /^ {2}Seit: Fragetyp D \(Datum\/Uhrzeit\) – Diesen Fragetyp hat unser Fragebogen nicht/,
    /^ {2}Zufriedenheit: Bedingungen \(conditions\) – Nicht abbildbar: ODER-Verknüpfung mehrerer Fragen \(strategie, chefsache\)/,
    /^ {2}Chefsache: .*„ungleich“ wurde als Liste der übrigen Optionen übernommen \(a1, a2\)/,
    /^ {2}Plattform: Option „Sonstiges“ mit Freitext/,
    /^ {2}Kontakt: Einstellungen em_validation_q=/,
    /^ {2}Umfrage: Quoten \(1 Eintrag\)/,
    /^ {2}Umfrage: Bewertungen \(Assessments\) \(1 Eintrag\)/,
    /^ {2}Umfrage: Pflichtfragen \(Strategie\)/,
  ]) {
    assert.ok(report.some((entry) => line.test(entry)), `${line} in\n${report.join('\n')}`);
  }
});

test('LimeSurvey 6 (l10n tables, base language English): German picked, French dropped, relevance equations', async () => {
  const { document, report } = await convert('limesurvey6-l10n.lss', 'lss');
  assert.equal(document.title, 'KI in Kommunen (LimeSurvey 6)');
  assert.equal(question(document, 'kistand')['label'], 'Wie weit ist der Einsatz?');
  assert.equal(question(document, 'kistand').labelEn, 'How far is its use?');
  assert.deepEqual(question(document, 'kistand').showIf, { variable: 'ki', in: ['y'] });
  assert.deepEqual(question(document, 'kifelder').showIf, { variable: 'kistand', in: ['a1', 'a2'] }, 'or over one question');
  assert.deepEqual(question(document, 'reife').showIf, { variable: 'ki', in: ['y'] }, 'group relevance carried to its questions');
  assert.equal(question(document, 'rollen').showIf, undefined, 'own and group relevance on different questions');
  assert.deepEqual(question(document, 'ansprechperson').showIf, { variable: 'kistand', in: ['a1', 'a2', 'a3'] }, '!is_empty = answered');
  assert.deepEqual(question(document, 'trend').options!.map((option) => option.id), ['i', 's', 'd']);
  for (const line of [
    /^ {2}Umfrage: Sprachen fr – /,
    /^ {2}Umfrage: Texte ohne Fassung in „de“ \(1\): KIStand\/A3/,
    /^ {2}Rollen: Relevanzgleichung .* und Relevanz der Fragengruppe – Nicht abbildbar: UND-Verknüpfung mehrerer Fragen \(kistand, ki\)/,
    /^ {2}Budget: Fragetyp K \(Mehrfache Zahleneingabe\)/,
    /^ {2}Erfahrungen: .*Größer-\/Kleiner-Vergleich/,
    /^ {2}Chatbot: .*„KIFelder_SQ001“ ist eine Teilfrage von „KIFelder“/,
    /^ {2}KIFelder: Einstellungen random_order=1/,
  ]) {
    assert.ok(report.some((entry) => line.test(entry)), `${line} in\n${report.join('\n')}`);
  }
});

test('SurveyJS: localised texts, pages and panels, none-item, boolean, rating, grid row conditions', async () => {
  const multi = await convert('surveyjs-mehrsprachig.json', 'surveyjs');
  assert.equal(multi.document.title, 'Umfrage zu digitalen Diensten');
  assert.deepEqual(question(multi.document, 'portal_services').options!.at(-1), { id: 'none', label: 'Keine davon', labelEn: 'None', exclusive: true });
  assert.deepEqual(question(multi.document, 'satisfaction').showIf, { variable: 'cloud', in: ['true'] });
  assert.deepEqual(question(multi.document, 'budget').showIf, { variable: 'portal', in: ['yes', 'planned'] }, 'page visibleIf carried to the questions');
  assert.equal(question(multi.document, 'contact').type, 'email');
  assert.ok(multi.report.some((line) => /since: Elementtyp „text“ – Eingabeart „date“/.test(line)));
  assert.ok(multi.report.some((line) => /Formular: Sprachen fr/.test(line)));
  const conditions = await convert('surveyjs-bedingungen.json', 'surveyjs');
  assert.deepEqual(question(conditions.document, 'rat').showIf, { variable: 'strategie', in: ['ja', 'entwurf'] });
  assert.deepEqual(question(conditions.document, 'betrieb').itemShowIf, { question: 'dienste', in: ['im_einsatz'] });
  assert.equal(question(conditions.document, 'kosten').showIf, undefined);
  for (const line of [/kosten: .*UND-Verknüpfung mehrerer Fragen \(strategie, rat\)/, /schulen: .*„contains“ prüft eine Mehrfachauswahl/, /noten: Elementtyp „matrixdropdown“/, /prioritaet: Elementtyp „ranking“/, /partner: .*„unbekannt“ ist keine vorher gestellte/]) {
    assert.ok(conditions.report.some((entry) => line.test(entry)), `${line} in\n${conditions.report.join('\n')}`);
  }
});

test('import --from: report, validation, stored once; the converted file imports after editing', async () => {
  const imported = await cli.run('instrument', 'import', 'limesurvey6-l10n.lss', '--from', 'lss', '--version', '2025-lss', '--previous', '2019');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Bericht: \d+ Punkte nicht oder nur teilweise übernommen:\n {2}Umfrage: Sprachen fr/);
  assert.match(imported.stdout, /Fragebogen-Version „2025-lss“ importiert: 10 Fragen aus LimeSurvey\./);
  const shown = JSON.parse((await cli.run('instrument', '--version', '2025-lss', '--json')).stdout) as Converted & { comparability: { previous: string } };
  assert.equal(shown.comparability.previous, '2019');
  assert.equal(shown.sections.length, 3);
  const again = await cli.run('instrument', 'import', 'limesurvey6-l10n.lss', '--from', 'lss', '--version', '2025-lss');
  assert.equal(again.code, 5);
  const dry = await cli.run('instrument', 'import', 'surveyjs-bedingungen.json', '--from', 'surveyjs', '--version', '2025-sjs', '--dry-run', '--json');
  assert.equal(dry.code, 0, dry.stderr);
  const summary = JSON.parse(dry.stdout) as { stored: boolean; questions: number; questionIds: Record<string, string>; findings: { path: string }[] };
  assert.deepEqual([summary.stored, summary.questions], [false, 10]);
  assert.deepEqual([summary.questionIds['warumNicht'], summary.questionIds['strategie'], summary.questionIds['noten']], ['warum_nicht', 'strategie', undefined], 'source name → our id, for the response column mapping');
  assert.ok(summary.findings.some((finding) => finding.path === 'kosten'));
  const validated = await cli.run('instrument', 'validate', 'limesurvey3-inline.lss', '--from', 'lss');
  assert.equal(validated.code, 0, validated.stderr);
  assert.match(validated.stdout, /Fragebogen-Version „entwurf“ ist gültig \(--dry-run: nichts gespeichert\): 9 Fragen aus LimeSurvey\./);
  const draft = await cli.run('instrument', 'convert', 'surveyjs-bedingungen.json', '--from', 'surveyjs', '--version', '2025-sjs', '--out', 'draft.json');
  assert.equal(draft.code, 0, draft.stderr);
  assert.equal(draft.stdout, '');
  const edited = cli.text('draft.json').replace('"Wer ist beauftragt?"', '"Wer ist mit der Umsetzung beauftragt?"');
  cli.files.set('draft.json', encode(edited));
  const fromDraft = await cli.run('instrument', 'import', 'draft.json');
  assert.equal(fromDraft.code, 0, fromDraft.stderr);
  assert.deepEqual((await cli.store.instrumentVersions()).map((row) => row.version).sort(), ['2025-lss', '2025-sjs']);
});

test('an invalid result (unknown previous version) is reported with its JSON path and not stored', async () => {
  const before = (await cli.store.instrumentVersions()).length;
  const result = await cli.run('instrument', 'import', 'surveyjs-mehrsprachig.json', '--from', 'surveyjs', '--version', '2026-x', '--previous', '2017');
  assert.equal(result.code, 3);
  assert.match(result.stderr, / {2}\/comparability\/previous: Die Vorgängerversion „2017“ gibt es nicht\./);
  assert.match(result.stderr, /ist ungültig: 1 Fehler\. Es wurde nichts gespeichert\./);
  assert.equal((await cli.store.instrumentVersions()).length, before);
});

const LSS_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<document>\n <LimeSurveyDocType>Survey</LimeSurveyDocType>\n';
const onlyUnknownTypes = `${LSS_HEAD} <questions><rows>
  <row><qid>1</qid><parent_qid>0</parent_qid><gid>1</gid><type>D</type><title>Datum</title><question>Wann?</question><language>de</language></row>
  <row><qid>2</qid><parent_qid>0</parent_qid><gid>1</gid><type>W</type><title>Alt</title><question>Alter Typ</question><language>de</language></row>
 </rows></questions>\n</document>\n`;

/** file name, --from, bytes, exit code, German message on stderr. */
const BAD: readonly (readonly [string, string, Uint8Array, number, RegExp])[] = [
  ['text.lss', 'lss', encode('Dies ist keine Umfrage.'), 3, /keine LimeSurvey-Umfragestruktur \(\.lss\): sie ist kein wohlgeformtes XML \(Fehler in Zeile 1, Spalte \d+\)\. Es wurde nichts gespeichert\./],
  ['other.lss', 'lss', encode('<?xml version="1.0"?><rss><channel/></rss>'), 3, /sie ist XML, aber keine LimeSurvey-Exportdatei: erwartet wird <document> mit <LimeSurveyDocType>Survey<\/LimeSurveyDocType>, gefunden <rss>/],
  ['truncated.lss', 'lss', fixture('limesurvey3-inline.lss').slice(0, 5000), 3, /kein wohlgeformtes XML \(Fehler in Zeile \d+, Spalte \d+\)/],
  ['question.lsq', 'lss', encode('<document><LimeSurveyDocType>Question</LimeSurveyDocType></document>'), 3, /ein LimeSurvey-Export vom Typ „Question“ .* keine ganze Umfrage/],
  ['empty.lss', 'lss', encode(`${LSS_HEAD}</document>`), 3, /sie enthält keine Fragen/],
  ['binary.lss', 'lss', Uint8Array.from([0xff, 0xfe, 0x00, 0x3c]), 3, /sie ist keine UTF-8-Textdatei/],
  ['unknown-types.lss', 'lss', encode(onlyUnknownTypes), 3, /Aus unknown-types\.lss konnte keine einzige Frage übernommen werden \(2 Hinweise im Bericht\)\. Es wurde nichts gespeichert\./],
  ['form.json', 'surveyjs', encode('{"pages": [ { "elements": [ '), 3, /keine SurveyJS-Formulardefinition \(JSON\): sie ist kein gültiges JSON \(/],
  ['array.json', 'surveyjs', encode('[1, 2]'), 3, /sie enthält kein JSON-Objekt/],
  ['no-pages.json', 'surveyjs', encode('{"title": "Leer"}'), 3, /ihr fehlen „pages“ \(mit „elements“\) bzw\. „elements“/],
  ['as-surveyjs.lss', 'surveyjs', fixture('limesurvey3-inline.lss'), 3, /keine SurveyJS-Formulardefinition \(JSON\): sie ist kein gültiges JSON .*Sie sieht aus wie XML – für LimeSurvey-Strukturexporte \(\.lss\) „--from lss“ angeben\./],
  ['as-lss.json', 'lss', fixture('surveyjs-bedingungen.json'), 3, /kein wohlgeformtes XML .*Sie sieht aus wie JSON – für SurveyJS-Formulare „--from surveyjs“ angeben\./],
  ['only-html.json', 'surveyjs', encode('{"elements": [{"type": "html", "name": "x", "html": "<p>Hallo</p>"}]}'), 3, /konnte keine einzige Frage übernommen werden/],
];

test('bad files: a German message, a non-zero exit code, nothing stored — for convert and import', async () => {
  const before = (await cli.store.instrumentVersions()).length;
  for (const [name, from, bytes, code, message] of BAD) {
    cli.files.set(name, bytes);
    for (const action of ['convert', 'import']) {
      const result = await cli.run('instrument', action, name, '--from', from, '--version', `bad-${action}`);
      assert.equal(result.code, code, `${action} ${name}: ${result.stderr}`);
      assert.match(result.stderr, message, `${action} ${name}`);
      assert.doesNotMatch(result.stderr, /at .*\.ts:\d+|TypeError|undefined/, `${action} ${name}: no raw exception`);
    }
  }
  const unknown = await cli.run('instrument', 'import', 'unknown-types.lss', '--from', 'lss', '--version', 'x');
  assert.match(unknown.stdout, /Datum: Fragetyp D \(Datum\/Uhrzeit\)[\s\S]*Alt: Fragetyp „W“ – Unbekannter LimeSurvey-Fragetyp/);
  assert.equal((await cli.store.instrumentVersions()).length, before);
  assert.equal(cli.files.has('draft-bad.json'), false);
});

test('usage: --from is checked, import --from needs --version', async () => {
  const wrong = await cli.run('instrument', 'convert', 'limesurvey3-inline.lss', '--from', 'qualtrics');
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--from „qualtrics“ gibt es nicht \(möglich: lss, surveyjs\)/);
  const missing = await cli.run('instrument', 'import', 'limesurvey3-inline.lss', '--from', 'lss');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /braucht --version/);
  const defaultDraft = await cli.run('instrument', 'convert', 'limesurvey3-inline.lss', '--from', 'lss');
  assert.equal((JSON.parse(defaultDraft.stdout) as { version: string }).version, 'entwurf');
});

test('LimeSurvey 6 details seen in real exports: Q{qid} condition fields, attributes listed with their defaults, piping', async () => {
  const row = (cells: Record<string, string>) => `<row>${Object.entries(cells).map(([name, value]) => (value === '' ? `<${name}/>` : `<${name}><![CDATA[${value}]]></${name}>`)).join('')}</row>`;
  const table = (name: string, rows: Record<string, string>[]) => ` <${name}><fields><fieldname>x</fieldname></fields><rows>${rows.map(row).join('')}</rows></${name}>\n`;
  const lss = `${LSS_HEAD} <languages><language>de</language></languages>
${table('conditions', [{ cid: '5', qid: '482', cqid: '481', cfieldname: 'Q481', method: '==', value: 'M', scenario: '1' }])}${table('groups', [{ gid: '97', group_order: '1', grelevance: '1' }])}${table('group_l10ns', [{ id: '1', gid: '97', group_name: 'Gruppe {Q00.shown}', language: 'de' }])}${table('questions', [
    { qid: '481', parent_qid: '0', gid: '97', type: 'G', title: 'Q00', mandatory: 'S', question_order: '1', relevance: '1' },
    { qid: '482', parent_qid: '0', gid: '97', type: 'T', title: 'G02Q02', mandatory: 'N', question_order: '2', relevance: '((Q481.NAOK == "M"))' },
  ])}${table('question_l10ns', [
    { id: '1', qid: '481', question: 'Geschlecht?', help: '', language: 'de' },
    { id: '2', qid: '482', question: 'Warum?', help: '', language: 'de' },
  ])}${table('question_attributes', [
    ...[['hidden', '0'], ['save_as_default', 'Y'], ['statistics_showgraph', '1'], ['time_limit', ''], ['time_limit_action', '1'], ['maximum_chars', '300'], ['display_type', '0']].map(([attribute, value]) => ({ qid: '482', attribute: attribute!, value: value!, language: '' })),
    { qid: '481', attribute: 'hidden', value: '1', language: '' },
  ])}</document>\n`;
  cli.files.set('lime6-real.lss', encode(lss));
  const { document, report } = await convert('lime6-real.lss', 'lss');
  assert.deepEqual(question(document, 'g02_q02').showIf, { variable: 'q00', in: ['m'] });
  assert.equal(question(document, 'g02_q02')['maxLength'], 300);
  assert.deepEqual(report, [
    '  Q00: Einstellungen hidden=1 – Diese Frageeinstellungen (z. B. Zufallsreihenfolge, Validierung, Filter auf Teilfragen) hat unser Modell nicht.',
    '  Umfrage: Eingebettete Ausdrücke in Texten (Gruppe 1) – Platzhalter wie {Q1.shown} füllt unser Fragebogen nicht aus; sie stehen wörtlich im Text – bitte in der umgewandelten Datei anpassen.',
    '  Umfrage: Pflichtfragen (Q00) – Unser Fragebogen kennt keine Pflichtfragen; jede Frage darf leer bleiben.',
  ]);
});

test('SurveyJS details: rateCount, numeric strings as bounds, plain choices without text, top-level elements', async () => {
  const form = {
    elements: [
      { type: 'rating', name: 'note', title: { de: 'Note?' }, rateMin: 0, rateCount: 3 },
      { type: 'text', name: 'anzahl', inputType: 'number', title: { de: 'Anzahl?' }, min: '1', max: '12' },
      { type: 'dropdown', name: 'groesse', title: { de: 'Größe?' }, choices: ['klein', 'Groß'] },
    ],
  };
  cli.files.set('details.json', encode(JSON.stringify(form)));
  const { document, report } = await convert('details.json', 'surveyjs');
  assert.deepEqual(document.sections.map((section) => [section.id, section.title]), [['fragen', 'Fragen']]);
  assert.deepEqual(question(document, 'note').options!.map((option) => option.id), ['0', '1', '2']);
  assert.deepEqual([question(document, 'anzahl')['min'], question(document, 'anzahl')['max']], [1, 12]);
  assert.deepEqual(question(document, 'groesse').options, [{ id: 'klein', label: 'klein' }, { id: 'gross', label: 'Groß' }]);
  assert.deepEqual(report, []);
});
