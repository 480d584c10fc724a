// `digitalmonitor user …` through run(): password from standard input or prompted twice on a terminal.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { logIn } from '../src/tasks/analyst-accounts.js';
import { type CliInput, memoryCli } from './support/memory-cli.js';

const session = await memoryCli();
const { store } = session;
after(() => session.close());
const cli = (argv: string[], input: CliInput = {}) => session.runWith(input, ...argv);

test('user add --admin reads the password from stdin; the account can sign in; the hash is Argon2id', async () => {
  const result = await cli(['user', 'add', '--admin', 'Chefin@Example.de'], { stdin: 'ein sehr geheimes Passwort\nzweite Zeile\n' });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'Konto „chefin@example.de“ (Administration) angelegt.\n');
  assert.match((await store.userByEmail('chefin@example.de'))?.passwordHash ?? '', /^\$argon2id\$/);
  const { user } = await logIn(store, 'chefin@example.de', 'ein sehr geheimes Passwort', new Date());
  assert.equal(user.role, 'admin');
  assert.equal((await store.auditLog()).find((e) => e.action === 'user.add')?.actor, 'cli');
});

test('on a terminal the password is asked twice; a mismatch creates nothing', async () => {
  const ok = await cli(['user', 'add', '--analyst', 'ana@example.de'], { tty: ['lang-genug-passwort', 'lang-genug-passwort'] });
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(ok.prompts, ['Passwort (mindestens 12 Zeichen): ', 'Passwort wiederholen: ']);
  const mismatch = await cli(['user', 'add', '--analyst', 'ben@example.de'], { tty: ['lang-genug-passwort', 'anders-passwort!'] });
  assert.equal(mismatch.code, 3);
  assert.match(mismatch.stderr, /^Fehler \[DM_PASSWORD_INVALID\]: Passwort ungültig: die beiden Eingaben stimmen nicht überein\.\n$/);
  assert.equal(await store.userByEmail('ben@example.de'), null);
});

test('bad calls: short password, bad address, duplicate, no or two roles — German, coded, nothing created', async () => {
  const cases: [string[], string, number, RegExp][] = [
    [['user', 'add', '--analyst', 'kurz@example.de'], 'kurz\n', 3, /Passwort ungültig: mindestens 12 Zeichen \(es waren 4\)/],
    [['user', 'add', '--analyst', 'keine-adresse'], 'lang-genug-passwort\n', 3, /„keine-adresse“ ist keine gültige E-Mail-Adresse/],
    [['user', 'add', '--analyst', 'ANA@example.de'], 'lang-genug-passwort\n', 5, /Ein Konto für „ana@example.de“ gibt es bereits/],
    [['user', 'add', 'x@example.de'], 'lang-genug-passwort\n', 2, /genau eine Rolle/],
    [['user', 'add', '--admin', '--analyst', 'x@example.de'], 'lang-genug-passwort\n', 2, /genau eine Rolle/],
    [['user', 'frobnicate'], '', 2, /user braucht add, list, disable/],
    [['user', 'disable', 'niemand@example.de'], '', 4, /Ein Konto für „niemand@example.de“ gibt es nicht/],
  ];
  const before = (await store.listUsers()).length;
  for (const [argv, stdin, code, message] of cases) {
    const result = await cli(argv, { stdin });
    assert.equal(result.code, code, argv.join(' '));
    assert.match(result.stderr, message);
  }
  assert.equal((await store.listUsers()).length, before);
});

test('user list and user disable: a disabled account can no longer sign in', async () => {
  const list = await cli(['user', 'list']);
  assert.match(list.stdout, /^ana@example.de\tanalyst\taktiv$/m);
  assert.match(list.stdout, /^chefin@example.de\tadmin\taktiv$/m);
  const disabled = await cli(['user', 'disable', 'Ana@example.de']);
  assert.equal(disabled.code, 0, disabled.stderr);
  assert.match((await cli(['user', 'list'])).stdout, /^ana@example.de\tanalyst\tgesperrt seit \d{4}-/m);
  await assert.rejects(logIn(store, 'ana@example.de', 'lang-genug-passwort', new Date()), { code: 'DM_LOGIN_FAILED' });
  const json = JSON.parse((await cli(['user', 'list', '--json'])).stdout) as { email: string; passwordHash?: string }[];
  assert.deepEqual(json.map((u) => u.email), ['ana@example.de', 'chefin@example.de']);
  assert.ok(json.every((u) => u.passwordHash === undefined));
});
