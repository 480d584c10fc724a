// DIGITALMONITOR_SECRET_KEY through the login: with the key two-factor login works as before; without it
// (or with another) a wrong password stays the ordinary refusal, the right one names the key problem, and
// user reset-2fa still works.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { migrate } from '../src/store/migrate.js';
import { openSqlClient } from '../src/store/open-sql-client.js';
import { SqlStore } from '../src/store/sql-store.js';
import { secretBox } from '../src/store/totp-secret-box.js';
import { addUser, logIn } from '../src/tasks/analyst-accounts.js';
import { confirmTwoFactor, startTwoFactorSetup, totpCode } from '../src/tasks/two-factor.js';

const client = await openSqlClient({});
await migrate(client);
after(() => client.close());
const keyed = new SqlStore(client, secretBox('ein-schluessel-mit-mindestens-32-zeichen'));
const unkeyed = new SqlStore(client);
const rekeyed = new SqlStore(client, secretBox('ein-anderer-schluessel-mit-32-zeichen!!'));
const EMAIL = 'bea@example.de';
const PASSWORD = 'bea-ihr-passwort';

test('sealed two-factor login: works with the key; without or with another key only the right password learns why', async () => {
  const start = new Date('2026-12-06T10:00:00Z');
  const user = await addUser(keyed, { email: EMAIL, role: 'analyst', password: PASSWORD }, 'test');
  await startTwoFactorSetup(keyed, user);
  const secret = (await keyed.twoFactorState(user.id)).totpSecret!;
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await confirmTwoFactor(keyed, user, totpCode(secret, start), start);
  const later = new Date(start.getTime() + 60_000);
  assert.equal((await logIn(keyed, EMAIL, PASSWORD, later, totpCode(secret, later))).user.email, EMAIL);
  const again = new Date(start.getTime() + 120_000);
  for (const [store, code] of [[unkeyed, 'DM_SECRET_KEY_MISSING'], [rekeyed, 'DM_SECRET_KEY_MISMATCH']] as const) {
    await assert.rejects(logIn(store, EMAIL, 'ein-falsches-passwort', again, totpCode(secret, again)), { code: 'DM_LOGIN_FAILED' });
    await assert.rejects(logIn(store, EMAIL, PASSWORD, again, totpCode(secret, again)), { code });
  }
  await unkeyed.disableTwoFactor(EMAIL, 'cli');
  assert.equal((await logIn(unkeyed, EMAIL, PASSWORD, again)).user.email, EMAIL, 'after user reset-2fa the password alone signs in');
});
