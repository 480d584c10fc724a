// `digitalmonitor apikey create|list|revoke` in-process: the key is printed once and works against the
// API (bearer), is stored only as SHA-256, and stops working once revoked; bad input has exit codes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { sha256Hex } from '../src/tasks/access-code.js';
import { createApp } from '../src/web/create-app.js';
import { request } from './api-fixture.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  await addUser(cli.store, { email: 'ana@test.example', role: 'analyst', password: 'ein-langes-test-passwort' }, 'test');
});
after(() => cli.close());

test('apikey create prints the key once; the key works as bearer; only its hash is stored; list and revoke', async () => {
  const created = await cli.run('apikey', 'create', '--email', 'ANA@test.example', '--name', 'Auswertungsskript', '--expires', '2099-12-31');
  assert.equal(created.code, 0, created.stderr);
  const key = /^(dm_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
  assert.ok(key, created.stdout);
  assert.match(created.stdout, /API-Schlüssel Nr\. \d+ „Auswertungsskript“ für „ana@test\.example“ \(Analyse\) angelegt, gültig bis 2099-12-31T23:59:59\.999Z\./);
  const snapshot = JSON.stringify(await cli.store.snapshot());
  assert.ok(!snapshot.includes(key), 'the key itself is nowhere in the database');
  assert.ok(snapshot.includes(sha256Hex(key)));
  const app = createApp({ store: cli.store, log: () => {} });
  assert.equal((await request(app, 'GET', '/api/v1/waves', {}, key)).status, 200);

  const listed = await cli.run('apikey', 'list');
  assert.match(listed.stdout, /^\d+\tAuswertungsskript\tana@test\.example\tanalyst\taktiv bis 2099-12-31T23:59:59\.999Z\tzuletzt benutzt: \d{4}-/m);
  const [record] = JSON.parse((await cli.run('apikey', 'list', '--json')).stdout);
  assert.equal(record.name, 'Auswertungsskript');
  assert.ok(!('keySha256' in record));

  const revoked = await cli.run('apikey', 'revoke', String(record.id));
  assert.equal(revoked.code, 0);
  assert.match(revoked.stdout, /widerrufen/);
  assert.equal((await request(app, 'GET', '/api/v1/waves', {}, key)).status, 401);
  assert.match((await cli.run('apikey', 'list')).stdout, /widerrufen seit/);
  const audit = (await cli.store.auditLog(2)).map((entry) => entry.action);
  assert.deepEqual(audit, ['apikey.revoke', 'apikey.create']);
});

test('apikey: unknown account 4, unknown key 4, bad expiry 3, missing --email and bad ids 2', async () => {
  const unknown = await cli.run('apikey', 'create', '--email', 'niemand@test.example');
  assert.deepEqual([unknown.code, unknown.stderr], [4, 'Fehler [DM_USER_NOT_FOUND]: Ein Konto für „niemand@test.example“ gibt es nicht.\n']);
  const past = await cli.run('apikey', 'create', '--email', 'ana@test.example', '--expires', '2001-01-01');
  assert.equal(past.code, 3);
  assert.match(past.stderr, /DM_API_KEY_INPUT.*liegt nicht in der Zukunft/);
  const garbage = await cli.run('apikey', 'create', '--email', 'ana@test.example', '--expires', 'morgen');
  assert.match(garbage.stderr, /kein gültiges Datum/);
  assert.equal((await cli.run('apikey', 'create')).code, 2);
  assert.equal((await cli.run('apikey', 'revoke', 'abc')).code, 2);
  assert.equal((await cli.run('apikey')).code, 2);
  const missing = await cli.run('apikey', 'revoke', '999999');
  assert.deepEqual([missing.code, missing.stderr], [4, 'Fehler [DM_API_KEY_NOT_FOUND]: API-Schlüssel Nr. 999999 gibt es nicht.\n']);
  const help = await cli.run('apikey', '--help');
  assert.match(help.stdout, /Authorization: Bearer/);
});
