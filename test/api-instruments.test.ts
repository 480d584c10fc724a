// The JSON API's questionnaire versions, trends and register import through app.request(): success,
// German errors with JSON paths or rows, nothing stored from a rejected body; every reply validated
// against the OpenAPI document by the fixture's call().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Model } from 'survey-core';
import { type ApiFixture, apiFixture } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
});
after(() => f.close());

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
const questionsOf = (instrument: { sections: { questions: unknown[] }[] }) => instrument.sections.reduce((sum, section) => sum + section.questions.length, 0);
const json = (value: unknown, key?: string) => ({ body: typeof value === 'string' ? value : JSON.stringify(value), type: 'application/json', ...(key ? { key } : {}) });

test('instruments: the built-in 2019 version is listed, readable as our file and as SurveyJS; unknown → 404', async () => {
  const listed = await f.call('GET', '/api/v1/instruments');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.json.items[0], { version: '2019', title: listed.json.items[0].title, questions: listed.json.items[0].questions, builtIn: true, importedAt: null, importedBy: null });
  const one = await f.call('GET', '/api/v1/instruments/2019');
  assert.deepEqual([one.status, one.json.version], [200, '2019']);
  assert.equal(listed.json.items[0].questions, questionsOf(one.json));
  const surveyJs = await f.call('GET', '/api/v1/instruments/2019/surveyjs');
  assert.equal(surveyJs.status, 200);
  const survey = new Model(surveyJs.json);
  assert.ok(survey.getAllQuestions().length >= questionsOf(one.json), 'survey-core loads it');
  const missing = await f.call('GET', '/api/v1/instruments/1999');
  assert.deepEqual([missing.status, missing.json.code], [404, 'DM_INSTRUMENT_NOT_FOUND']);
});

test('instruments: import a valid file (201, audited), read it back, once only (409); a broken file → 422 with JSON paths, nothing stored', async () => {
  const broken = JSON.parse(fixture('instruments/broken/12-showif-unknown-variable.json')) as object;
  const rejected = await f.call('POST', '/api/v1/instruments', json(broken));
  assert.equal(rejected.status, 422);
  assert.equal(rejected.json.code, 'DM_INSTRUMENT_FILE_INVALID');
  assert.match(rejected.json.message, /Fragebogen-Datei im Anfragekörper ist ungültig: \d+ Fehler\. Es wurde nichts gespeichert\./);
  const first = rejected.json.issues[0];
  assert.deepEqual(first.path, ['body', 'sections', 1, 'questions', 1, 'showIf', 'variable']);
  assert.match(first.message, /unbekannte Variable „strategy_state“/);
  assert.deepEqual(await f.store.instrumentVersions(), [], 'nothing stored');

  const created = await f.call('POST', '/api/v1/instruments', json(fixture('instruments/valid-2021.json')));
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.version, '2021');
  assert.equal(created.json.questions, questionsOf(JSON.parse(fixture('instruments/valid-2021.json'))));
  assert.deepEqual((await f.store.auditLog(1)).map((entry) => [entry.action, entry.actor]), [['instrument.import', 'user:ana@test.example']]);
  const listed = await f.call('GET', '/api/v1/instruments');
  assert.deepEqual(listed.json.items.map((item: { version: string; builtIn: boolean }) => [item.version, item.builtIn]), [['2019', true], ['2021', false]]);
  assert.equal(listed.json.items[1].importedBy, 'user:ana@test.example');
  assert.equal((await f.call('GET', '/api/v1/instruments/2021')).json.title, JSON.parse(fixture('instruments/valid-2021.json')).title);
  const again = await f.call('POST', '/api/v1/instruments', json(fixture('instruments/valid-2021.json')));
  assert.deepEqual([again.status, again.json.code], [409, 'DM_INSTRUMENT_VERSION_EXISTS']);
  const builtIn = await f.call('POST', '/api/v1/instruments', json({ ...(JSON.parse(fixture('instruments/valid-2021.json')) as object), version: '2019' }));
  assert.deepEqual([builtIn.status, builtIn.json.code], [409, 'DM_INSTRUMENT_VERSION_EXISTS'], 'the 2019 version stays as it is');
});

test('instruments: malformed JSON → 400, wrong content type → 415, no version → 422, over 1 MB → 413', async () => {
  const malformed = await f.call('POST', '/api/v1/instruments', json('{"version": '));
  assert.deepEqual([malformed.status, malformed.json.code], [400, 'DM_BAD_REQUEST']);
  const csv = await f.call('POST', '/api/v1/instruments', { body: 'version\n2030\n', type: 'text/csv' });
  assert.deepEqual([csv.status, csv.json.code], [415, 'DM_UNSUPPORTED_MEDIA_TYPE']);
  const noVersion = await f.call('POST', '/api/v1/instruments', json({ title: 'ohne Version' }));
  assert.deepEqual([noVersion.status, noVersion.json.code, noVersion.json.issues[0].path], [422, 'DM_REQUEST_INVALID', ['body', 'version']]);
  const huge = await f.call('POST', '/api/v1/instruments', json({ version: 'gross', title: 'x'.repeat(1024 * 1024) }));
  assert.deepEqual([huge.status, huge.json.code], [413, 'DM_BODY_TOO_LARGE']);
  assert.equal((await f.store.instrumentVersions()).some((row) => row.version === 'gross'), false);
});

test('trends: the trend document of two waves; a wave twice, one wave, a bad id, an unknown wave → German errors', async () => {
  const trend = await f.call('GET', '/api/v1/trends?waves=alt,w');
  // Wave "w" of the survey fixture has no submitted responses yet.
  assert.deepEqual([trend.status, trend.json.code, trend.json.message], [409, 'DM_WAVE_NO_RESPONSES', 'Welle „w“ hat keine abgeschickten Antworten; es gibt nichts auszuwerten.']);
  assert.equal((await f.call('POST', '/api/v1/waves', json({ id: 'alt2', title: 'Zweite', instrumentVersion: '2019' }))).status, 201);
  const earlier = await f.store.responsesForWave('alt');
  await f.store.saveResponses('alt2', earlier.slice(0, 200).map(({ ags, answers }) => ({ ags, answers })), { status: 'submitted', source: 'import', actor: 'test' });
  const ok = await f.call('GET', '/api/v1/trends?waves=alt,alt2');
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.json.waves.map((wave: { wave: string }) => wave.wave), ['alt', 'alt2']);
  assert.ok(ok.json.trends.length > 0);
  const twice = await f.call('GET', '/api/v1/trends?waves=alt,alt');
  assert.deepEqual([twice.status, twice.json.code], [400, 'DM_TREND_WAVE_TWICE']);
  const single = await f.call('GET', '/api/v1/trends?waves=alt');
  assert.deepEqual([single.status, single.json.code], [400, 'DM_USAGE']);
  const badId = await f.call('GET', '/api/v1/trends?waves=alt,Gro%C3%9F');
  assert.deepEqual([badId.status, badId.json.code, badId.json.issues[0].path], [422, 'DM_REQUEST_INVALID', ['query', 'waves']]);
  const unknown = await f.call('GET', '/api/v1/trends?waves=alt,gibtsnicht');
  assert.deepEqual([unknown.status, unknown.json.code], [404, 'DM_WAVE_NOT_FOUND']);
  const missing = await f.call('GET', '/api/v1/trends');
  assert.deepEqual([missing.status, missing.json.issues[0].path], [422, ['query', 'waves']]);
});

test('register: only admin keys replace it (403 for analysts); a bad row → 422 with row and column, the old register stays', async () => {
  const gemeinden = fixture('good/test-gemeinden.csv');
  const kreise = fixture('good/test-kreise.csv');
  const before = (await f.call('GET', '/api/v1/register')).json;
  const analyst = await f.call('POST', '/api/v1/register', json({ gemeinden, kreise }));
  assert.deepEqual([analyst.status, analyst.json.code], [403, 'DM_FORBIDDEN']);
  const lines = gemeinden.split(/\r?\n/);
  const broken = [lines[0], lines[1]!.replace(/^[^,;]*/, 'ABC'), ...lines.slice(2)].join('\n');
  const rejected = await f.call('POST', '/api/v1/register', json({ gemeinden: broken, kreise }, f.adminKey));
  assert.deepEqual([rejected.status, rejected.json.code], [422, 'DM_IMPORT_INVALID']);
  assert.equal(rejected.json.issues[0].path[0], 2, 'row 2 of the file');
  assert.deepEqual((await f.call('GET', '/api/v1/register')).json, before, 'nothing changed');
  const badDate = await f.call('POST', '/api/v1/register', json({ gemeinden, referenceDate: '31.12.2024' }, f.adminKey));
  assert.deepEqual([badDate.status, badDate.json.issues[0].path], [422, ['body', 'referenceDate']]);
  const done = await f.call('POST', '/api/v1/register', json({ gemeinden, kreise, referenceDate: '2025-12-31', source: 'Testverzeichnis' }, f.adminKey));
  assert.equal(done.status, 200, done.text);
  assert.ok(done.json.units > 0);
  const after = (await f.call('GET', '/api/v1/register')).json;
  assert.deepEqual(Object.keys(done.json.changes).sort(), ['added', 'changed', 'removed']);
  assert.equal(done.json.changes.added - done.json.changes.removed, after.unitCount - before.unitCount, 'the net change is the change in units');
  assert.deepEqual([after.referenceDate, after.source], ['2025-12-31', 'Testverzeichnis']);
  assert.equal((await f.store.auditLog(1))[0]?.actor, 'user:ada@test.example');
});
