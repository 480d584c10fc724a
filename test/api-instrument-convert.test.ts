// POST /api/v1/instruments/convert through app.request(): a LimeSurvey or SurveyJS questionnaire converted
// with its German report, stored only with "save": true and only when valid; files of the wrong kind → 422,
// nothing stored; every reply validated against the OpenAPI document by the fixture's call().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type ApiFixture, apiFixture } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
});
after(() => f.close());

const source = (name: string) => readFileSync(new URL(`./fixtures/interop/${name}`, import.meta.url), 'utf8');
const post = (body: unknown, key?: string) => f.call('POST', '/api/v1/instruments/convert', { body: JSON.stringify(body), type: 'application/json', ...(key ? { key } : {}) });

test('convert: the converted file with the report; nothing stored without "save"', async () => {
  const reply = await post({ from: 'lss', content: source('limesurvey3-inline.lss'), version: '2025-lime' });
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual([reply.json.valid, reply.json.stored, reply.json.questions, reply.json.issues], [true, false, 9, []]);
  assert.ok(reply.json.findings.some((finding: { path: string; feature: string }) => finding.path === 'Seit' && /Fragetyp D/.test(finding.feature)));
  assert.equal(reply.json.instrument.sections[0].questions[1].showIf.variable, 'strategie');
  assert.deepEqual(await f.store.instrumentVersions(), []);
});

test('convert with "save": stored once and audited; an invalid result → 422 with paths, nothing stored', async () => {
  const invalid = await post({ from: 'surveyjs', content: source('surveyjs-bedingungen.json'), version: '2025-sjs', previous: '1999', save: true });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.json.code, 'DM_INSTRUMENT_FILE_INVALID');
  assert.deepEqual(invalid.json.issues[0].path, ['instrument', 'comparability', 'previous']);
  assert.deepEqual(await f.store.instrumentVersions(), []);
  const saved = await post({ from: 'surveyjs', content: source('surveyjs-bedingungen.json'), version: '2025-sjs', previous: '2019', save: true });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual([saved.json.valid, saved.json.stored], [true, true]);
  assert.deepEqual((await f.store.auditLog(1)).map((entry) => [entry.action, entry.actor]), [['instrument.import', 'user:ana@test.example']]);
  assert.equal((await f.call('GET', '/api/v1/instruments/2025-sjs')).json.comparability.previous, '2019');
  const again = await post({ from: 'surveyjs', content: source('surveyjs-bedingungen.json'), version: '2025-sjs', save: true });
  assert.deepEqual([again.status, again.json.code], [409, 'DM_INSTRUMENT_VERSION_EXISTS']);
});

test('wrong files and bodies: 422/400/415 in German, nothing stored', async () => {
  const before = (await f.store.instrumentVersions()).length;
  const notXml = await post({ from: 'lss', content: '{"pages": []}', version: 'x', save: true });
  assert.deepEqual([notXml.status, notXml.json.code], [422, 'DM_LSS_INVALID']);
  assert.match(notXml.json.message, /kein wohlgeformtes XML \(Fehler in Zeile 1, Spalte \d+\)/);
  const notSurveyJs = await post({ from: 'surveyjs', content: source('limesurvey6-l10n.lss'), version: 'x' });
  assert.deepEqual([notSurveyJs.status, notSurveyJs.json.code], [422, 'DM_SURVEYJS_INVALID']);
  const nothing = await post({ from: 'surveyjs', content: '{"elements": [{"type": "html", "name": "x"}]}', version: 'x', save: true });
  assert.deepEqual([nothing.status, nothing.json.code], [422, 'DM_INSTRUMENT_NOTHING_MAPPED']);
  assert.match(nothing.json.message, /Aus dem Anfragekörper konnte keine einzige Frage übernommen werden/);
  const unknownFormat = await post({ from: 'qualtrics', content: 'x', version: 'x' });
  assert.deepEqual([unknownFormat.status, unknownFormat.json.code, unknownFormat.json.issues[0].path], [422, 'DM_REQUEST_INVALID', ['body', 'from']]);
  const wrongType = await f.call('POST', '/api/v1/instruments/convert', { body: source('limesurvey3-inline.lss'), type: 'application/xml' });
  assert.deepEqual([wrongType.status, wrongType.json.code], [415, 'DM_UNSUPPORTED_MEDIA_TYPE']);
  const noKey = await f.call('POST', '/api/v1/instruments/convert', { body: '{}', type: 'application/json', key: null });
  assert.equal(noKey.status, 401);
  assert.equal((await f.store.instrumentVersions()).length, before);
});
