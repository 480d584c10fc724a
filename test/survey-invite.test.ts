// Analyst side of the survey through run(argv, io): target population, invitation letters for German
// Excel, revoke and re-issue, and the return monitor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accessCodeHash, normalizeAccessCode } from '../src/tasks/access-code.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { register } from './store-suite/store-fixture.js';
import { UNITS } from './support/survey-fixture.js';

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli({ BASE_URL: 'https://umfrage.example.de' });
  await cli.store.replaceRegister(register(UNITS));
  assert.equal((await cli.run('wave', 'create', '2026', '--title', 'Kommunen digital 2026')).code, 0);
});
after(() => cli.close());

interface Row {
  readonly ags: string;
  readonly name: string;
  readonly link: string;
  readonly code: string;
}

function letters(path: string): Row[] {
  const bytes = cli.files.get(path)!;
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF only');
  const [header, ...rows] = text.trimEnd().split('\r\n');
  assert.equal(header, 'AGS;Name;Persönlicher Link;Code');
  return rows.map((line) => {
    const [ags, name, link, code] = line.split(';') as [string, string, string, string];
    return { ags, name, link, code };
  });
}

test('wave target: filters are checked and narrow the register', async () => {
  const none = await cli.run('invite', '--wave', '2026', '--out', 'x.csv');
  assert.equal(none.code, 5);
  assert.match(none.stderr, /hat noch keine Zielgruppe/);
  const bad = await cli.run('wave', 'target', '2026', '--state', 'NW,XX', '--size-class', 'gk1');
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /Land „XX“ gibt es nicht/);
  const unknownAgs = await cli.run('wave', 'target', '2026', '--ags', '05111000,09999999');
  assert.equal(unknownAgs.code, 3);
  assert.match(unknownAgs.stderr, /09999999.*fehlt im Gemeindeverzeichnis/);
  const set = await cli.run('wave', 'target', '2026', '--state', 'nw', '--unit-type', 'kreisfreie_stadt,landkreis');
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /Zielgruppe von Welle „2026“: 3 Kommunen/);
  assert.deepEqual((await cli.store.getWave('2026'))?.target, { unitTypes: ['kreisfreie_stadt', 'landkreis'], stateCodes: ['NW'] });
});

test('invite writes a mail-merge file for German Excel; codes are random, ≥ 128 bits, stored only as hashes', async () => {
  const result = await cli.run('invite', '--wave', '2026', '--out', 'briefe.csv');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /3 Einladung\(en\) ausgestellt: briefe\.csv/);
  const rows = letters('briefe.csv');
  assert.deepEqual(rows.map((row) => [row.ags, row.name]), [['05111000', 'Düsseldorf'], ['05113000', 'Essen'], ['05158000', 'Kreis Mettmann']]);
  for (const row of rows) {
    assert.match(row.code, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/, '28 Crockford symbols = 140 bits');
    assert.equal(row.link, `https://umfrage.example.de/umfrage/${row.code}`);
    const invitation = await cli.store.invitationByCode(accessCodeHash(normalizeAccessCode(row.code)!));
    assert.equal(invitation?.ags, row.ags);
  }
  assert.equal(new Set(rows.map((row) => row.code)).size, 3);
  assert.doesNotMatch(JSON.stringify(await cli.store.auditLog()), new RegExp(rows[0]!.code), 'codes are not logged');
  const again = await cli.run('invite', '--wave', '2026', '--out', 'nochmal.csv');
  assert.equal(again.code, 0);
  assert.match(again.stderr, /Keine neuen Einladungen: alle 3 Kommunen/);
  assert.equal(cli.files.has('nochmal.csv'), false, 'an empty run does not overwrite a letters file');
});

test('invite --reissue and --revoke: old codes stop working, the rest stay', async () => {
  const old = letters('briefe.csv');
  const reissued = await cli.run('invite', '--wave', '2026', '--out', 'neu.csv', '--reissue', '05113000');
  assert.equal(reissued.code, 0, reissued.stderr);
  assert.match(reissued.stderr, /1 Einladung\(en\) ausgestellt, 1 alter Code ungültig/);
  const [fresh] = letters('neu.csv');
  assert.equal(fresh?.ags, '05113000');
  const hash = (code: string) => accessCodeHash(normalizeAccessCode(code)!);
  assert.notEqual((await cli.store.invitationByCode(hash(old[1]!.code)))?.revokedAt, null);
  assert.equal((await cli.store.invitationByCode(hash(fresh!.code)))?.revokedAt, null);
  const revoked = await cli.run('invite', '--wave', '2026', '--revoke', '05111000');
  assert.equal(revoked.code, 0);
  assert.notEqual((await cli.store.invitationByCode(hash(old[0]!.code)))?.revokedAt, null);
  const missing = await cli.run('invite', '--wave', '2026', '--revoke', '05111000');
  assert.equal(missing.code, 4);
  assert.match(missing.stderr, /keine aktive Einladung/);
  const stdout = await cli.run('invite', '--wave', '2026', '--out', '-');
  assert.equal(stdout.code, 0);
  assert.match(stdout.stdout, /^\uFEFFAGS;Name;Persönlicher Link;Code\r\n05111000;Düsseldorf;https:\/\/umfrage\.example\.de\/umfrage\//);
});

test('monitor lists every invited unit with its status', async () => {
  const invitation = (await cli.store.invitations('2026')).find((i) => i.ags === '05113000' && i.revokedAt === null)!;
  assert.ok(invitation);
  await cli.store.setWaveStatus('2026', 'open');
  await cli.store.writeResponse('2026', '05113000', { baseRevision: 0, answers: { fim_known: 'ja' }, actor: 'test' });
  const result = await cli.run('monitor', '--wave', '2026');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^05111000\tDüsseldorf\tNW\tgk1\tnicht begonnen\t–$/m);
  assert.match(result.stdout, /^05113000\tEssen\tNW\tgk1\tin Bearbeitung\t\d{4}-/m);
  assert.match(result.stdout, /Eingeladen: 3 · nicht begonnen: 2 · in Bearbeitung: 1 · abgeschickt: 0/);
  const json = JSON.parse((await cli.run('monitor', '--wave', '2026', '--json')).stdout) as { status: string }[];
  assert.equal(json.length, 3);
  assert.equal((await cli.run('monitor', '--wave', 'nope')).code, 4);
});
