import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatVariables } from '../instrument/flat-variables.js';
import { exampleResponse2019 } from '../instrument/waves/example-response-2019.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import { MAX_REPORTED_ISSUES, formatResponsesCsv, parseResponsesCsv } from './responses-csv.js';

const KNOWN = new Set(['05315000', '09162000', '11000000']);
const parse = (text: string) => parseResponsesCsv(text, instrument2019, KNOWN);
const codes = (text: string) => parse(text).issues.map((issue) => [issue.code, ...issue.path]);

test('a subset of columns, semicolons, trimmed values; empty cells are left out', () => {
  const result = parse('ags;strategy_status;strategy_ozg;comments\r\n 05315000 ; vorhanden ;;  Gut so \r\n09162000;kein_thema;;\r\n');
  assert.deepEqual(result, {
    responses: [
      { ags: '05315000', answers: { strategy_status: 'vorhanden', comments: 'Gut so' } },
      { ags: '09162000', answers: { strategy_status: 'kein_thema' } },
    ],
    issues: [],
  });
});

test('header: ags first, unknown and duplicate columns', () => {
  assert.deepEqual(codes('strategy_status,ags\nvorhanden,05315000\n'), [['missing_column', 1, 'ags']]);
  assert.deepEqual(parse('ags,strategy_colour,comments,comments\n05315000,blau,a,b\n').issues, [
    { code: 'unknown_column', path: [1, 'strategy_colour'], params: { column: 'strategy_colour', position: 2 } },
    { code: 'duplicate_column', path: [1, 'comments'], params: { column: 'comments', first: 3, position: 4 } },
  ]);
  // A list of AGS alone would replace each unit's answers with nothing.
  assert.deepEqual(codes('ags\n05315000\n09162000\n'), [['no_answer_columns', 1]]);
  assert.deepEqual(codes('ags,comments\n05315000,\n'), [], 'an empty answer in a file with answer columns is still a response');
});

test('rows: wrong cell count, AGS format, duplicates naming both rows, unknown AGS', () => {
  const text = [
    'ags,comments',
    '05315000,a',
    '05315000,b',
    '5315000,c',
    '99999999,d',
    '09162000',
    '09162000,e,f',
    '',
  ].join('\n');
  assert.deepEqual(parse(text).issues, [
    { code: 'duplicate_ags', path: [3, 'ags'], params: { value: '05315000', first: 2 } },
    { code: 'invalid_ags', path: [4, 'ags'], params: { value: '5315000', digits: 8 } },
    { code: 'unknown_ags', path: [5, 'ags'], params: { value: '99999999' } },
    { code: 'wrong_column_count', path: [6], params: { expected: 2, actual: 1 } },
    { code: 'wrong_column_count', path: [7], params: { expected: 2, actual: 3 } },
  ]);
});

test('rule violations of a response are reported at [row, column], with the question kept', () => {
  const header = 'ags,strategy_status,strategy_fields__verwaltung,strategy_links__keine,strategy_links__andere,contact_email';
  const text = `${header}\n05315000,"vor-\nhanden",,,,\n09162000,kein_thema,1,,,\n11000000,vorhanden,,1,1,x@y.de\n`;
  assert.deepEqual(parse(text).issues, [
    {
      code: 'unknown_option',
      path: [2, 'strategy_status'],
      params: { question: 'strategy_status', variable: 'strategy_status', value: 'vor-\nhanden' },
    },
    {
      code: 'not_asked_but_answered',
      path: [3, 'strategy_fields__verwaltung'],
      params: { question: 'strategy_fields', variable: 'strategy_fields__verwaltung', value: '1' },
    },
    {
      code: 'exclusive_with_others',
      path: [4, 'strategy_links__keine'],
      params: { question: 'strategy_links', variable: 'strategy_links__keine', option: 'keine', others: 'andere' },
    },
    {
      code: 'not_asked_but_answered',
      path: [4, 'contact_email'],
      params: { question: 'contact_email', variable: 'contact_email', value: 'x@y.de' },
    },
  ]);
});

test('empty file, header only, blank rows, unparseable CSV', () => {
  assert.deepEqual(codes(''), [['empty_file']]);
  assert.deepEqual(codes('ags,comments\r\n'), [['header_only']]);
  assert.deepEqual(codes('ags,comments,strategy_colour\r\n'), [['header_only'], ['unknown_column', 1, 'strategy_colour']]);
  assert.deepEqual(parse('ags,comments\n\n05315000,a\n,\n').responses, [{ ags: '05315000', answers: { comments: 'a' } }]);
  assert.deepEqual(codes('ags,comments\n05315000,"offen\n'), [['unparseable_csv', 2]]);
});

test(`at most ${MAX_REPORTED_ISSUES} issues, then one too_many_issues with the total`, () => {
  const rows = Array.from({ length: 1500 }, () => '1,x');
  const { issues } = parse(`ags,strategy_status\n${rows.join('\n')}\n`);
  assert.equal(issues.length, MAX_REPORTED_ISSUES + 1);
  assert.deepEqual(issues.at(-1), { code: 'too_many_issues', path: [], params: { shown: MAX_REPORTED_ISSUES, total: 3000 } });
});

test('export: ags then all 161 flat variables, comma, CRLF, no BOM', () => {
  const csv = formatResponsesCsv(instrument2019, [{ ags: '05315000', answers: exampleResponse2019 }]);
  const [header, row, end] = csv.split('\r\n');
  assert.equal(header, ['ags', ...flatVariables(instrument2019).map((v) => v.name)].join(','));
  assert.equal(header?.split(',').length, 162);
  assert.ok(row?.startsWith('05315000,cdo,vorhanden,1,1,1,0,'));
  assert.equal(end, '');
  assert.ok(!csv.startsWith('\uFEFF'));
});

test('round trip: import → export → import → export is byte-identical; the export neutralises formulas', () => {
  // A hand-written file (Excel style: BOM, semicolons) whose comment is a formula, stored verbatim on import.
  const userFile =
    '\uFEFFags;strategy_status;strategy_ozg;comments\r\n' +
    '05315000;vorhanden;ja;"=HYPERLINK(""http://evil.example"";""Klick"")\nzweite Zeile"\r\n' +
    '09162000;kein_thema;;-1 Punkt\r\n';
  const imported = parse(userFile);
  assert.deepEqual(imported.issues, []);
  assert.equal(imported.responses[0]?.answers['comments'], '=HYPERLINK("http://evil.example";"Klick")\nzweite Zeile');
  const firstExport = formatResponsesCsv(instrument2019, imported.responses);
  assert.match(firstExport, /,"'=HYPERLINK\(""http/);
  assert.match(firstExport, /,'-1 Punkt\r\n$/);
  // The importer does not strip the apostrophe: it becomes part of the stored text …
  const reimported = parse(firstExport);
  assert.deepEqual(reimported.issues, []);
  assert.equal(reimported.responses[0]?.answers['comments']?.slice(0, 2), "'=");
  // … so the next export is byte-identical.
  assert.equal(formatResponsesCsv(instrument2019, reimported.responses), firstExport);
});

test('export sorts rows by AGS', () => {
  const csv = formatResponsesCsv(instrument2019, [
    { ags: '09162000', answers: {} },
    { ags: '05315000', answers: {} },
  ]);
  assert.deepEqual(parse(csv).responses.map((r) => r.ags), ['05315000', '09162000']);
});

test('round trip of a complete response keeps every answer', () => {
  const csv = formatResponsesCsv(instrument2019, [{ ags: '05315000', answers: exampleResponse2019 }]);
  assert.deepEqual(parse(csv), { responses: [{ ags: '05315000', answers: exampleResponse2019 }], issues: [] });
});
