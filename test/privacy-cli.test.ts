// privacy export / delete-contact / retention / purge through the CLI on the demo database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { UnitRecord } from '../src/store/store.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
let withContact: string;

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const responses = await cli.store.responsesForWave('2019-demo');
  withContact = responses.find((response) => response.answers.contact_email)!.ags;
});
after(() => cli.close());

test('a profile that shows peers’ contact addresses audits the read, naming the peers', async () => {
  const consenting = (await cli.store.responsesForWave('2019-demo')).filter((response) => response.answers.peer_exchange === 'ja');
  for (const { ags } of consenting) {
    const result = await cli.run('profile', '--wave', '2019-demo', '--ags', ags, '--format', 'json', '--out', '-');
    assert.equal(result.code, 0, result.stderr);
    const shown = (JSON.parse(result.stdout) as { peers: { list: { ags: string; contact: string | null }[] } }).peers.list.filter((peer) => peer.contact !== null);
    if (shown.length === 0) continue;
    const [entry] = await cli.store.auditLog(1);
    assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['cli', 'privacy.read', `2019-demo/${ags}`, { contacts: shown.map((peer) => peer.ags) }]);
    return;
  }
  assert.fail('no demo profile shows a contact');
});

test('privacy export: the whole record of one unit, audited as a read', async () => {
  const result = await cli.run('privacy', 'export', '--ags', withContact, '--out', 'auskunft.json');
  assert.equal(result.code, 0, result.stderr);
  const record = JSON.parse(cli.text('auskunft.json')) as UnitRecord;
  assert.equal(record.unit?.ags, withContact);
  assert.ok(record.responses[0]?.answers.contact_email);
  assert.equal((await cli.store.auditLog(1))[0]?.action, 'privacy.read');
  assert.equal((await cli.run('privacy', 'export', '--ags', '01')).code, 2);
  const unknown = await cli.run('privacy', 'export', '--ags', '01099999');
  assert.equal(unknown.code, 4);
  assert.match(unknown.stderr, /Nicht gefunden: Gemeindeschlüssel 01099999/);
});

test('privacy delete-contact: the unit’s contact is gone from the answers and the export', async () => {
  const result = await cli.run('privacy', 'delete-contact', '--wave', '2019-demo', '--ags', withContact);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /gelöscht/);
  const record = JSON.parse((await cli.run('privacy', 'export', '--ags', withContact)).stdout) as UnitRecord;
  assert.equal(record.responses[0]?.answers.contact_email, undefined);
  assert.match((await cli.run('privacy', 'delete-contact', '--wave', '2019-demo', '--ags', withContact)).stderr, /Keine Kontaktangaben/);
  assert.equal((await cli.run('privacy', 'delete-contact', '--wave', 'nope', '--ags', withContact)).code, 4);
});

test('privacy retention + purge: a closed wave past its period loses every contact, once; analysis is unchanged', async () => {
  const before = (await cli.run('analyze', '--wave', '2019-demo', '--json')).stdout;
  assert.equal((await cli.run('privacy', 'retention', '2019-demo', '--days', '5000')).code, 2);
  assert.equal((await cli.run('privacy', 'purge')).stderr, 'Keine Frist abgelaufen; nichts gelöscht.\n');
  assert.equal((await cli.run('wave', 'open', '2019-demo')).code, 0);
  assert.equal((await cli.run('wave', 'close', '2019-demo')).code, 0);
  assert.equal((await cli.run('privacy', 'retention', '2019-demo', '--days', '0')).code, 0);
  const purge = await cli.run('privacy', 'purge');
  assert.match(purge.stderr, /Welle „2019-demo“: Kontaktangaben in \d+ Antworten gelöscht/);
  assert.ok((await cli.store.responsesForWave('2019-demo')).every((response) => response.answers.contact_email === undefined));
  assert.equal((await cli.run('privacy', 'purge')).stderr, 'Keine Frist abgelaufen; nichts gelöscht.\n', 'once per wave');
  assert.equal((await cli.run('analyze', '--wave', '2019-demo', '--json')).stdout, before);
  assert.equal((await cli.run('privacy')).code, 2);
});

test('an internal export (with contact data) is audited as a read of personal data; a plain one is not', async () => {
  const before = (await cli.store.auditLog()).length;
  assert.equal((await cli.run('export', '--wave', '2019-demo', '--format', 'csv', '--out', 'plain.csv')).code, 0);
  assert.equal((await cli.store.auditLog()).length, before);
  assert.equal((await cli.run('export', '--wave', '2019-demo', '--format', 'csv-excel', '--intern', '--out', 'intern.csv')).code, 0);
  const [entry] = await cli.store.auditLog(1);
  assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['cli', 'privacy.read', '2019-demo', { export: 'csv-excel' }]);
});
