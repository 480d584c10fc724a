// `digitalmonitor user reset-2fa <e-mail>` through run(): the admin's way back in for a lost device.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Store } from '../src/store/store.js';
import { addUser, logIn } from '../src/tasks/analyst-accounts.js';
import { confirmTwoFactor, startTwoFactorSetup, totpCode } from '../src/tasks/two-factor.js';
import { memoryCli } from './support/memory-cli.js';

const session = await memoryCli();
const store: Store = session.store;
after(() => session.close());
const cli = (argv: string[]) => session.run(...argv);

test('user reset-2fa switches two-factor login off, deletes the recovery codes, lifts a lock; audited as cli', async () => {
  const user = await addUser(store, { email: 'bea@example.de', role: 'analyst', password: 'bea-ihr-passwort' }, 'test');
  await startTwoFactorSetup(store, user);
  const secret = (await store.twoFactorState(user.id)).totpSecret!;
  await confirmTwoFactor(store, user, totpCode(secret, new Date()), new Date());
  await store.recordLoginFailure(user.id, { maxFailures: 1, lockUntil: new Date(Date.now() + 3_600_000).toISOString() });
  await assert.rejects(logIn(store, 'bea@example.de', 'bea-ihr-passwort', new Date()), { code: 'DM_LOGIN_FAILED' });
  const result = await cli(['user', 'reset-2fa', 'Bea@Example.de']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Zwei-Faktor-Anmeldung für „bea@example.de“ zurückgesetzt: ausgeschaltet, Wiederherstellungscodes gelöscht, Sperre aufgehoben\./);
  assert.deepEqual(await store.twoFactorState(user.id), { totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedLogins: 0, lockedUntil: null, recoveryCodesLeft: 0 });
  const entry = (await store.auditLog()).find((e) => e.action === 'user.2fa_off');
  assert.deepEqual([entry?.actor, entry?.subject], ['cli', 'user:bea@example.de']);
  const { user: back } = await logIn(store, 'bea@example.de', 'bea-ihr-passwort', new Date());
  assert.equal(back.email, 'bea@example.de', 'the password alone signs in again');
});

test('user reset-2fa: an unknown account is exit 4 in German, a missing address exit 2; nothing changes', async () => {
  const before = JSON.stringify((await store.snapshot()).tables.filter((t) => t.name !== 'analyst_sessions'));
  const unknown = await cli(['user', 'reset-2fa', 'niemand@example.de']);
  assert.equal(unknown.code, 4);
  assert.match(unknown.stderr, /Ein Konto für „niemand@example.de“ gibt es nicht\./);
  const missing = await cli(['user', 'reset-2fa']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /reset-2fa <e-mail>/);
  assert.equal(JSON.stringify((await store.snapshot()).tables.filter((t) => t.name !== 'analyst_sessions')), before);
  assert.match((await cli(['user', '--help'])).stdout, /user reset-2fa <e-mail>/);
});
