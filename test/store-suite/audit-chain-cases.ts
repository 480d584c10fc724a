// Conformance cases: the audit log's hash chain (migration 005) — intact under concurrent appends and
// across backup and restore; a changed, removed or forged entry is found. (On PGlite the fixtures share one
// connection: a nested store must be the last one used.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrate } from '../../src/store/migrate.js';
import type { SqlClient } from '../../src/store/sql-client.js';
import { type OpenFixture, withStore } from './store-fixture.js';

/** What an attacker with the database owner's rights could do around the append-only triggers. */
async function tamper(sql: SqlClient, statement: string): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query(statement);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

export function auditChainCases(open: OpenFixture): void {
  test('audit chain: 60 concurrent appends form one intact chain in id order', () =>
    withStore(open, async ({ store }) => {
      assert.deepEqual(await store.verifyAuditChain(), { entries: 0, head: '', broken: null, anchorFound: null });
      await Promise.all(Array.from({ length: 60 }, (_, i) => store.appendAudit({ actor: `a${i}`, action: 'test.append', subject: String(i), details: { i, text: 'Ä "x"' } })));
      const check = await store.verifyAuditChain();
      assert.equal(check.entries, 60);
      assert.equal(check.broken, null);
      assert.match(check.head, /^[0-9a-f]{64}$/);
      await store.appendAudit({ actor: 'z', action: 'test.append', subject: 'later' });
      assert.equal((await store.verifyAuditChain(check.head)).anchorFound, true, 'an old head stays in the chain');
      assert.equal((await store.verifyAuditChain('0'.repeat(64))).anchorFound, false);
    }));

  test('audit chain: a changed, deleted or forged entry breaks the chain at that entry', () =>
    withStore(open, async ({ store, sql }) => {
      for (let i = 0; i < 5; i++) await store.appendAudit({ actor: 'a', action: 'test', subject: String(i) });
      const ids = (await store.auditLog()).map((entry) => entry.id).reverse();
      await tamper(sql, `UPDATE audit_log SET actor = 'mallory' WHERE id = ${ids[2]}`);
      assert.deepEqual((await store.verifyAuditChain()).broken, { id: ids[2], reason: 'content' });
      await tamper(sql, `UPDATE audit_log SET actor = 'a' WHERE id = ${ids[2]}`);
      assert.equal((await store.verifyAuditChain()).broken, null, 'restored content verifies again');
      await tamper(sql, `DELETE FROM audit_log WHERE id = ${ids[1]}`);
      assert.deepEqual((await store.verifyAuditChain()).broken, { id: ids[2], reason: 'link' });
      // A forged entry with a well-formed hash of its own still does not link to the real chain.
      await sql.query(
        `INSERT INTO audit_log (id, actor, action, subject, prev_hash, hash)
         VALUES (0, 'mallory', 'test', 'x', '', audit_log_entry_hash('', 0, now(), 'mallory', 'test', 'x', '{}'))`,
      );
      assert.deepEqual((await store.verifyAuditChain()).broken, { id: ids[0], reason: 'link' });
    }));

  test('audit chain: entries written before migration 005 are chained by it', () =>
    withStore(open, async ({ store, sql }) => {
      await store.appendAudit({ actor: 'a', action: 'test', subject: 'before' });
      await store.appendAudit({ actor: 'b', action: 'test', subject: 'before' });
      const check = await store.verifyAuditChain();
      await sql.query('DELETE FROM schema_migrations WHERE id = $1', ['005-audit-chain']);
      await sql.query('DROP TRIGGER audit_log_chain ON audit_log');
      await sql.query('DROP FUNCTION audit_log_chain()');
      await sql.query('DROP FUNCTION audit_log_entry_hash(text, bigint, timestamptz, text, text, text, jsonb)');
      await sql.query('ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash');
      assert.deepEqual(await migrate(sql), ['005-audit-chain']);
      assert.deepEqual(await store.verifyAuditChain(), check);
    }));

  test('audit chain: backup and restore keep the chain, and new entries extend it', () =>
    withStore(open, async ({ store }) => {
      await store.appendAudit({ actor: 'a', action: 'test', subject: 'before' });
      const check = await store.verifyAuditChain();
      const backup = await store.snapshot();
      await withStore(open, async ({ store: target }) => {
        await target.restoreSnapshot(backup);
        assert.deepEqual(await target.verifyAuditChain(), check);
        await target.appendAudit({ actor: 'b', action: 'test', subject: 'after restore' });
        const after = await target.verifyAuditChain();
        assert.equal(after.entries, 2);
        assert.equal(after.broken, null);
      });
    }));
}
