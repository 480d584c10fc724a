// Conformance cases: two-factor login, recovery codes, lockout and the sessions' idle timeout (migration 008).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { SqlStore } from '../../src/store/sql-store.js';
import { secretBox } from '../../src/store/totp-secret-box.js';
import { ISO_TIMESTAMP, type OpenFixture, withStore } from './store-fixture.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const CODES = Array.from({ length: 10 }, (_, i) => sha(`code-${i}`));
const sessionKey = (n: number) => n.toString(16).padStart(64, '0');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export function twoFactorCases(open: OpenFixture): void {
  test('two-factor: off by default; a pending secret, confirmed once with its step; recovery codes as hashes only', () =>
    withStore(open, async ({ store, sql }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      assert.deepEqual(await store.twoFactorState(bea.id), { totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedLogins: 0, lockedUntil: null, recoveryCodesLeft: 0 });
      await assert.rejects(store.enableTotp(bea.id, { secret: SECRET, step: 5, recoveryCodeHashes: CODES, actor: 'user:bea@example.de' }), { code: 'DM_TWO_FACTOR_INACTIVE' });
      await store.startTotpSetup(bea.id, SECRET);
      assert.equal((await store.twoFactorState(bea.id)).totpSecret, SECRET);
      assert.equal(await store.useTotpStep(bea.id, 5), false, 'a pending secret accepts no login code');
      const other = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
      await assert.rejects(store.enableTotp(bea.id, { secret: other, step: 5, recoveryCodeHashes: CODES, actor: 'x' }), { code: 'DM_TWO_FACTOR_INACTIVE' }, 'only the pending secret');
      const cara = await store.createUser({ email: 'cara@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      for (const [n, userId] of [[1, bea.id], [2, bea.id], [3, bea.id], [4, cara.id]] as const) {
        await store.createAnalystSession({ idSha256: sessionKey(n), userId, expiresAt: inHours(8) });
      }
      await store.enableTotp(bea.id, { secret: SECRET, step: 5, recoveryCodeHashes: CODES, actor: 'user:bea@example.de', keepSessionSha256: sessionKey(2) });
      const live = async (n: number) => (await store.analystSession(sessionKey(n)))?.user.email ?? null;
      assert.deepEqual([await live(1), await live(2), await live(3), await live(4)], [null, 'bea@example.de', null, 'cara@example.de'], 'only the kept session of the account survives');
      const on = await store.twoFactorState(bea.id);
      assert.match(on.totpEnabledAt ?? '', ISO_TIMESTAMP);
      assert.deepEqual([on.totpLastStep, on.recoveryCodesLeft], [5, 10]);
      const [entry] = await store.auditLog(1);
      assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['user:bea@example.de', 'user.2fa_on', 'user:bea@example.de', { recoveryCodes: 10, endedSessions: 2 }]);
      const stored = await sql.query<{ code_sha256: string }>('SELECT code_sha256 FROM recovery_codes ORDER BY code_sha256');
      assert.deepEqual(stored.map((r) => r.code_sha256), [...CODES].sort());
      await assert.rejects(store.startTotpSetup(bea.id, other), { code: 'DM_TWO_FACTOR_ACTIVE' });
      await assert.rejects(store.startTotpSetup(bea.id, 'klein'), { code: 'DM_TWO_FACTOR_ACTIVE' });
      assert.equal((await store.twoFactorState(bea.id)).totpSecret, SECRET, 'nothing changed');
      await assert.rejects(store.twoFactorState(987_654), { code: 'DM_USER_NOT_FOUND' });
    }));

  test('two-factor with DIGITALMONITOR_SECRET_KEY: sealed at rest, bound to the account, plain ones sealed; wrong or no key refused', () =>
    withStore(open, async ({ store, sql }) => {
      const sealed = new SqlStore(sql, secretBox('k'.repeat(32)));
      const raw = async (id: number) => (await sql.query<{ s: string | null }>('SELECT totp_secret AS s FROM users WHERE id = $1', [id]))[0]?.s;
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await sealed.startTotpSetup(bea.id, SECRET);
      const stored = (await raw(bea.id))!;
      assert.match(stored, /^enc1:[A-Za-z0-9_-]{80}$/);
      assert.ok(!stored.includes(SECRET));
      assert.equal((await sealed.twoFactorState(bea.id)).totpSecret, SECRET);
      await assert.rejects(store.twoFactorState(bea.id), { code: 'DM_SECRET_KEY_MISSING' });
      await assert.rejects(new SqlStore(sql, secretBox('x'.repeat(32))).twoFactorState(bea.id), { code: 'DM_SECRET_KEY_MISMATCH' });
      const other = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
      await assert.rejects(sealed.enableTotp(bea.id, { secret: other, step: 5, recoveryCodeHashes: CODES, actor: 'x' }), { code: 'DM_TWO_FACTOR_INACTIVE' }, 'only the pending secret');
      await sealed.enableTotp(bea.id, { secret: SECRET, step: 5, recoveryCodeHashes: CODES, actor: 'user:bea@example.de' });
      assert.equal(await sealed.useTotpStep(bea.id, 6), true);
      // Copied into another account's row, the sealed secret does not open.
      const cara = await store.createUser({ email: 'cara@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await sql.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [cara.id, stored]);
      await assert.rejects(sealed.twoFactorState(cara.id), { code: 'DM_SECRET_KEY_MISMATCH' });
      // An installation without key stored plain secrets: a key seals them, and they still open.
      const dora = await store.createUser({ email: 'dora@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await store.startTotpSetup(dora.id, other);
      assert.equal(await raw(dora.id), other);
      assert.equal(await sealed.sealPlainTotpSecrets(), 1);
      assert.match((await raw(dora.id))!, /^enc1:/);
      assert.equal((await sealed.twoFactorState(dora.id)).totpSecret, other);
      assert.equal(await sealed.sealPlainTotpSecrets(), 0);
      assert.equal(await new SqlStore(sql).sealPlainTotpSecrets(), 0, 'without a key nothing is sealed');
      await store.disableTwoFactor('bea@example.de', 'cli');
      assert.equal(await raw(bea.id), null, 'reset works without the key');
    }));

  test('two-factor: a time step is used once and never an earlier one; a recovery code once; off deletes the codes', () =>
    withStore(open, async ({ store }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await store.startTotpSetup(bea.id, SECRET);
      await store.enableTotp(bea.id, { secret: SECRET, step: 100, recoveryCodeHashes: CODES, actor: 'user:bea@example.de' });
      assert.equal(await store.useTotpStep(bea.id, 100), false, 'the confirming step is used');
      assert.equal(await store.useTotpStep(bea.id, 101), true);
      assert.equal(await store.useTotpStep(bea.id, 101), false, 'replay');
      assert.equal(await store.useTotpStep(bea.id, 99), false, 'earlier step');
      const [a, b] = await Promise.all([store.useTotpStep(bea.id, 102), store.useTotpStep(bea.id, 102)]);
      assert.equal(Number(a) + Number(b), 1, 'two processes, one code: only one wins');
      assert.equal(await store.useRecoveryCode(bea.id, CODES[3]!, 'user:bea@example.de'), true);
      assert.equal(await store.useRecoveryCode(bea.id, CODES[3]!, 'user:bea@example.de'), false, 'used twice');
      assert.equal(await store.useRecoveryCode(bea.id, sha('unbekannt'), 'user:bea@example.de'), false);
      assert.equal((await store.twoFactorState(bea.id)).recoveryCodesLeft, 9);
      const [used] = await store.auditLog(1);
      assert.deepEqual([used?.action, used?.subject, used?.details], ['user.recovery_code_used', 'user:bea@example.de', { left: 9 }]);
      const off = await store.disableTwoFactor('bea@example.de', 'cli');
      assert.deepEqual(off, bea);
      assert.deepEqual(await store.twoFactorState(bea.id), { totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedLogins: 0, lockedUntil: null, recoveryCodesLeft: 0 });
      assert.equal(await store.useRecoveryCode(bea.id, CODES[4]!, 'x'), false, 'codes are gone');
      assert.deepEqual((await store.auditLog(1)).map((e) => [e.actor, e.action, e.subject]), [['cli', 'user.2fa_off', 'user:bea@example.de']]);
      await assert.rejects(store.disableTwoFactor('nobody@example.de', 'cli'), { code: 'DM_USER_NOT_FOUND' });
    }));

  test('lockout: the n-th failure in a row locks until the given time (audited, counter restarts); success clears', () =>
    withStore(open, async ({ store }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      const lockUntil = '2030-01-01T10:15:00.000Z';
      for (let i = 1; i <= 2; i++) assert.deepEqual(await store.recordLoginFailure(bea.id, { maxFailures: 3, lockUntil }), { locked: false });
      assert.equal((await store.twoFactorState(bea.id)).failedLogins, 2);
      await store.clearLoginFailures(bea.id);
      assert.equal((await store.twoFactorState(bea.id)).failedLogins, 0, 'a success restarts the count');
      for (let i = 1; i <= 2; i++) await store.recordLoginFailure(bea.id, { maxFailures: 3, lockUntil });
      assert.deepEqual(await store.recordLoginFailure(bea.id, { maxFailures: 3, lockUntil }), { locked: true });
      assert.deepEqual(await store.twoFactorState(bea.id), { totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedLogins: 0, lockedUntil: lockUntil, recoveryCodesLeft: 0 });
      const [entry] = await store.auditLog(1);
      assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['system', 'user.locked', 'user:bea@example.de', { until: lockUntil, failures: 3 }]);
      await store.disableTwoFactor('bea@example.de', 'cli');
      assert.equal((await store.twoFactorState(bea.id)).lockedUntil, null, 'reset-2fa lifts the lock');
    }));

  test('sessions: an idle session ends after the idle minutes even before its absolute expiry; each use counts (recorded at most once a minute)', () =>
    withStore(open, async ({ store, sql }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await store.createAnalystSession({ idSha256: sessionKey(1), userId: bea.id, expiresAt: inHours(12) });
      await store.createAnalystSession({ idSha256: sessionKey(2), userId: bea.id, expiresAt: inHours(12) });
      await sql.query(`UPDATE analyst_sessions SET last_seen_at = now() - interval '119 minutes'`);
      assert.equal((await store.analystSession(sessionKey(1), 120))?.user.email, 'bea@example.de', 'used within the limit; now used again');
      await sql.query(`UPDATE analyst_sessions SET last_seen_at = last_seen_at - interval '2 minutes' WHERE id_sha256 = $1`, [sessionKey(2)]);
      assert.equal(await store.analystSession(sessionKey(2), 120), null, 'idle for 121 minutes');
      assert.equal(await store.analystSession(sessionKey(2)), null, 'default idle limit 120 minutes');
      await sql.query(`UPDATE analyst_sessions SET last_seen_at = last_seen_at - interval '100 minutes' WHERE id_sha256 = $1`, [sessionKey(1)]);
      assert.equal((await store.analystSession(sessionKey(1), 120))?.user.email, 'bea@example.de', 'the last use was recorded');
      await sql.query(`UPDATE analyst_sessions SET last_seen_at = now() - interval '30 seconds' WHERE id_sha256 = $1`, [sessionKey(1)]);
      const [before] = await sql.query<{ at: string }>(`SELECT last_seen_at::text AS at FROM analyst_sessions WHERE id_sha256 = $1`, [sessionKey(1)]);
      assert.ok(await store.analystSession(sessionKey(1), 120));
      const [after] = await sql.query<{ at: string }>(`SELECT last_seen_at::text AS at FROM analyst_sessions WHERE id_sha256 = $1`, [sessionKey(1)]);
      assert.equal(after?.at, before?.at, 'a use within the minute after the last recorded one writes nothing');
    }));
}
