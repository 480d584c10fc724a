// Response monitoring for analysts: the web page per wave, rates by Land and size class, the reminder
// list download (German Excel CSV) and the same list from `monitor --reminders`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analystSession } from './support/analyst-session.js';
import { memoryCli } from './support/memory-cli.js';
import { Browser, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let f: SurveyFixture;
let analyst: Browser;
before(async () => {
  f = await surveyFixture();
  await f.store.writeResponse('w', '05113000', { baseRevision: 0, answers: { fim_known: 'ja' }, actor: 'test' });
  await f.store.writeResponse('w', '05158000', { baseRevision: 0, answers: { fim_known: 'nein' }, actor: 'test', submitSha256: 'a'.repeat(64) });
  analyst = new Browser(f.app, '192.0.2.70');
  analyst.cookie = (await analystSession(f.app, f.store)).cookie;
});
after(() => f.close());

// Intl writes „33,3 %“ with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]);

test('the monitoring page lists every invited unit with status and last activity, and the rates', async () => {
  const home = await analyst.get('/verwaltung');
  assert.match(home.text, /<a href="\/verwaltung\/wellen\/w">Kommunen digital 2026<\/a>/);
  const page = await analyst.get('/verwaltung/wellen/w');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.match(plain(page.text), /Eingeladen: 3 ·\s+begonnen: 2 · abgeschickt: 1 \(33,3 %\)/);
  const rows = [...plain(page.text).matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => cells(m[1]!));
  assert.deepEqual(rows.find((r) => r[0] === 'Nordrhein-Westfalen'), ['Nordrhein-Westfalen', '3', '2', '1', '33,3 %']);
  assert.deepEqual(rows.find((r) => r[0]?.startsWith('GK 1')), ['GK 1: 400.000 Einwohner und mehr', '2', '1', '0', '0 %']);
  assert.deepEqual(rows.find((r) => r[0]?.startsWith('Landkreise GK 1')), ['Landkreise GK 1: 250.000 Einwohner und mehr', '1', '1', '1', '100 %']);
  const units = rows.filter((r) => /^\d{8}$/.test(r[0] ?? ''));
  assert.deepEqual(units.map((r) => [r[0], r[1], r[4]]), [
    ['05111000', 'Düsseldorf', 'nicht begonnen'],
    ['05113000', 'Essen', 'in Bearbeitung'],
    // One submitted response of k = 5: no link to a profile that would answer 409 (DM_PROFILE_TOO_FEW).
    ['05158000', 'Kreis Mettmann', 'abgeschickt'],
  ]);
  assert.equal(units[0]![5], '–');
  assert.match(units[1]![5] ?? '', /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  assert.equal((await analyst.get('/verwaltung/wellen/gibt-es-nicht')).status, 404);
});

test('the reminder list downloads as German Excel CSV: BOM, semicolons, CRLF, only units not submitted', async () => {
  const reply = await analyst.send('/verwaltung/wellen/w/erinnerungen.csv', { method: 'GET' });
  const bytes = new Uint8Array(await (await f.app.request('/verwaltung/wellen/w/erinnerungen.csv', { headers: { Cookie: analyst.cookie } })).arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(reply.headers.get('content-disposition'), 'attachment; filename="erinnerungen-w.csv"');
  const lines = reply.text.split('\r\n');
  assert.equal(lines[0], 'AGS;Name;Land;Größenklasse;Stand;Letzte Aktivität');
  assert.equal(lines[1], '05111000;Düsseldorf;Nordrhein-Westfalen;GK 1: 400.000 Einwohner und mehr;nicht begonnen;');
  assert.match(lines[2] ?? '', /^05113000;Essen;Nordrhein-Westfalen;GK 1: 400\.000 Einwohner und mehr;in Bearbeitung;\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  assert.deepEqual(lines.slice(3), ['']);
});

test('monitor --wave prints the rates; --reminders writes the same reminder list', async () => {
  const cli = await memoryCli();
  try {
    await cli.run('import-register', 'gemeinden.csv');
    await cli.store.replaceRegister({ actor: 't', referenceDate: '2024-12-31', populationDate: '2023-12-31', source: 't', units: await f.store.registerUnits() });
    await cli.run('wave', 'create', 'w', '--title', 'Test');
    await cli.run('wave', 'target', 'w', '--state', 'NW');
    assert.equal((await cli.run('invite', '--wave', 'w', '--out', 'briefe.csv')).code, 0);
    await cli.run('wave', 'open', 'w');
    await cli.store.writeResponse('w', '05158000', { baseRevision: 0, answers: {}, actor: 't', submitSha256: 'b'.repeat(64) });
    const monitor = await cli.run('monitor', '--wave', 'w');
    const stdout = plain(monitor.stdout);
    assert.match(stdout, /^Rücklauf nach Land: NW 1\/3 \(33,3 %\)$/m);
    assert.match(stdout, /^Rücklauf nach Größenklasse: gk1 0\/2 \(0 %\) · lk1 1\/1 \(100 %\)$/m);
    const result = await cli.run('monitor', '--wave', 'w', '--reminders', 'erinnerung.csv');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, 'Erinnerungsliste: 2 Kommune(n) ohne abgeschickte Antwort → erinnerung.csv.\n');
    const csv = cli.text('erinnerung.csv');
    assert.deepEqual([...cli.files.get('erinnerung.csv')!.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(csv.startsWith('AGS;Name;Land;'));
    assert.deepEqual(csv.split('\r\n').slice(1, -1).map((line) => line.split(';')[0]), ['05111000', '05113000']);
  } finally {
    await cli.close();
  }
});

test('the analysts’ home links what a closed wave publishes; an open wave publishes nothing yet', async () => {
  await f.store.createWave({ id: 'fertig', title: 'Abgeschlossen', instrumentVersion: '2019' });
  await f.store.setWaveStatus('fertig', 'open');
  await f.store.setWaveStatus('fertig', 'closed');
  const home = (await analyst.get('/verwaltung')).text;
  const line = (wave: string) => home.split('<li>').find((text) => text.includes(`/verwaltung/wellen/${wave}"`)) ?? '';
  assert.match(line('fertig'), /<a href="\/bericht\/fertig">Bericht<\/a>, <a href="\/ergebnisse\/fertig">Ergebnisse<\/a>, <a href="\/opendata\/fertig">offene Daten<\/a>/);
  assert.doesNotMatch(line('w'), /\/bericht\//);
});

test('responses without an invitation (an imported wave) are named on the monitoring page, outside every rate', async () => {
  await f.store.createWave({ id: 'importiert', title: 'Importiert', instrumentVersion: '2019' });
  await f.store.setWaveStatus('importiert', 'open');
  await f.store.writeResponse('importiert', '05113000', { baseRevision: 0, answers: { fim_known: 'ja' }, actor: 'test', submitSha256: 'b'.repeat(64) });
  const page = plain((await analyst.get('/verwaltung/wellen/importiert')).text);
  assert.match(page, /Eingeladen: 0 ·\s+begonnen: 0 · abgeschickt: 0/);
  assert.match(page, /Ohne Einladung eingegangen \(etwa importiert\): 1 abgeschickte Antwort; sie zählt in keiner Quote\./);
  assert.doesNotMatch(plain((await analyst.get('/verwaltung/wellen/w')).text), /Ohne Einladung/);
});
