// Conformance cases: analyst accounts and their sessions (migration 003).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISO_TIMESTAMP, type OpenFixture, withStore } from './store-fixture.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const sessionKey = (n: number) => n.toString(16).padStart(64, '0');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export function accountCases(open: OpenFixture): void {
  test('accounts: created, found by e-mail with the hash, listed by e-mail without it; audited', () =>
    withStore(open, async ({ store }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await store.createUser({ email: 'ada@example.de', role: 'admin', passwordHash: HASH }, 'cli');
      assert.equal(typeof bea.id, 'number');
      assert.match(bea.createdAt, ISO_TIMESTAMP);
      assert.deepEqual({ ...bea, id: 0, createdAt: '' }, { id: 0, email: 'bea@example.de', role: 'analyst', createdAt: '', disabledAt: null });
      assert.deepEqual((await store.userByEmail('bea@example.de'))?.passwordHash, HASH);
      assert.equal(await store.userByEmail('nobody@example.de'), null);
      const users = await store.listUsers();
      assert.deepEqual(users.map((u) => [u.email, u.role]), [['ada@example.de', 'admin'], ['bea@example.de', 'analyst']]);
      assert.ok(users.every((u) => !('passwordHash' in u)));
      const [entry] = await store.auditLog(1);
      assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['cli', 'user.add', 'user:ada@example.de', { role: 'admin' }]);
    }));

  test('accounts: duplicate e-mail is DM_USER_EXISTS; bad e-mail, role or hash are rejected', () =>
    withStore(open, async ({ store }) => {
      await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await assert.rejects(store.createUser({ email: 'bea@example.de', role: 'admin', passwordHash: HASH }, 'cli'), { code: 'DM_USER_EXISTS' });
      await assert.rejects(store.createUser({ email: 'Bea@Example.de', role: 'admin', passwordHash: HASH }, 'cli'), { code: 'DM_USER_EMAIL_INVALID' });
      await assert.rejects(store.createUser({ email: 'x@y.de', role: 'root' as 'admin', passwordHash: HASH }, 'cli'), { code: 'DM_DATA_REJECTED' });
      await assert.rejects(store.createUser({ email: 'x@y.de', role: 'admin', passwordHash: 'klartext' }, 'cli'), { code: 'DM_DATA_REJECTED' });
      assert.equal((await store.listUsers()).length, 1);
    }));

  test('sessions: live until expiry; deleted on logout; a disabled account has none and cannot get one back', () =>
    withStore(open, async ({ store }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      await store.createAnalystSession({ idSha256: sessionKey(1), userId: bea.id, expiresAt: inHours(12) });
      await store.createAnalystSession({ idSha256: sessionKey(2), userId: bea.id, expiresAt: inHours(-1) });
      await store.createAnalystSession({ idSha256: sessionKey(3), userId: bea.id, expiresAt: inHours(12) });
      const live = await store.analystSession(sessionKey(1));
      assert.deepEqual(live?.user, bea);
      assert.match(live!.expiresAt, ISO_TIMESTAMP);
      assert.equal(await store.analystSession(sessionKey(2)), null, 'expired');
      await store.deleteAnalystSession(sessionKey(1));
      assert.equal(await store.analystSession(sessionKey(1)), null, 'logged out');
      const disabled = await store.disableUser('bea@example.de', 'admin@example.de');
      assert.match(disabled.disabledAt ?? '', ISO_TIMESTAMP);
      assert.equal(await store.analystSession(sessionKey(3)), null, 'sessions end with the account');
      await store.createAnalystSession({ idSha256: sessionKey(4), userId: bea.id, expiresAt: inHours(12) });
      assert.equal(await store.analystSession(sessionKey(4)), null, 'a disabled account has no live session');
      assert.equal((await store.auditLog(1))[0]?.action, 'user.disable');
      await assert.rejects(store.disableUser('nobody@example.de', 'x'), { code: 'DM_USER_NOT_FOUND' });
      await assert.rejects(store.createAnalystSession({ idSha256: 'kurz', userId: bea.id, expiresAt: inHours(1) }), { code: 'DM_DATA_REJECTED' });
    }));
}
