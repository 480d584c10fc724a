// The JSON API through app.request(): every route with its success and its errors ({code, message,
// issues}, German), in and out validated against the OpenAPI document by the fixture's call().
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ApiFixture, apiFixture, request } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
});
after(() => f.close());

const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });

test('waves: list with limit/offset, get one, unknown → 404 DM_WAVE_NOT_FOUND', async () => {
  const all = await f.call('GET', '/api/v1/waves');
  assert.equal(all.status, 200);
  assert.equal(all.headers.get('cache-control'), 'no-store');
  assert.deepEqual(all.json.items.map((wave: { id: string }) => wave.id).sort(), ['alt', 'w']);
  assert.deepEqual(all.json.page, { limit: 100, offset: 0, total: 2 });
  const second = await f.call('GET', '/api/v1/waves?limit=1&offset=1');
  assert.deepEqual([second.json.items.length, second.json.page], [1, { limit: 1, offset: 1, total: 2 }]);
  assert.notEqual(second.json.items[0].id, (await f.call('GET', '/api/v1/waves?limit=1')).json.items[0].id);
  const one = await f.call('GET', '/api/v1/waves/alt');
  assert.deepEqual([one.status, one.json.status, one.json.demo], [200, 'closed', true]);
  const missing = await f.call('GET', '/api/v1/waves/gibtsnicht');
  assert.deepEqual([missing.status, missing.json.code, missing.json.message], [404, 'DM_WAVE_NOT_FOUND', 'Welle „gibtsnicht“ gibt es nicht.']);
});

test('waves: create (201), twice → 409, invalid id → 400, open and close, a wrong transition → 409', async () => {
  const created = await f.call('POST', '/api/v1/waves', json({ id: 'api-2027', title: 'Digitalmonitor 2027', instrumentVersion: '2019', opens: '2027-03-01', closes: '2027-05-31' }));
  assert.equal(created.status, 201);
  assert.deepEqual([created.json.id, created.json.status, created.json.opensAt], ['api-2027', 'draft', '2027-02-28T23:00:00.000Z']);
  const again = await f.call('POST', '/api/v1/waves', json({ id: 'api-2027', title: 'X', instrumentVersion: '2019' }));
  assert.deepEqual([again.status, again.json.code], [409, 'DM_WAVE_EXISTS']);
  const badId = await f.call('POST', '/api/v1/waves', json({ id: 'Groß', title: 'X', instrumentVersion: '2019' }));
  assert.deepEqual([badId.status, badId.json.code], [400, 'DM_WAVE_ID_INVALID']);
  const noVersion = await f.call('POST', '/api/v1/waves', json({ id: 'v9', title: 'X', instrumentVersion: '1999' }));
  assert.deepEqual([noVersion.status, noVersion.json.code], [404, 'DM_INSTRUMENT_NOT_FOUND']);
  const closeDraft = await f.call('POST', '/api/v1/waves/api-2027/status', json({ status: 'closed' }));
  assert.deepEqual([closeDraft.status, closeDraft.json.code], [409, 'DM_WAVE_STATUS']);
  assert.match(closeDraft.json.message, /Entwurf/);
  const opened = await f.call('POST', '/api/v1/waves/api-2027/status', json({ status: 'open' }));
  assert.deepEqual([opened.status, opened.json.status], [200, 'open']);
  const closed = await f.call('POST', '/api/v1/waves/api-2027/status', json({ status: 'closed' }));
  assert.deepEqual([closed.status, closed.json.status], [200, 'closed']);
  assert.match(closed.json.publishedAt, /^\d{4}-\d{2}-\d{2}T/, 'the first close publishes');
  const published = await f.call('POST', '/api/v1/waves/api-2027/publish');
  assert.equal(published.status, 200);
  assert.deepEqual([published.json.wave.id, published.json.previous], ['api-2027', closed.json.publishedAt]);
  assert.match(published.json.warning, /neu veröffentlicht .+ aus dem Unterschied die Angaben/);
  assert.equal((await f.call('POST', '/api/v1/waves/api-2027/status', json({ status: 'open' }))).status, 200);
  const open = await f.call('POST', '/api/v1/waves/api-2027/publish');
  assert.deepEqual([open.status, open.json.code], [409, 'DM_WAVE_NOT_CLOSED']);
  const unknown = await f.call('POST', '/api/v1/waves/gibtsnicht/publish');
  assert.deepEqual([unknown.status, unknown.json.code], [404, 'DM_WAVE_NOT_FOUND']);
});

test('bad JSON bodies: unknown field 422 with its path, missing and wrong types 422, malformed 400, wrong type 415, too large 413', async () => {
  const unknown = await f.call('POST', '/api/v1/waves', json({ id: 'x1', title: 'X', instrumentVersion: '2019', extra: 1, nested: 2 }));
  assert.deepEqual([unknown.status, unknown.json.code], [422, 'DM_REQUEST_INVALID']);
  assert.deepEqual(unknown.json.issues.map((issue: { path: unknown }) => issue.path), [['body', 'extra'], ['body', 'nested']]);
  assert.equal(unknown.json.issues[0].message, 'Unbekanntes Feld „body.extra“.');
  assert.match(unknown.json.message, /^Anfrage abgelehnt: 2 Fehler \(body\.extra, body\.nested\)\. Es wurde nichts gespeichert\.$/);
  const wrong = await f.call('POST', '/api/v1/waves', json({ id: 5, instrumentVersion: '2019' }));
  assert.deepEqual(wrong.json.issues.map((issue: { path: unknown; message: string }) => [issue.path, issue.message]), [
    [['body', 'id'], 'Feld „body.id“: erwartet Text.'],
    [['body', 'title'], 'Pflichtfeld „body.title“ fehlt.'],
  ]);
  const status = await f.call('POST', '/api/v1/waves/w/status', json({ status: 'draft' }));
  assert.deepEqual([status.status, status.json.issues[0].path, status.json.issues[0].message], [422, ['body', 'status'], 'Feld „body.status“: erlaubt „open“, „closed“.']);
  const array = await f.call('POST', '/api/v1/waves', json([1, 2]));
  assert.deepEqual([array.status, array.json.issues[0].path], [422, ['body']]);
  const malformed = await f.call('POST', '/api/v1/waves', { body: '{"id": "x2",', type: 'application/json' });
  assert.deepEqual([malformed.status, malformed.json.code], [400, 'DM_BAD_REQUEST']);
  assert.match(malformed.json.message, /kein gültiges JSON/);
  const empty = await f.call('POST', '/api/v1/waves', { body: '', type: 'application/json' });
  assert.equal(empty.status, 400);
  const form = await f.call('POST', '/api/v1/waves', { body: 'id=x3', type: 'application/x-www-form-urlencoded' });
  assert.deepEqual([form.status, form.json.code, form.json.message], [415, 'DM_UNSUPPORTED_MEDIA_TYPE', 'Falscher Inhaltstyp: erwartet wird application/json. Es wurde nichts gespeichert.']);
  const none = await f.call('POST', '/api/v1/waves', { body: '{}' });
  assert.equal(none.status, 415);
  const big = await f.call('POST', '/api/v1/waves', json({ id: 'x4', title: 'x'.repeat(70_000), instrumentVersion: '2019' }));
  assert.deepEqual([big.status, big.json.code], [413, 'DM_BODY_TOO_LARGE']);
  assert.match(big.json.message, /64 KB/);
  const charset = await f.call('POST', '/api/v1/waves', { body: JSON.stringify({ id: 'x5', title: 'Mit Zeichensatz', instrumentVersion: '2019' }), type: 'application/json; charset=utf-8' });
  assert.equal(charset.status, 201);
  assert.equal(await f.store.getWave('x1'), null, 'nothing was created by the rejected requests');
});

test('JSON bodies must be clean text: invalid UTF-8, a lone surrogate or a control character → 400 naming it, nothing stored', async () => {
  const valid = new TextEncoder().encode(JSON.stringify({ id: 'utf1', title: 'Kaputt', instrumentVersion: '2019' }));
  const broken = Uint8Array.from([...valid.slice(0, -25), 0xc3, 0x28, ...valid.slice(-25)]);
  const invalid = await f.call('POST', '/api/v1/waves', { body: broken, type: 'application/json' });
  assert.deepEqual([invalid.status, invalid.json.code], [400, 'DM_BAD_REQUEST']);
  assert.match(invalid.json.message, /nicht in UTF-8 kodiert/);
  const surrogate = await f.call('POST', '/api/v1/waves', { body: '{"id": "utf1", "title": "Halb \\ud83d", "instrumentVersion": "2019"}', type: 'application/json' });
  assert.deepEqual([surrogate.status, surrogate.json.code], [400, 'DM_BAD_REQUEST']);
  assert.match(surrogate.json.message, /einzelnes Surrogat/);
  const control = await f.call('POST', '/api/v1/waves', { body: '{"id": "utf1", "title": "Null \\u0000", "instrumentVersion": "2019"}', type: 'application/json' });
  assert.match(control.json.message, /Steuerzeichen/);
  const key = await f.call('POST', '/api/v1/waves', { body: '{"id": "utf1", "title": "X", "instrumentVersion": "2019", "\\udc00": 1}', type: 'application/json' });
  assert.deepEqual([key.status, key.json.code], [400, 'DM_BAD_REQUEST']);
  assert.equal(await f.store.getWave('utf1'), null);
  const pair = await f.call('POST', '/api/v1/waves', { body: '{"id": "utf1", "title": "Ganz \\ud83d\\ude00 und ä", "instrumentVersion": "2019"}', type: 'application/json' });
  assert.deepEqual([pair.status, pair.json.title], [201, 'Ganz 😀 und ä']);
  const deep = await f.call('POST', '/api/v1/waves', { body: `{"id": "utf2", "title": ${'['.repeat(30_000)}${']'.repeat(30_000)}}`, type: 'application/json' });
  assert.ok(deep.status >= 400 && deep.status < 500, `any depth is a 4xx, never a stack overflow: ${deep.status}`);
});

test('query and path parameters: unknown parameters and malformed values → 422 naming them', async () => {
  const unknown = await f.call('GET', '/api/v1/waves?seite=2');
  assert.deepEqual([unknown.status, unknown.json.issues[0].path], [422, ['query', 'seite']]);
  const limit = await f.call('GET', '/api/v1/waves?limit=viele');
  assert.deepEqual([limit.status, limit.json.issues[0].path, limit.json.issues[0].message], [422, ['query', 'limit'], 'Feld „query.limit“ hat ein ungültiges Format.']);
  const wave = await f.call('GET', '/api/v1/waves/GROSS');
  assert.deepEqual([wave.status, wave.json.issues[0].path], [422, ['path', 'wave']]);
  const ags = await f.call('GET', '/api/v1/waves/alt/profiles/123');
  assert.deepEqual([ags.status, ags.json.issues[0].path], [422, ['path', 'ags']]);
  const unknownRoute = await request(f.app, 'GET', '/api/v1/gibtsnicht', {}, f.analystKey);
  assert.deepEqual([unknownRoute.status, unknownRoute.json.code, unknownRoute.json.message], [404, 'DM_API_ROUTE_UNKNOWN', 'Die Adresse /api/v1/gibtsnicht gibt es in der JSON-API nicht. Alle Vorgänge stehen unter /api/docs.']);
});

test('other methods on API paths: 405 as JSON with Allow; unknown paths 404 as JSON', async () => {
  const put = await request(f.app, 'PUT', '/api/v1/waves/w', { body: '{}', type: 'application/json' }, f.analystKey);
  assert.deepEqual([put.status, put.headers.get('allow'), put.json], [405, 'GET', { code: 'DM_METHOD_NOT_ALLOWED', message: 'Die Methode PUT ist für diese Adresse nicht erlaubt.', issues: [] }]);
  const remove = await request(f.app, 'DELETE', '/api/v1/waves', {}, null);
  assert.deepEqual([remove.status, remove.headers.get('allow')], [405, 'GET, POST']);
  const nothing = await request(f.app, 'GET', '/api/gibtsnicht', {}, null);
  assert.deepEqual([nothing.status, nothing.json.code, nothing.headers.get('content-type')], [404, 'DM_API_ROUTE_UNKNOWN', 'application/json']);
});

test('register info; responses import: text/csv all or nothing with the CLI issues, 415 and 413', async () => {
  const register = await f.call('GET', '/api/v1/register');
  assert.deepEqual([register.status, register.json.unitCount, register.json.source], [200, 4, 'Testdaten']);
  await f.store.createWave({ id: 'import', title: 'Import', instrumentVersion: '2019' });
  const csv = 'ags,strategy_status\n05111000,vorhanden\n05113000,kein_thema\n';
  const imported = await f.call('POST', '/api/v1/waves/import/responses', { body: csv, type: 'text/csv' });
  assert.deepEqual([imported.status, imported.json], [200, { rows: 2, inserted: 2, updated: 0 }]);
  assert.equal((await f.store.responsesForWave('import')).length, 2);
  const [entry] = await f.store.auditLog(1);
  assert.equal(entry?.actor, 'user:ana@test.example');
  const bad = await f.call('POST', '/api/v1/waves/import/responses', { body: 'ags,strategy_status\n05111000,kein_thema\n99999999,vorhanden\n05113000,gibtsnicht\n', type: 'text/csv; charset=utf-8' });
  assert.deepEqual([bad.status, bad.json.code], [422, 'DM_IMPORT_INVALID']);
  assert.match(bad.json.message, /^Import abgelehnt: 2 Fehler in Anfrage\. Es wurde nichts geschrieben\.$/);
  assert.deepEqual(bad.json.issues.map((issue: { code: string; path: unknown }) => [issue.code, issue.path]), [['unknown_ags', [3, 'ags']], ['unknown_option', [4, 'strategy_status']]]);
  assert.match(bad.json.issues[0].message, /Zeile 3/);
  const kept = await f.store.responseFor('import', '05111000');
  assert.equal(kept?.answers.strategy_status, 'vorhanden', 'all or nothing: the valid row was not written');
  const asJson = await f.call('POST', '/api/v1/waves/import/responses', json({ ags: '05111000' }));
  assert.deepEqual([asJson.status, asJson.json.code], [415, 'DM_UNSUPPORTED_MEDIA_TYPE']);
  const empty = await f.call('POST', '/api/v1/waves/import/responses', { body: '', type: 'text/csv' });
  assert.deepEqual([empty.status, empty.json.issues[0].code], [422, 'empty_file']);
  const huge = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
  const tooLarge = await f.call('POST', '/api/v1/waves/import/responses', { body: huge, type: 'text/csv' });
  assert.deepEqual([tooLarge.status, tooLarge.json.code], [413, 'DM_BODY_TOO_LARGE']);
  assert.match(tooLarge.json.message, /20 MB/);
  const larger = `${csv}${'05113000,vorhanden\n'.repeat(4_000)}`;
  assert.ok(larger.length > 64 * 1024);
  const checked = await f.call('POST', '/api/v1/waves/import/responses', { body: larger, type: 'text/csv' });
  assert.deepEqual([checked.status, checked.json.issues[0].code], [422, 'duplicate_ags'], 'the import route takes more than the 64 KB of JSON bodies');
  const noWave = await f.call('POST', '/api/v1/waves/gibtsnicht/responses', { body: csv, type: 'text/csv' });
  assert.deepEqual([noWave.status, noWave.json.code], [404, 'DM_WAVE_NOT_FOUND']);
});

test('analysis: the results document, weighted and grouped; unknown grouping 400; no responses 409', async () => {
  const plain = await f.call('GET', '/api/v1/waves/alt/analysis');
  assert.deepEqual([plain.status, plain.json.wave, plain.json.n, plain.json.weighted], [200, 'alt', 412, false]);
  assert.ok(plain.json.tables.length > 10);
  const grouped = await f.call('GET', '/api/v1/waves/alt/analysis?weighted=true&by=vg_strategy');
  assert.equal(grouped.json.weighted, true);
  assert.ok(grouped.json.tables.some((table: { by: string }) => table.by === 'vg_strategy'));
  const unknownBy = await f.call('GET', '/api/v1/waves/alt/analysis?by=gibtsnicht');
  assert.deepEqual([unknownBy.status, unknownBy.json.code], [400, 'DM_ANALYZE_BY_UNKNOWN']);
  const flag = await f.call('GET', '/api/v1/waves/alt/analysis?weighted=ja');
  assert.deepEqual([flag.status, flag.json.issues[0].path], [422, ['query', 'weighted']]);
  const none = await f.call('GET', '/api/v1/waves/w/analysis');
  assert.deepEqual([none.status, none.json.code], [409, 'DM_WAVE_NO_RESPONSES']);
});

test('report and Digitalprofil as JSON', async () => {
  const report = await f.call('GET', '/api/v1/waves/alt/report');
  assert.deepEqual([report.status, report.json.wave, report.json.demo], [200, 'alt', true]);
  assert.ok(report.json.figures.length > 0);
  const [respondent] = await f.store.responsesForWave('alt');
  const profile = await f.call('GET', `/api/v1/waves/alt/profiles/${respondent!.ags}`);
  assert.deepEqual([profile.status, profile.json.unit.ags], [200, respondent!.ags]);
  const outsider = await f.call('GET', '/api/v1/waves/alt/profiles/01001000');
  assert.deepEqual([outsider.status, outsider.json.code], [404, 'DM_PROFILE_NOT_RESPONDED']);
  const noReport = await f.call('GET', '/api/v1/waves/w/report');
  assert.deepEqual([noReport.status, noReport.json.code], [409, 'DM_WAVE_NO_RESPONSES']);
});

test('monitoring: rates and the invited units, paginated', async () => {
  const all = await f.call('GET', '/api/v1/waves/w/monitoring');
  assert.equal(all.status, 200);
  assert.deepEqual(all.json.total, { key: 'gesamt', invited: 3, started: 0, submitted: 0 });
  assert.deepEqual(all.json.units.map((unit: { ags: string }) => unit.ags), ['05111000', '05113000', '05158000']);
  const page = await f.call('GET', '/api/v1/waves/w/monitoring?limit=2&offset=1');
  assert.deepEqual(page.json.units.map((unit: { ags: string }) => unit.ags), ['05113000', '05158000'].slice(0, 2));
  assert.deepEqual(page.json.page, { limit: 2, offset: 1, total: 3 });
  const clamped = await f.call('GET', '/api/v1/waves/w/monitoring?limit=0');
  assert.equal(clamped.json.page.limit, 1);
});

test('exports: CSV for German Excel and XLSX as downloads; intern only with an admin key; other formats 422', async () => {
  const csv = await f.call('GET', '/api/v1/waves/alt/exports/csv-excel');
  assert.deepEqual([csv.status, csv.headers.get('content-type'), csv.headers.get('content-disposition')], [200, 'text/csv; charset=utf-8', 'attachment; filename="alt-csv-excel.csv"']);
  assert.match(csv.text, /;/);
  const xlsx = await f.call('GET', '/api/v1/waves/alt/exports/xlsx?weighted=1');
  assert.deepEqual([xlsx.status, [...xlsx.bytes.slice(0, 2)]], [200, [0x50, 0x4b]]);
  const intern = await f.call('GET', '/api/v1/waves/alt/exports/csv-excel?intern=true');
  assert.deepEqual([intern.status, intern.json.code], [403, 'DM_FORBIDDEN']);
  const admin = await f.call('GET', '/api/v1/waves/alt/exports/csv-excel?intern=true', { key: f.adminKey });
  assert.deepEqual([admin.status, admin.headers.get('content-disposition')], [200, 'attachment; filename="alt-csv-excel-intern.csv"']);
  const spss = await f.call('GET', '/api/v1/waves/alt/exports/spss');
  assert.deepEqual([spss.status, spss.json.issues[0].path], [422, ['path', 'format']]);
});
