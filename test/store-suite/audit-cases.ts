// Conformance cases: the append-only audit log, migrations and value types.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIGRATION_IDS, migrate } from '../../src/store/migrate.js';
import { ISO_TIMESTAMP, type OpenFixture, register, unit, withStore } from './store-fixture.js';

export function auditCases(open: OpenFixture): void {
  test('audit: entries are appended and listed newest first, with a limit', () =>
    withStore(open, async ({ store }) => {
      await store.appendAudit({ actor: 'a', action: 'wave.open', subject: 'w1' });
      await store.appendAudit({ actor: 'b', action: 'wave.close', subject: 'w1', details: { reason: 'Ende', n: 3 } });
      const all = await store.auditLog();
      assert.deepEqual(all.map(({ id, at, ...rest }) => rest), [
        { actor: 'b', action: 'wave.close', subject: 'w1', details: { reason: 'Ende', n: 3 } },
        { actor: 'a', action: 'wave.open', subject: 'w1', details: {} },
      ]);
      assert.ok(all[0]!.id > all[1]!.id);
      assert.equal(typeof all[0]!.id, 'number');
      assert.match(all[0]!.at, ISO_TIMESTAMP);
      assert.deepEqual(await store.auditLog(1), all.slice(0, 1));
      assert.deepEqual(await store.auditLog(0), []);
    }));

  test('audit: the log rejects UPDATE, DELETE and TRUNCATE', () =>
    withStore(open, async ({ store, sql }) => {
      await store.appendAudit({ actor: 'a', action: 'x', subject: 'y' });
      await assert.rejects(sql.query(`UPDATE audit_log SET actor = 'mallory'`), /append-only/);
      await assert.rejects(sql.query('DELETE FROM audit_log'), /append-only/);
      await assert.rejects(sql.query('TRUNCATE audit_log'), /append-only/);
      assert.equal((await store.auditLog())[0]?.actor, 'a');
    }));

  test('types: counts and numbers are numbers, timestamps ISO strings, dates plain', () =>
    withStore(open, async ({ store, sql }) => {
      await store.replaceRegister(register([unit('01001000', { population: 2_147_483_000, areaKm2: 0.01 })]));
      const [row] = await sql.query<Record<string, unknown>>(
        `SELECT count(*) AS n, sum(population) AS big, 1.5::numeric AS dec, now() AS at, DATE '2024-12-31' AS d,
                '{"a":[1]}'::jsonb AS j FROM register_units`,
      );
      assert.deepEqual({ ...row, at: typeof row?.at }, { n: 1, big: 2_147_483_000, dec: 1.5, at: 'string', d: '2024-12-31', j: { a: [1] } });
      assert.match(String(row?.at), ISO_TIMESTAMP);
      const [stored] = await store.registerUnits();
      assert.equal(stored?.population, 2_147_483_000);
      assert.equal(stored?.areaKm2, 0.01);
    }));

  test('migrations: a second run applies nothing; one row per migration', () =>
    withStore(open, async ({ sql }) => {
      assert.deepEqual(await migrate(sql), []);
      const rows = await sql.query<{ id: string; applied_at: string }>('SELECT id, applied_at FROM schema_migrations');
      assert.deepEqual(rows.map((r) => r.id), [...MIGRATION_IDS].sort());
      assert.equal(MIGRATION_IDS[0], '001-initial');
      assert.match(rows[0]!.applied_at, ISO_TIMESTAMP);
    }));
}
