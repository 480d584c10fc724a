// Conformance cases: API keys (migration 009) — SHA-256 only, live lookup, revocation, expiry, disabled
// accounts, audit.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { ISO_TIMESTAMP, type OpenFixture, withStore } from './store-fixture.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export function apiKeyCases(open: OpenFixture): void {
  test('api keys: stored as SHA-256 only, found while live, with the account and its role; audited', () =>
    withStore(open, async ({ store, sql }) => {
      const ada = await store.createUser({ email: 'ada@example.de', role: 'admin', passwordHash: HASH }, 'cli');
      const key = await store.createApiKey({ userId: ada.id, name: 'Skript', keySha256: sha('geheim'), expiresAt: null }, 'cli');
      assert.deepEqual({ ...key, createdAt: 'x' }, { id: key.id, name: 'Skript', email: 'ada@example.de', role: 'admin', createdAt: 'x', expiresAt: null, revokedAt: null, lastUsedAt: null });
      assert.match(key.createdAt, ISO_TIMESTAMP);
      const rows = await sql.query<{ key_sha256: string }>('SELECT key_sha256 FROM api_keys');
      assert.deepEqual(rows.map((row) => row.key_sha256), [sha('geheim')]);
      const found = await store.apiKeyUser(sha('geheim'));
      assert.deepEqual(found, { keyId: key.id, user: { ...ada, disabledAt: null } });
      assert.match((await store.apiKeys())[0]?.lastUsedAt ?? '', ISO_TIMESTAMP, 'the use is recorded');
      assert.equal(await store.apiKeyUser(sha('falsch')), null);
      const [entry] = await store.auditLog(1);
      assert.deepEqual([entry?.actor, entry?.action, entry?.subject, entry?.details], ['cli', 'apikey.create', 'user:ada@example.de', { id: key.id, name: 'Skript', expiresAt: null }]);
      await assert.rejects(store.createApiKey({ userId: ada.id, name: 'Doppelt', keySha256: sha('geheim'), expiresAt: null }, 'cli'));
      await assert.rejects(store.createApiKey({ userId: ada.id, name: 'kein Hash', keySha256: 'geheim', expiresAt: null }, 'cli'));
    }));

  test('api keys: revoked, expired and keys of disabled accounts are not live; revoke of an unknown id is DM_API_KEY_NOT_FOUND', () =>
    withStore(open, async ({ store }) => {
      const bea = await store.createUser({ email: 'bea@example.de', role: 'analyst', passwordHash: HASH }, 'cli');
      const a = await store.createApiKey({ userId: bea.id, name: 'a', keySha256: sha('a'), expiresAt: null }, 'cli');
      await store.createApiKey({ userId: bea.id, name: 'b', keySha256: sha('b'), expiresAt: inHours(-1) }, 'cli');
      const c = await store.createApiKey({ userId: bea.id, name: 'c', keySha256: sha('c'), expiresAt: inHours(1) }, 'cli');
      assert.equal(await store.apiKeyUser(sha('b')), null, 'expired');
      assert.equal((await store.apiKeyUser(sha('c')))?.keyId, c.id);
      const revoked = await store.revokeApiKey(a.id, 'cli');
      assert.match(revoked.revokedAt ?? '', ISO_TIMESTAMP);
      assert.equal((await store.revokeApiKey(a.id, 'cli')).revokedAt, revoked.revokedAt, 'revoking twice keeps the first time');
      assert.equal(await store.apiKeyUser(sha('a')), null, 'revoked');
      const [entry] = await store.auditLog(1);
      assert.deepEqual([entry?.action, entry?.subject, entry?.details], ['apikey.revoke', 'user:bea@example.de', { id: a.id }]);
      await assert.rejects(store.revokeApiKey(987_654, 'cli'), { code: 'DM_API_KEY_NOT_FOUND' });
      await store.disableUser('bea@example.de', 'cli');
      assert.equal(await store.apiKeyUser(sha('c')), null, 'account disabled');
      assert.deepEqual((await store.apiKeys()).map((key) => key.name), ['a', 'b', 'c']);
    }));
}
