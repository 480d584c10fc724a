import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsvBytes, formatCsv, parseCsv } from './csv-text.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('decodeCsvBytes: UTF-8 with and without BOM', () => {
  assert.deepEqual(decodeCsvBytes(utf8('ags,comments\r\n05315000,Größe\r\n')), { text: 'ags,comments\r\n05315000,Größe\r\n' });
  assert.deepEqual(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('ags\n')])), { text: 'ags\n' });
  assert.deepEqual(decodeCsvBytes(new Uint8Array()), { text: '' });
});

test('decodeCsvBytes: Windows-1252 (Excel "CSV") is invalid_encoding with the line and a hint', () => {
  // "ags;comments\r\n05315000;Gr\xF6\xDFe\r\n" as Excel's ANSI export writes it
  const bytes = new Uint8Array([...utf8('ags;comments\r\n05315000;Gr'), 0xf6, 0xdf, ...utf8('e\r\n')]);
  assert.deepEqual(decodeCsvBytes(bytes), { issue: { code: 'invalid_encoding', path: [2], params: { encoding: 'windows-1252' } } });
});

test('decodeCsvBytes: UTF-16 and other invalid bytes', () => {
  assert.deepEqual(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00])), {
    issue: { code: 'invalid_encoding', path: [], params: { encoding: 'utf-16' } },
  });
  assert.deepEqual(decodeCsvBytes(new Uint8Array([0x61, 0x0a, 0x80])), { issue: { code: 'invalid_encoding', path: [2], params: {} } });
});

test('parseCsv: comma, CRLF, final line break', () => {
  assert.deepEqual(parseCsv('ags,comments\r\n05315000,Hallo\r\n09162000,\r\n'), {
    header: ['ags', 'comments'],
    rows: [['05315000', 'Hallo'], ['09162000', '']],
    issues: [],
  });
});

test('parseCsv: semicolon detected from the header line, BOM in text stripped', () => {
  const table = parseCsv('\uFEFFags;strategy_status;comments\n05315000;vorhanden;"a, b; c"\n');
  assert.deepEqual(table.header, ['ags', 'strategy_status', 'comments']);
  assert.deepEqual(table.rows, [['05315000', 'vorhanden', 'a, b; c']]);
  assert.deepEqual(parseCsv('"a;b",c\n1,2\n').header, ['a;b', 'c']);
});

test('parseCsv: quoted newlines stay in the cell; rows are counted in records', () => {
  const table = parseCsv('ags,comments\r\n05315000,"Zeile eins\r\nZeile zwei"\r\n"09162000","""zitiert"""\r\n');
  assert.deepEqual(table.rows, [['05315000', 'Zeile eins\r\nZeile zwei'], ['09162000', '"zitiert"']]);
});

test('parseCsv: unparseable quoting reports the record row', () => {
  const table = parseCsv('ags,comments\n05315000,ok\n09162000,"offen\n');
  assert.deepEqual(table.issues, [{ code: 'unparseable_csv', path: [3], params: { reason: 'MissingQuotes' } }]);
  const malformed = parseCsv('ags,comments\n05315000,"a"b\n');
  assert.deepEqual(malformed.issues, [{ code: 'unparseable_csv', path: [2], params: { reason: 'InvalidQuotes' } }]);
});

test('parseCsv: empty file, header only, blank lines', () => {
  assert.deepEqual(parseCsv('').issues, [{ code: 'empty_file', path: [] }]);
  assert.deepEqual(parseCsv('\uFEFF \r\n\r\n').issues, [{ code: 'empty_file', path: [] }]);
  assert.deepEqual(parseCsv('ags,comments\r\n\r\n'), { header: ['ags', 'comments'], rows: [], issues: [{ code: 'header_only', path: [] }] });
  // an interior blank line is kept as a row so that later rows keep their numbers
  assert.deepEqual(parseCsv('a,b\n1,2\n\n3,4\n').rows, [['1', '2'], [''], ['3', '4']]);
});

test('formatCsv: delimiter, BOM, line ends, quoting', () => {
  const rows = [['05315000', 'a, "b"\nc'], ['09162000', '']];
  assert.equal(formatCsv(['ags', 'comments'], rows), 'ags,comments\r\n05315000,"a, ""b""\nc"\r\n09162000,\r\n');
  assert.equal(
    formatCsv(['ags', 'comments'], rows, { delimiter: ';', bom: true, eol: '\n' }),
    '\uFEFFags;comments\n05315000;"a, ""b""\nc"\n09162000;\n',
  );
});

test('formatCsv: neutralises formulas in text columns only (OWASP CSV injection)', () => {
  const header = ['ags', 'broadband_grade', 'comments'];
  const isTextColumn = (column: string) => column === 'comments';
  const cells = ['=HYPERLINK("http://x")', '+49 123', '-1', '@SUM(A1)', '\tTab', 'harmlos', "'=schon"];
  const csv = formatCsv(header, cells.map((c) => ['05315000', '-1', c]), { isTextColumn });
  const parsed = parseCsv(csv).rows.map((row) => row.slice(1));
  assert.deepEqual(parsed, [
    ['-1', `'=HYPERLINK("http://x")`],
    ['-1', "'+49 123"],
    ['-1', "'-1"],
    ['-1', "'@SUM(A1)"],
    ['-1', "'\tTab"],
    ['-1', 'harmlos'],
    ['-1', "'=schon"],
  ]);
});

test('formatCsv then parseCsv gives the cells back', () => {
  const header = ['ags', 'comments'];
  const rows = [['05315000', 'Semikolon; Komma, "Zitat"\r\nneue Zeile'], ['09162000', 'Ümläüte ß €']];
  for (const delimiter of [',', ';'] as const) {
    assert.deepEqual(parseCsv(formatCsv(header, rows, { delimiter })), { header, rows, issues: [] });
  }
});
