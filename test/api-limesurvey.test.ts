// POST /api/v1/waves/{wave}/responses/limesurvey: the LimeSurvey import of the CLI as JSON ({csv, mapping}),
// all or nothing, issues with [row, LimeSurvey column] or the mapping's JSON pointer; every reply is checked
// against the OpenAPI document by the fixture's call().
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ApiFixture, apiFixture } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
  await f.store.createWave({ id: 'lime', title: 'LimeSurvey-Import', instrumentVersion: '2019' });
});
after(() => f.close());

const CSV = [
  '"id","submitdate","token","AGS","STRAT","FELDER[SQ001]","FELDER[SQ002]","ANMERK"',
  '"1","2019-06-03 10:00:00","t1","05111000","A1","Y","","Gut, danke."',
  '"2","2019-06-04 10:00:00","t2","05113000","A4","","",""',
  '"3","","t3","05158000","A1","","",""',
].join('\r\n');
const MAPPING = {
  unitColumn: 'AGS',
  answerSets: { strategie: { A1: 'vorhanden', A2: 'in_entwicklung', A3: 'geplant', A4: 'kein_thema' } },
  columns: {
    STRAT: { variable: 'strategy_status', answers: 'strategie' },
    'FELDER[SQ001]': { variable: 'strategy_fields__verwaltung' },
    'FELDER[SQ002]': { variable: 'strategy_fields__infrastruktur' },
    ANMERK: { variable: 'comments' },
  },
};
const post = (body: unknown, type = 'application/json') =>
  f.call('POST', '/api/v1/waves/lime/responses/limesurvey', { body: typeof body === 'string' ? body : JSON.stringify(body), type });

test('imports {csv, mapping}: 200 with rows, inserted, updated and skipped incomplete responses', async () => {
  const reply = await post({ csv: CSV, mapping: MAPPING });
  assert.deepEqual([reply.status, reply.json], [200, { rows: 2, inserted: 2, updated: 0, skipped: 1 }]);
  const stored = new Map((await f.store.responsesForWave('lime')).map((response) => [response.ags, response.answers]));
  assert.deepEqual(stored.get('05111000'), { strategy_status: 'vorhanden', strategy_fields__verwaltung: '1', strategy_fields__infrastruktur: '0', comments: 'Gut, danke.' });
  assert.deepEqual(stored.get('05113000'), { strategy_status: 'kein_thema' });
  const [entry] = await f.store.auditLog(1);
  assert.equal(entry?.actor, 'user:ana@test.example');
  const again = await post({ csv: CSV, mapping: MAPPING });
  assert.deepEqual(again.json, { rows: 2, inserted: 0, updated: 2, skipped: 1 });
});

test('bad rows → 422 DM_IMPORT_INVALID naming row and LimeSurvey column; nothing stored', async () => {
  const before = await f.store.responsesForWave('lime');
  const csv = CSV.replace('"A4"', '"A9"').replace('"05111000"', '"99999999"');
  const reply = await post({ csv, mapping: MAPPING });
  assert.deepEqual([reply.status, reply.json.code], [422, 'DM_IMPORT_INVALID']);
  assert.deepEqual(reply.json.issues.map((issue: { code: string; path: unknown }) => [issue.code, issue.path]), [
    ['unmapped_answer_code', [3, 'STRAT']],
    ['unknown_ags', [2, 'AGS']],
  ]);
  assert.match(reply.json.issues[0].message, /^Zeile 3, Spalte „STRAT“: Der Antwortcode „A9“/);
  assert.deepEqual(await f.store.responsesForWave('lime'), before);
});

test('a mapping naming unknown variables → 422 DM_LIMESURVEY_MAPPING_INVALID with JSON pointers; schema violations → 422 DM_REQUEST_INVALID', async () => {
  const unknown = await post({ csv: CSV, mapping: { ...MAPPING, columns: { ...MAPPING.columns, ANMERK: { variable: 'kommentar' } } } });
  assert.deepEqual([unknown.status, unknown.json.code], [422, 'DM_LIMESURVEY_MAPPING_INVALID']);
  assert.deepEqual(unknown.json.issues.map((issue: { path: unknown }) => issue.path), [['/columns/ANMERK/variable']]);
  assert.match(unknown.json.issues[0].message, /^Zuordnungsdatei, Feld „\/columns\/ANMERK\/variable“: Die Variable „kommentar“ gibt es/);
  const schema = await post({ csv: CSV, mapping: { ...MAPPING, unitColumn: '', farbe: 'blau' } });
  assert.deepEqual([schema.status, schema.json.code], [422, 'DM_REQUEST_INVALID']);
  assert.deepEqual(schema.json.issues.map((issue: { path: unknown }) => issue.path), [['body', 'mapping', 'unitColumn'], ['body', 'mapping', 'farbe']]);
  const noCsv = await post({ mapping: MAPPING });
  assert.deepEqual([noCsv.status, noCsv.json.issues[0].path], [422, ['body', 'csv']]);
});

test('wrong content type → 415, malformed JSON → 400, unknown wave → 404', async () => {
  assert.equal((await post(CSV, 'text/csv')).status, 415);
  assert.equal((await post('{"csv": ', 'application/json')).status, 400);
  const missing = await f.call('POST', '/api/v1/waves/gibtsnicht/responses/limesurvey', { body: JSON.stringify({ csv: CSV, mapping: MAPPING }), type: 'application/json' });
  assert.deepEqual([missing.status, missing.json.code], [404, 'DM_WAVE_NOT_FOUND']);
});
