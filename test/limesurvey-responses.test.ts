// LimeSurvey response exports through a column mapping (issue 10, item 4): the fixture export (written
// from LimeSurvey's CSV writer: BOM, all cells quoted, CRLF, Y/"" for multiple choice, answer codes, an
// incomplete response) imports to exactly the expected flat responses; every broken variant is refused
// with German messages naming row and LimeSurvey column (or the mapping field), and nothing is stored.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { limeSurveyMappingJsonSchema } from '../src/formats/limesurvey-mapping.js';
import { register, unit } from './store-suite/store-fixture.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const INTEROP = new URL('fixtures/interop/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, INTEROP));
const mappingFixture = () => JSON.parse(fixture('limesurvey-mapping.json').toString('utf8')) as Record<string, any>;
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

const AGS = ['05111000', '05112000', '05113000', '05114000', '05116000', '05117000', '05119000', '05120000', '05122000', '05124000', '05314000', '05315000', '05316000', '05334002', '05512000', '05513000', '05515000', '05711000', '05911000', '05913000', '05914000'];

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  await cli.store.replaceRegister(register(AGS.map((ags) => unit(ags, { stateCode: 'NW', state: 'Nordrhein-Westfalen', unitType: 'kreisfreie_stadt', sizeClass: 'gk2' }))));
  for (const wave of ['ls', 'flat', 'broken', 'all']) assert.equal((await cli.run('wave', 'create', wave, '--title', `Welle ${wave}`)).code, 0);
  cli.files.set('export.csv', fixture('limesurvey-responses.csv'));
  cli.files.set('zuordnung.json', fixture('limesurvey-mapping.json'));
});
after(() => cli.close());

const answersByAgs = async (wave: string) => new Map((await cli.store.responsesForWave(wave)).map((response) => [response.ags, response.answers]));

test('the LimeSurvey export imports to exactly the expected flat responses; the incomplete response is skipped', async () => {
  const result = await cli.run('import-responses', 'export.csv', '--wave', 'ls', '--from', 'limesurvey', '--mapping', 'zuordnung.json');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '20 Antworten aus LimeSurvey importiert (20 neu, 0 ersetzt; 1 unvollständige übersprungen) in Welle „ls“.\n');
  cli.files.set('expected.csv', fixture('limesurvey-responses-expected-flat.csv'));
  assert.equal((await cli.run('import-responses', 'expected.csv', '--wave', 'flat')).code, 0);
  const imported = await answersByAgs('ls');
  const expected = await answersByAgs('flat');
  assert.equal(imported.size, 20);
  assert.deepEqual(imported, expected);
  assert.equal(imported.has('05914000'), false, 'the incomplete response (empty submitdate) is not imported');
  // Spot checks against the export by hand: row 2 (AGS 05111000).
  const first = imported.get('05111000')!;
  assert.deepEqual([first.respondent_role, first.strategy_status, first.strategy_fields__bildung_kultur_wissenschaft, first.strategy_fields__verwaltung], ['cdo', 'vorhanden', '1', '0']);
  assert.deepEqual([first.components__epayment, first.operator__epayment__kommunaler_dienstleister, first.operator__formularserver__eigene_it], ['im_einsatz', '1', undefined]);
  assert.deepEqual([first.fim_known, first.broadband_grade, first.peer_exchange], ['ja', '1', 'nein']);
  assert.equal(imported.get('05112000')!.strategy_fields__verwaltung, undefined, 'not asked (kein_thema) stays empty, not 0');
  assert.equal([...imported.values()].find((answers) => answers.comments?.includes('\n'))?.comments, 'Zeile eins\nZeile zwei');
  const [entry] = await cli.store.auditLog(1);
  assert.equal(entry?.actor, 'cli');
});

test('includeIncomplete: true imports the incomplete response too', async () => {
  cli.files.set('alle.json', encode({ ...mappingFixture(), includeIncomplete: true }));
  const result = await cli.run('import-responses', 'export.csv', '--wave', 'all', '--from', 'limesurvey', '--mapping', 'alle.json');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^21 Antworten aus LimeSurvey importiert \(21 neu, 0 ersetzt\)/);
  assert.equal((await answersByAgs('all')).get('05914000')?.components__formularserver !== undefined, true);
});

interface Broken {
  readonly name: string;
  readonly csv?: string;
  readonly mapping?: string | Record<string, unknown>;
  readonly code: string;
  readonly expect: readonly RegExp[];
}

const BROKEN: readonly Broken[] = [
  {
    name: 'unmapped answer codes',
    csv: 'limesurvey-responses-unmapped-code.csv',
    code: 'DM_IMPORT_INVALID',
    expect: [/Zeile 5, Spalte „STRAT“: Der Antwortcode „A9“ ist in der Zuordnungsdatei für diese Spalte nicht zugeordnet \(Variable „strategy_status“\)/, /Zeile 12, Spalte „KOMP\[SQ003\]“: Der Antwortcode „A7“/],
  },
  { name: 'a missing AGS', csv: 'limesurvey-responses-missing-ags.csv', code: 'DM_IMPORT_INVALID', expect: [/Zeile 4, Spalte „AGS“: Der Gemeindeschlüssel fehlt\./] },
  {
    name: 'a unit twice',
    csv: 'limesurvey-responses-duplicate-unit.csv',
    code: 'DM_IMPORT_INVALID',
    expect: [/Zeile 15, Spalte „AGS“: Der Gemeindeschlüssel „05113000“ kommt mehrfach vor \(zuerst in Zeile 4\)\./],
  },
  {
    name: 'an answer to a question not asked (the flat checks, named by LimeSurvey column)',
    csv: 'limesurvey-responses-not-asked.csv',
    code: 'DM_IMPORT_INVALID',
    expect: [/Zeile 3, Spalte „FELDER\[SQ001\]“: Frage „strategy_fields“ wird nach den übrigen Antworten nicht gestellt/],
  },
  {
    name: 'a mapped column missing from the export',
    mapping: 'limesurvey-mapping-unknown-column.json',
    code: 'DM_IMPORT_INVALID',
    expect: [/Zeile 1, Spalte „FELDER\[SQ011\]“: Die Spalte „FELDER\[SQ011\]“ steht in der Zuordnungsdatei, fehlt aber in der Datei\./],
  },
  {
    name: 'a column of the export neither mapped nor ignored',
    mapping: { ...mappingFixture(), ignore: [] },
    code: 'DM_IMPORT_INVALID',
    expect: [/Zeile 1, Spalte „ROLLE\[other\]“: Die Spalte „ROLLE\[other\]“ ist in der Zuordnungsdatei weder zugeordnet/],
  },
  {
    name: 'unknown variables and option IDs in the mapping',
    mapping: 'limesurvey-mapping-unknown-variable.json',
    code: 'DM_LIMESURVEY_MAPPING_INVALID',
    expect: [
      /Zuordnungsdatei .*: 2 Fehler\. Es wurde nichts geschrieben\./,
      /Zuordnungsdatei, Feld „\/columns\/STRAT\/variable“: Die Variable „strategy_stauts“ gibt es in diesem Fragebogen nicht/,
      /Feld „\/columns\/OZG\/answers\/A4“: „vielleicht“ ist bei der Variable „strategy_ozg“ nicht erlaubt/,
    ],
  },
  { name: 'a mapping that is not JSON', mapping: 'limesurvey-mapping-bad.json', code: 'DM_LIMESURVEY_MAPPING_INVALID', expect: [/Die Zuordnungsdatei ist kein gültiges JSON/] },
  {
    name: 'a mapping violating the schema',
    mapping: { unitColumn: 5, columns: { STRAT: { variable: 'strategy_status', farbe: 'blau' } }, extra: true },
    code: 'DM_LIMESURVEY_MAPPING_INVALID',
    expect: [/Feld „\/unitColumn“: Falscher Typ, erwartet: Text\./, /Feld „\/columns\/STRAT\/farbe“: Dieses Feld gibt es in einer Zuordnungsdatei nicht\./, /Feld „\/extra“/],
  },
];

for (const broken of BROKEN) {
  test(`refused: ${broken.name}; nothing stored`, async () => {
    const before = { responses: await cli.store.responsesForWave('broken'), audit: (await cli.store.auditLog(10_000)).length };
    const csvName = broken.csv ?? 'limesurvey-responses.csv';
    cli.files.set(csvName, fixture(csvName));
    const mappingName = typeof broken.mapping === 'string' ? broken.mapping : broken.mapping ? 'inline.json' : 'limesurvey-mapping.json';
    cli.files.set(mappingName, typeof broken.mapping === 'object' ? encode(broken.mapping) : fixture(mappingName));
    const result = await cli.run('import-responses', csvName, '--wave', 'broken', '--from', 'limesurvey', '--mapping', mappingName);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, new RegExp(`^Fehler \\[${broken.code}\\]: .*Es wurde nichts geschrieben\\.`));
    for (const pattern of broken.expect) assert.match(result.stderr, pattern);
    assert.equal(result.stdout, '');
    assert.deepEqual({ responses: await cli.store.responsesForWave('broken'), audit: (await cli.store.auditLog(10_000)).length }, before, 'store unchanged');
  });
}

test('usage: --from limesurvey needs --mapping, --mapping needs --from limesurvey, unknown --from', async () => {
  const noMapping = await cli.run('import-responses', 'export.csv', '--wave', 'broken', '--from', 'limesurvey');
  assert.deepEqual([noMapping.code, /--mapping/.test(noMapping.stderr)], [2, true]);
  const noFrom = await cli.run('import-responses', 'export.csv', '--wave', 'broken', '--mapping', 'zuordnung.json');
  assert.deepEqual([noFrom.code, /--from limesurvey/.test(noFrom.stderr)], [2, true]);
  const other = await cli.run('import-responses', 'export.csv', '--wave', 'broken', '--from', 'qualtrics', '--mapping', 'zuordnung.json');
  assert.deepEqual([other.code, /qualtrics/.test(other.stderr)], [2, true]);
});

test('semicolon exports with "Y/N umwandeln" (N for unticked) and N/A cells convert the same', async () => {
  const csv = '\uFEFF"id";"submitdate";"AGS";"STRAT";"FELDER[SQ001]";"FELDER[SQ002]";"BREIT"\r\n"1";"2019-06-03 10:00:00";"05315000";"A2";"N";"Y";"N/A"\r\n\r\n';
  cli.files.set('semikolon.csv', encode(csv));
  const mapping = {
    unitColumn: 'AGS',
    columns: { STRAT: { variable: 'strategy_status', answers: { A1: 'vorhanden', A2: 'in_entwicklung' } }, 'FELDER[SQ001]': { variable: 'strategy_fields__verwaltung' }, 'FELDER[SQ002]': { variable: 'strategy_fields__infrastruktur' }, BREIT: { variable: 'broadband_grade' } },
  };
  cli.files.set('semikolon.json', encode(mapping));
  const result = await cli.run('import-responses', 'semikolon.csv', '--wave', 'broken', '--from', 'limesurvey', '--mapping', 'semikolon.json');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual((await answersByAgs('broken')).get('05315000'), { strategy_status: 'in_entwicklung', strategy_fields__verwaltung: '0', strategy_fields__infrastruktur: '1' });
});

test('docs/limesurvey-mapping.schema.json is the zod schema, and the fixture mapping validates against it', () => {
  const published = JSON.parse(readFileSync(new URL('../docs/limesurvey-mapping.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(published, limeSurveyMappingJsonSchema());
  const validate = new Ajv2020({ strict: false }).compile(published);
  assert.equal(validate(mappingFixture()), true, JSON.stringify(validate.errors));
  assert.equal(validate({ ...mappingFixture(), unknown: 1 }), false);
});

test('a mapping file that is not JSON: German message with the position, no English parser text', async () => {
  const { parseMappingJson } = await import('../src/formats/limesurvey-mapping.js');
  const { messageDe } = await import('../src/instrument/messages.de.js');
  const parsed = parseMappingJson('{"unitColumn": "ags" "x": 1}');
  assert.ok('issue' in parsed);
  const message = messageDe(parsed.issue);
  assert.match(message, /^Die Zuordnungsdatei ist kein gültiges JSON \(Syntaxfehler bei Zeichen \d+\)\.$/);
});
