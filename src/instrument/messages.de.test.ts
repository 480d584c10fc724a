import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISSUE_CODES, type Issue, type IssueCode } from './issues.js';
import { formatIssueDe, messageDe } from './messages.de.js';

// One realistic issue per code, with the params its producer sets.
const SAMPLES: Record<IssueCode, Issue> = {
  unknown_variable: { code: 'unknown_variable', path: [], params: { variable: 'strategy_colour' } },
  unknown_option: { code: 'unknown_option', path: ['strategy_status'], params: { question: 'strategy_status', variable: 'strategy_status', value: 'xyz' } },
  invalid_flag: { code: 'invalid_flag', path: ['data_uses'], params: { question: 'data_uses', variable: 'data_uses__keine', value: 'ja' } },
  exclusive_with_others: {
    code: 'exclusive_with_others',
    path: ['data_uses'],
    params: { question: 'data_uses', variable: 'data_uses__keine', option: 'keine', others: 'optimierung, steuerung' },
  },
  too_many_options: { code: 'too_many_options', path: ['strategy_fields'], params: { question: 'strategy_fields', variable: 'strategy_fields__partizipation', max: 3, count: 4 } },
  not_asked_but_answered: {
    code: 'not_asked_but_answered',
    path: ['operator', 'app'],
    params: { question: 'operator', item: 'app', variable: 'operator__app__land', value: '1' },
  },
  invalid_email: { code: 'invalid_email', path: ['contact_email'], params: { question: 'contact_email', variable: 'contact_email', value: 'digital' } },
  text_too_long: { code: 'text_too_long', path: ['comments'], params: { question: 'comments', variable: 'comments', max: 2000, length: 2001 } },
  control_character: { code: 'control_character', path: ['comments'], params: { question: 'comments', variable: 'comments', character: 'U+0000' } },
  not_a_number: { code: 'not_a_number', path: ['staff'], params: { question: 'staff', variable: 'staff', value: 'viele', integer: 1 } },
  number_out_of_range: { code: 'number_out_of_range', path: ['staff'], params: { question: 'staff', variable: 'staff', value: '-1', min: 0, max: 10 } },
  empty_file: { code: 'empty_file', path: [] },
  header_only: { code: 'header_only', path: [] },
  file_too_large: { code: 'file_too_large', path: [], params: { size: 31_457_280, max: 20_971_520 } },
  invalid_encoding: { code: 'invalid_encoding', path: [3], params: { encoding: 'windows-1252' } },
  unparseable_csv: { code: 'unparseable_csv', path: [4], params: { reason: 'MissingQuotes' } },
  wrong_column_count: { code: 'wrong_column_count', path: [5], params: { expected: 162, actual: 161 } },
  missing_column: { code: 'missing_column', path: [1, 'ags'], params: { column: 'ags', position: 1 } },
  duplicate_column: { code: 'duplicate_column', path: [1, 'comments'], params: { column: 'comments', first: 3, position: 7 } },
  unknown_column: { code: 'unknown_column', path: [1, 'strategy_colour'], params: { column: 'strategy_colour', position: 2 } },
  no_answer_columns: { code: 'no_answer_columns', path: [1] },
  missing_value: { code: 'missing_value', path: [7, 'name'], params: { file: 'gemeinden.csv' } },
  invalid_ags: { code: 'invalid_ags', path: [5, 'ags'], params: { value: '5315000', digits: 8 } },
  duplicate_ags: { code: 'duplicate_ags', path: [9, 'ags'], params: { value: '05315000', first: 4 } },
  unknown_ags: { code: 'unknown_ags', path: [5, 'ags'], params: { value: '99999999' } },
  invalid_integer: { code: 'invalid_integer', path: [5, 'population'], params: { value: '1.234' } },
  invalid_decimal: { code: 'invalid_decimal', path: [5, 'area_km2'], params: { value: '12,5' } },
  unknown_state: { code: 'unknown_state', path: [5, 'state'], params: { value: 'Nordrhein Westfalen' } },
  unknown_unit_type: { code: 'unknown_unit_type', path: [5, 'type'], params: { value: 'Weiler' } },
  unknown_district: { code: 'unknown_district', path: [5, 'district_ags'], params: { value: '05999' } },
  too_many_issues: { code: 'too_many_issues', path: [], params: { shown: 1000, total: 2345 } },
  mapping_not_json: { code: 'mapping_not_json', path: [], params: { position: 12 } },
  mapping_field_invalid: { code: 'mapping_field_invalid', path: ['/columns/G01Q01/variable'], params: { reason: 'wrong_type', expected: 'string' } },
  mapping_unknown_variable: { code: 'mapping_unknown_variable', path: ['/columns/G01Q01/variable'], params: { variable: 'strategy_colour' } },
  mapping_unknown_option: { code: 'mapping_unknown_option', path: ['/columns/G01Q01/answers/A9'], params: { variable: 'strategy_status', value: 'vielleicht' } },
  mapping_duplicate_variable: { code: 'mapping_duplicate_variable', path: ['/columns/G02Q01/variable'], params: { variable: 'strategy_status', first: 'G01Q01' } },
  mapping_answers_not_allowed: { code: 'mapping_answers_not_allowed', path: ['/columns/G09Q03/answers'], params: { variable: 'comments', kind: 'text' } },
  mapping_unknown_answer_set: { code: 'mapping_unknown_answer_set', path: ['/columns/G03Q01[SQ001]/answers'], params: { value: 'einsatz' } },
  mapping_unit_column_mapped: { code: 'mapping_unit_column_mapped', path: ['/columns/AGS'], params: { column: 'AGS' } },
  mapping_column_missing: { code: 'mapping_column_missing', path: [1, 'G02Q02[SQ011]'], params: { column: 'G02Q02[SQ011]' } },
  unmapped_column: { code: 'unmapped_column', path: [1, 'G01Q01[other]'], params: { column: 'G01Q01[other]', position: 12 } },
  unmapped_answer_code: { code: 'unmapped_answer_code', path: [5, 'G02Q01'], params: { value: 'AO09', column: 'G02Q01', variable: 'strategy_status' } },
};

test('every issue code has a German message, with and without params', () => {
  for (const code of ISSUE_CODES) {
    for (const issue of [SAMPLES[code], { code, path: [] }]) {
      const message = messageDe(issue);
      assert.ok(message.length > 10, code);
      assert.match(message, /^[„A-ZÄÖÜ]/, code);
      assert.match(message, /[.]$/, code);
      assert.doesNotMatch(message, /undefined|null|NaN|\[object/, code);
    }
  }
});

test('messages name the question, option and value', () => {
  assert.equal(messageDe(SAMPLES.unknown_option), 'Option „xyz“ gibt es bei Frage „strategy_status“ nicht.');
  assert.equal(
    messageDe(SAMPLES.exclusive_with_others),
    'Option „keine“ bei Frage „data_uses“ schließt andere Angaben aus, gewählt ist aber auch: optimierung, steuerung.',
  );
  assert.equal(messageDe(SAMPLES.too_many_options), 'Bei Frage „strategy_fields“ sind höchstens 3 Optionen erlaubt, gewählt sind 4.');
  assert.match(messageDe(SAMPLES.not_asked_but_answered), /^Frage „operator“ \(Teilfrage „app“\) wird .* „operator__app__land“/);
  assert.match(messageDe(SAMPLES.invalid_encoding), /Windows-1252.*„CSV UTF-8/);
  assert.equal(messageDe(SAMPLES.duplicate_ags), 'Der Gemeindeschlüssel „05315000“ kommt mehrfach vor (zuerst in Zeile 4).');
  assert.match(messageDe({ ...SAMPLES.duplicate_ags, params: { value: '05315000', first: 'gemeinden.csv Zeile 4' } }), /zuerst in gemeinden\.csv Zeile 4/);
  assert.equal(messageDe(SAMPLES.file_too_large), 'Die Datei ist zu groß (30,0 MB); erlaubt sind höchstens 20,0 MB.');
  assert.equal(messageDe({ code: 'invalid_ags', path: [3, 'ags'], params: { value: '' } }), 'Der Gemeindeschlüssel fehlt.');
});

test('a question named only by the path (a form issue) is still named', () => {
  assert.equal(
    messageDe({ code: 'unknown_option', path: ['components', 'eid'], params: { value: 'x' } }),
    'Option „x“ gibt es bei Frage „components“ (Teilfrage „eid“) nicht.',
  );
});

test('formatIssueDe prefixes file and response locations', () => {
  assert.equal(
    formatIssueDe({ ...SAMPLES.unknown_option, path: [5, 'strategy_status'] }),
    'Zeile 5, Spalte „strategy_status“: Option „xyz“ gibt es bei Frage „strategy_status“ nicht.',
  );
  assert.equal(formatIssueDe(SAMPLES.wrong_column_count), 'Zeile 5: Die Zeile hat 161 Spalten, die Kopfzeile 162.');
  assert.equal(
    formatIssueDe(SAMPLES.too_many_options),
    'Frage „strategy_fields“: Bei Frage „strategy_fields“ sind höchstens 3 Optionen erlaubt, gewählt sind 4.',
  );
  assert.match(formatIssueDe(SAMPLES.not_asked_but_answered), /^Frage „operator“, Teilfrage „app“: /);
  assert.equal(formatIssueDe(SAMPLES.empty_file), 'Die Datei ist leer.');
});

test('LimeSurvey mapping issues name the mapping field or the row and column', () => {
  assert.equal(formatIssueDe(SAMPLES.mapping_field_invalid), 'Zuordnungsdatei, Feld „/columns/G01Q01/variable“: Falscher Typ, erwartet: Text.');
  assert.equal(
    formatIssueDe(SAMPLES.unmapped_answer_code),
    'Zeile 5, Spalte „G02Q01“: Der Antwortcode „AO09“ ist in der Zuordnungsdatei für diese Spalte nicht zugeordnet (Variable „strategy_status“). Bitte mit „Antwortcodes“ exportieren, nicht mit „Volle Antworten“.',
  );
});
