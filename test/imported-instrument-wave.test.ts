// A wave on an imported questionnaire version, end to end (issue 9): version "2023-kurz" renames a
// question (respondent_role → respondent_function), merges options (training), adds two questions (ki_einsatz
// and, shown only after "ja", ki_bereiche) and leaves out community_support and broadband_grade with their
// derived variables. Imported with the CLI, a wave on it is created, answered on the web form, filled by
// CSV import, analysed, exported, compared with 2019-demo, reported and profiled.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import type { TrendDocument } from '../src/analysis/trend/trend-document.js';
import type { InvitationLetter } from '../src/formats/invitation-letters-csv.js';
import { formatResponsesCsv } from '../src/formats/responses-csv.js';
import { flatVariables } from '../src/instrument/flat-variables.js';
import { resolveComparability, translateResponse } from '../src/instrument/comparability.js';
import type { InstrumentVersion } from '../src/instrument/instrument-file.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { createApiKey } from '../src/tasks/api-keys.js';
import { inviteUnits } from '../src/tasks/invitations.js';
import { createApp } from '../src/web/create-app.js';
import { tokenBucket } from '../src/web/rate-limit.js';
import { request } from './api-fixture.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { Browser, ORIGIN, revisionIn } from './support/survey-fixture.js';
import { assertValidResults } from './support/validate-results.js';

const FIXTURE = readFileSync(new URL('./fixtures/instruments/wave-2023-kurz.json', import.meta.url));
const VERSION = '2023-kurz';

let cli: MemoryCli;
let app: Hono;
let version: InstrumentVersion;
/** Real register units that answer the new wave on the web form (the CSV import brings 2019-demo's units). */
let webAgs: string[];
const letters = new Map<string, InvitationLetter>();

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  cli.files.set('kurz.json', new Uint8Array(FIXTURE));
  const imported = await cli.run('instrument', 'import', 'kurz.json');
  assert.equal(imported.code, 0, imported.stderr);
  version = (await cli.store.instrumentVersion(VERSION))!.document as InstrumentVersion;
  const created = await cli.run('wave', 'create', 'kurz', '--title', 'Kommunen digital 2023', '--instrument', VERSION);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Welle „kurz“ angelegt \(Entwurf, Fragebogen 2023-kurz\)/);
  webAgs = (await cli.store.registerUnits()).filter((unit) => !unit.synthetic).slice(0, 2).map((unit) => unit.ags);
  assert.equal((await cli.run('wave', 'target', 'kurz', '--ags', webAgs.join(','))).code, 0);
  assert.equal((await cli.run('wave', 'open', 'kurz')).code, 0);
  await inviteUnits(cli.store, { waveId: 'kurz', baseUrl: ORIGIN, reissue: 'new', actor: 'test' }, async (issued) => {
    for (const letter of issued) letters.set(letter.ags, letter);
  });
  app = createApp({ store: cli.store, log: () => {}, baseUrl: ORIGIN, codeAttempts: tokenBucket(1_000, 60_000) });
});
after(() => cli.close());

test('wave create: an imported version is accepted, an unknown one is DM_INSTRUMENT_NOT_FOUND', async () => {
  assert.equal((await cli.store.getWave('kurz'))?.instrumentVersion, VERSION);
  const unknown = await cli.run('wave', 'create', 'x', '--title', 'X', '--instrument', '2099');
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /2099/);
  assert.equal(await cli.store.getWave('x'), null);
  await addUser(cli.store, { email: 'ana@test.example', role: 'analyst', password: 'ein-langes-test-passwort' }, 'test');
  const key = (await createApiKey(cli.store, { email: 'ana@test.example', name: 'Skript' }, 'test')).key;
  const post = (body: unknown) => request(app, 'POST', '/api/v1/waves', { body: JSON.stringify(body), type: 'application/json' }, key);
  const api = await post({ id: 'api-kurz', title: 'Über die API', instrumentVersion: VERSION });
  assert.equal(api.status, 201, api.text);
  assert.equal(api.json.instrumentVersion, VERSION);
  const missing = await post({ id: 'api-x', title: 'X', instrumentVersion: '2099' });
  assert.deepEqual([missing.status, missing.json.code], [404, 'DM_INSTRUMENT_NOT_FOUND']);
  assert.equal((await cli.run('wave', 'create', 'kurz2', '--title', 'X', '--instrument', '2099')).code, 4);
});

/** Posts `fields` on page `n` until no further questions appear; returns the final reply and the last page seen. */
async function answerPage(browser: Browser, n: number, fields: readonly (readonly [string, string])[]) {
  const seen: string[] = [];
  for (let round = 0; round < 4; round += 1) {
    const page = await browser.get(`/umfrage/seite/${n}`);
    assert.equal(page.status, 200, page.text);
    seen.push(page.text);
    const shown = fields.filter(([name]) => page.text.includes(`name="${name}"`));
    const reply = await browser.post(`/umfrage/seite/${n}`, [['revision', revisionIn(page.text)], ['aktion', 'weiter'], ...shown]);
    if (reply.headers.get('location') !== `/umfrage/seite/${n}?neu=1#inhalt`) return { reply, seen };
  }
  assert.fail(`page ${n} keeps growing`);
}

test('web form: the version\'s pages and questions, routing to the new follow-up question, submission', async () => {
  const pages = version.sections.length;
  assert.equal(pages, 8);
  const browser = new Browser(app);
  assert.equal((await browser.signIn(letters.get(webAgs[0]!)!)).status, 303);
  const start = await browser.get('/umfrage');
  assert.match(start.text, new RegExp(`Der Fragebogen hat ${pages} Seiten`));
  assert.doesNotMatch(start.text, /Örtliche Gemeinschaft/);
  const first = await browser.get('/umfrage/seite/1');
  assert.match(first.text, /name="respondent_function"/);
  assert.doesNotMatch(first.text, /respondent_role/);
  const daten = version.sections.findIndex((section) => section.id === 'daten') + 1;
  const before = await browser.get(`/umfrage/seite/${daten}`);
  assert.match(before.text, /Setzen Sie Künstliche Intelligenz in der Verwaltung ein\?/);
  assert.doesNotMatch(before.text, /ki_bereiche/, 'the follow-up is asked only after "ja"');
  const { reply, seen } = await answerPage(browser, daten, [['ki_einsatz', 'ja'], ['ki_bereiche__chatbot', '1']]);
  assert.equal(reply.status, 303, reply.text);
  assert.ok(seen.some((page) => page.includes('name="ki_bereiche__chatbot"')), 'shown after "ja"');
  const training = version.sections.findIndex((section) => section.id === 'kompetenzen') + 1;
  assert.equal((await answerPage(browser, training, [['training__trends', 'nicht_angeboten']])).reply.status, 303);
  const stored = (await cli.store.responseFor('kurz', webAgs[0]!))!.answers;
  assert.equal(stored.ki_einsatz, 'ja');
  assert.equal(stored.ki_bereiche__chatbot, '1');
  assert.equal(stored.ki_bereiche__dokumente, '0');
  assert.equal(stored.training__trends, 'nicht_angeboten');

  const review = await browser.get('/umfrage/pruefen');
  assert.equal(review.status, 200);
  assert.match(review.text, /Chatbot im Bürgerservice/);
  assert.match(review.text, /Wird nicht angeboten \(auch nicht geplant\)/);
  const submitted = await browser.post('/umfrage/abschicken', { revision: revisionIn(review.text) });
  assert.equal(submitted.status, 303, submitted.text);
  assert.equal((await cli.store.responseFor('kurz', webAgs[0]!))?.status, 'submitted');

  const other = new Browser(app);
  await other.signIn(letters.get(webAgs[1]!)!);
  const no = await answerPage(other, daten, [['ki_einsatz', 'nein'], ['ki_bereiche__chatbot', '1']]);
  assert.equal(no.reply.status, 303);
  assert.ok(no.seen.every((page) => !page.includes('ki_bereiche')), 'not asked after "nein"');
  const answers = (await cli.store.responseFor('kurz', webAgs[1]!))!.answers;
  assert.equal(answers.ki_einsatz, 'nein');
  assert.equal(answers.ki_bereiche__chatbot, undefined);
  const sneaky = await other.post(`/umfrage/seite/${daten}`, {
    revision: revisionIn((await other.get(`/umfrage/seite/${daten}`)).text),
    ki_einsatz: 'nein',
    ki_bereiche__chatbot: '1',
  });
  assert.equal(sneaky.status, 400, 'a field of a question not shown is refused');
});

/** 2019-demo's answers rewritten to the new version, plus answers to the new questions. */
async function demoCsv(): Promise<string> {
  const mapping = resolveComparability(instrument2019, version);
  const demo = (await cli.store.responsesForWave('2019-demo')).filter((r) => r.status === 'submitted');
  const rows = demo.map((r, i) => {
    const answers: Record<string, string> = { ...translateResponse(r.answers, version, mapping) } as Record<string, string>;
    answers['ki_einsatz'] = i % 3 === 0 ? 'ja' : 'nein';
    if (i % 3 === 0) Object.assign(answers, { ki_bereiche__chatbot: '1', ki_bereiche__dokumente: String(i % 2), ki_bereiche__sonstige: '0' });
    return { ags: r.ags, answers };
  });
  return formatResponsesCsv(version, rows);
}

test('import-responses reads the version\'s flat variables; a 2019 column is refused with row and column', async () => {
  const csv = await demoCsv();
  const header = csv.split('\n')[0]!;
  assert.match(header, /respondent_function/);
  assert.match(header, /ki_bereiche__chatbot/);
  assert.doesNotMatch(header, /community_support|broadband_grade|respondent_role/);
  const wrong = csv.replace('respondent_function', 'respondent_role');
  cli.files.set('wrong.csv', new TextEncoder().encode(wrong));
  const refused = await cli.run('import-responses', 'wrong.csv', '--wave', 'kurz');
  assert.equal(refused.code, 3);
  assert.match(refused.stderr, /respondent_role/);
  cli.files.set('kurz.csv', new TextEncoder().encode(csv));
  const result = await cli.run('import-responses', 'kurz.csv', '--wave', 'kurz');
  assert.equal(result.code, 0, result.stderr);
  const stored = await cli.store.responsesForWave('kurz');
  assert.ok(stored.filter((r) => r.status === 'submitted').length > 300);
  assert.ok(stored.some((r) => r.answers['ki_bereiche__chatbot'] === '1'));
});

test('analyze --json: valid results document over the version\'s variables and the derived ones it keeps', async () => {
  const result = await cli.run('analyze', '--wave', 'kurz', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  const doc = JSON.parse(result.stdout) as ResultsDocument;
  const variables = new Set(doc.tables.map((table) => table.variable));
  for (const name of ['ki_einsatz', 'ki_bereiche__chatbot', 'respondent_function', 'training__trends', 'vg_egov', 'chefsache']) assert.ok(variables.has(name), name);
  for (const name of ['community_count', 'vg_community', 'broadband_good', 'broadband_grade', 'respondent_role']) assert.ok(!variables.has(name), name);
  const groupings = new Set(doc.tables.map((table) => table.by));
  assert.ok(groupings.has('vg_egov') && groupings.has('size_class'));
  assert.ok(!groupings.has('vg_community'), 'no grouping the version does not derive');
  const chatbot = doc.tables.find((table) => table.variable === 'ki_bereiche__chatbot' && table.by === 'all')!;
  const ki = doc.tables.find((table) => table.variable === 'ki_einsatz' && table.by === 'all')!;
  const yes = ki.cells.find((cell) => cell.value === 'ja')!;
  const byMissing = await cli.run('analyze', '--wave', 'kurz', '--by', 'vg_community', '--json');
  assert.notEqual(byMissing.code, 0, 'a grouping the version does not derive is refused');
  assert.match(byMissing.stderr, /vg_community/);
  const weighted = await cli.run('analyze', '--wave', 'kurz', '--weighted', '--json');
  assert.equal(weighted.code, 0, weighted.stderr);
  assertValidResults(weighted.stdout);
  assert.equal(chatbot.cells.reduce((sum, cell) => sum + ('n' in cell ? cell.n : 0), 0), 'n' in yes ? yes.n : -1, 'the follow-up is based on those who said "ja"');
});

test('export: flat CSV with the version\'s columns, codebook with its questions', async () => {
  const csv = await cli.run('export', '--wave', 'kurz', '--format', 'csv', '--out', '-');
  assert.equal(csv.code, 0, csv.stderr);
  const header = csv.stdout.split(/\r?\n/)[0]!;
  assert.match(header, /^ags,respondent_function,/);
  assert.match(header, /ki_einsatz,ki_bereiche__chatbot/);
  assert.doesNotMatch(header, /community_support/);
  const codebook = await cli.run('export', '--wave', 'kurz', '--format', 'codebook', '--out', 'codebuch');
  assert.equal(codebook.code, 0, codebook.stderr);
  const entries = JSON.parse(cli.text('codebuch/codebuch.json')) as unknown;
  const text = JSON.stringify(entries);
  assert.match(text, /In welchen Bereichen setzen Sie Künstliche Intelligenz ein\?/);
  assert.doesNotMatch(text, /community_count/);
});

test('analyze --waves 2019-demo,kurz: compared through the version\'s mapping, new questions left out with the reason', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,kurz', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  const doc = JSON.parse(result.stdout) as TrendDocument;
  assert.deepEqual(doc.waves.map((wave) => wave.instrument), ['2019', VERSION]);
  const left = new Map(doc.not_comparable.map((entry) => [entry.variable, entry.reason]));
  assert.equal(left.get('ki_einsatz'), 'neue Frage 2023');
  assert.ok(doc.trends.some((trend) => trend.variable === 'respondent_function' && trend.by === 'all'));
  assert.ok(doc.trends.some((trend) => trend.variable === 'training__trends'));
  assert.ok(!doc.trends.some((trend) => trend.variable.startsWith('ki_') || trend.variable === 'vg_community'));
  const byMissing = await cli.run('analyze', '--waves', '2019-demo,kurz', '--by', 'vg_community', '--json');
  assert.equal(byMissing.code, 3, 'a comparison group the last version does not derive is refused, not dropped');
  assert.match(byMissing.stderr, /vg_community/);
});

test('report: statements and figures on questions the version lacks are left out and said so once', async () => {
  assert.equal((await cli.run('wave', 'close', 'kurz')).code, 0);
  const html = await cli.run('report', '--wave', 'kurz', '--format', 'html', '--out', '-');
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /Kommunen digital 2023/);
  assert.match(html.stdout, /<p data-note="not-asked">Der Fragebogen dieser Welle enthält nicht alle Fragen/);
  assert.doesNotMatch(html.stdout, /unterstützen kein Digitalisierungsangebot/, 'no headline on community_support');
  assert.doesNotMatch(html.stdout, /nicht ausgewiesen \(zu wenige Antworten\)/, 'nothing missing is passed off as too few answers');
  assert.match(html.stdout, /Diese Abbildung entfällt: Der Fragebogen dieser Welle enthält die Fragen dazu nicht[^<]*<\/p>\n<figcaption>Abb\. 10: /);
  assert.match(html.stdout, /<p data-statement="strategy_shares">/);
  const json = await cli.run('report', '--wave', 'kurz', '--format', 'json', '--out', '-');
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { statements: { id: string }[]; figures: { number: number; notAsked?: true; rows: { label: string }[] }[] };
  const ids = report.statements.map((statement) => statement.id);
  assert.ok(ids.includes('strategy_shares') && ids.includes('fiber_engaged'));
  assert.ok(!ids.includes('community_offers') && !ids.includes('broadband_grades') && !ids.includes('training_developing'), ids.join());
  const figure = (n: number) => report.figures.find((f) => f.number === n)!;
  assert.equal(figure(10).notAsked, true);
  assert.equal(figure(10).rows.length, 0);
  assert.equal(figure(5).notAsked, true, 'vg_community is not derived');
  assert.ok(figure(5).rows.length > 0, 'vg_egov by strategy stays');
  assert.equal(figure(1).notAsked, undefined);
  const explorer = await app.request('/ergebnisse/kurz?variable=ki_einsatz&by=vg_egov');
  assert.equal(explorer.status, 200);
  const page = await explorer.text();
  assert.match(page, /Setzen Sie Künstliche Intelligenz/);
  assert.doesNotMatch(page, /value="vg_community"/, 'no comparison group the version does not derive');
  assert.equal((await app.request('/ergebnisse/kurz?variable=ki_einsatz&by=vg_community')).status, 400);
});

test('Digitalprofil: areas the version does not ask are reported as not asked; history from 2019-demo', async () => {
  const ags = (await cli.store.responsesForWave('2019-demo'))[0]!.ags;
  const result = await cli.run('profile', '--wave', 'kurz', '--ags', ags, '--format', 'json', '--out', '-');
  assert.equal(result.code, 0, result.stderr);
  const profile = JSON.parse(result.stdout) as {
    scoring: string;
    scores: { id: string; score: number | null; coverage: number; notInInstrument?: boolean; items: unknown[] }[];
    memberships: { id: string }[];
    history: { waveId: string; changes: { id: string; previous: number | null }[] } | null;
  };
  assert.equal(profile.scoring, `digitalprofil-2019-1:${VERSION}`);
  const area = (id: string) => profile.scores.find((score) => score.id === id)!;
  assert.deepEqual(area('oertliche_gemeinschaft'), { id: 'oertliche_gemeinschaft', label: 'Örtliche Gemeinschaft', score: null, coverage: 0, items: [], notInInstrument: true });
  assert.equal(area('kompetenzen').notInInstrument, true, 'training\'s options were merged: the 2019 points do not apply');
  const fiber = version.sections.flatMap((section) => section.questions).find((question) => question.id === 'fiber')!;
  assert.ok('items' in fiber);
  assert.equal(area('infrastruktur').items.length, fiber.items.length, 'fiber without broadband_grade');
  assert.equal(area('e_government').notInInstrument, undefined);
  assert.ok(area('e_government').coverage > 0);
  assert.deepEqual(profile.memberships.map((m) => m.id).sort(), ['vg_egov', 'vg_strategy']);
  const latest = (await cli.store.responseFor('2021-demo', ags))?.status === 'submitted' ? '2021-demo' : '2019-demo';
  assert.equal(profile.history?.waveId, latest, 'the latest earlier wave (version 2019), scored with the same items');
  const change = (id: string) => profile.history!.changes.find((c) => c.id === id)!;
  assert.equal(typeof change('e_government').previous, 'number');
  assert.equal(change('oertliche_gemeinschaft').previous, null);
  const page = await cli.run('profile', '--wave', 'kurz', '--ags', ags, '--format', 'html', '--out', '-');
  assert.equal(page.code, 0, page.stderr);
  assert.match(page.stdout, /Örtliche Gemeinschaft<\/th><td colspan="\d">in diesem Fragebogen nicht erhoben/);
});

test('a version with only the e-government questions: analysis, report and profile still build, honestly', async () => {
  const document = JSON.parse(FIXTURE.toString('utf8')) as Record<string, any>;
  const mini = {
    ...document,
    id: 'kommunen-digital-mini',
    version: 'mini',
    title: 'Nur E-Government',
    sections: (document.sections as { id: string }[]).filter((section) => section.id === 'e_government'),
    derived: ['egov_count', 'egov_band', 'vg_egov'],
    comparability: undefined,
  };
  cli.files.set('mini.json', new TextEncoder().encode(JSON.stringify(mini)));
  const imported = await cli.run('instrument', 'import', 'mini.json');
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal((await cli.run('wave', 'create', 'mini', '--title', 'Mini', '--instrument', 'mini')).code, 0);
  const instrument = (await cli.store.instrumentVersion('mini'))!.document as InstrumentVersion;
  const names = flatVariables(instrument).map((variable) => variable.name);
  const rows = (await cli.store.responsesForWave('2019-demo')).map((r) => ({ ags: r.ags, answers: Object.fromEntries(names.flatMap((name) => (r.answers[name] === undefined ? [] : [[name, r.answers[name]!]]))) }));
  cli.files.set('mini.csv', new TextEncoder().encode(formatResponsesCsv(instrument, rows)));
  assert.equal((await cli.run('import-responses', 'mini.csv', '--wave', 'mini')).code, 0);
  const analysed = await cli.run('analyze', '--wave', 'mini', '--json');
  assert.equal(analysed.code, 0, analysed.stderr);
  assertValidResults(analysed.stdout);
  assert.deepEqual([...new Set((JSON.parse(analysed.stdout) as ResultsDocument).tables.map((table) => table.by))].sort(), ['all', 'size_class', 'state', 'unit_type', 'vg_egov']);
  assert.equal((await cli.run('wave', 'open', 'mini')).code, 0);
  assert.equal((await cli.run('wave', 'close', 'mini')).code, 0);
  const report = await cli.run('report', '--wave', 'mini', '--format', 'html', '--out', '-');
  assert.equal(report.code, 0, report.stderr);
  assert.match(report.stdout, /data-statement="egov_components"/);
  assert.doesNotMatch(report.stdout, /data-statement="strategy_shares"|nicht ausgewiesen \(zu wenige Antworten\)/);
  assert.match(report.stdout, /<caption>Stichprobe und Gemeindeverzeichnis nach Bundesland<\/caption>.*<tbody><tr>/s, 'the sample tables without vg_strategy');
  const ags = rows[0]!.ags;
  const profile = await cli.run('profile', '--wave', 'mini', '--ags', ags, '--format', 'json', '--out', '-');
  assert.equal(profile.code, 0, profile.stderr);
  const scores = (JSON.parse(profile.stdout) as { scores: { id: string; score: number | null; notInInstrument?: true }[] }).scores;
  assert.deepEqual(scores.filter((area) => !area.notInInstrument).map((area) => area.id), ['e_government', 'gesamt']);
  assert.equal(scores.find((area) => area.id === 'gesamt')!.score, scores.find((area) => area.id === 'e_government')!.score);
  assert.equal((await cli.run('profile', '--wave', 'mini', '--ags', ags, '--format', 'html', '--out', '-')).code, 0);
});
