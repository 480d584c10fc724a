// The store on a real PostgreSQL server (TEST_DATABASE_URL): the conformance suite, each test in a fresh
// schema dropped afterwards, plus concurrent migrations and connection failures.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { migrate, MIGRATION_IDS } from '../src/store/migrate.js';
import { openPostgres } from '../src/store/open-postgres.js';
import { openStore } from '../src/store/open-store.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { SqlClient } from '../src/store/sql-client.js';
import { storeSuite } from './store.suite.js';

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  test('store on PostgreSQL', (t) => t.skip('TEST_DATABASE_URL not set'));
} else {
  const admin: Promise<SqlClient> = openPostgres(url);
  after(async () => (await admin).close());

  const freshSchema = () => `dm_test_${randomBytes(6).toString('hex')}`;
  const dropSchema = async (schema: string) => void (await (await admin).query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  storeSuite('store conformance on PostgreSQL', async () => {
    const schema = freshSchema();
    const sql = await openPostgres(url, { schema, maxConnections: 4 });
    await migrate(sql);
    const cleanup = async () => {
      await sql.close();
      await dropSchema(schema);
    };
    return { store: new SqlStore(sql), sql, cleanup };
  });

  describe('PostgreSQL only', () => {
    test('two processes migrating a fresh schema at once: both succeed, each migration runs once', async () => {
      const schema = freshSchema();
      try {
        const stores = await Promise.all([openStore({ databaseUrl: url, schema }), openStore({ databaseUrl: url, schema })]);
        await stores[0].createWave({ id: 'w', title: 'Test', instrumentVersion: '2019' });
        assert.equal((await stores[1].getWave('w'))?.id, 'w');
        await Promise.all(stores.map((store) => store.close()));
        const rows = await (await admin).query(`SELECT id FROM ${schema}.schema_migrations ORDER BY id`);
        assert.deepEqual(rows, [...MIGRATION_IDS].sort().map((id) => ({ id })));
        assert.ok(MIGRATION_IDS.length >= 7);
      } finally {
        await dropSchema(schema);
      }
    });

    test('an unreachable server is DM_DB_UNAVAILABLE in German, without the password', async () => {
      const wrong = new URL(url);
      wrong.port = '1';
      wrong.password = 'geheim';
      const error = await openStore({ databaseUrl: wrong.href }).then(
        () => assert.fail('opened an unreachable server'),
        (e: unknown) => e as { code: string; message: string },
      );
      assert.equal(error.code, 'DM_DB_UNAVAILABLE');
      assert.match(error.message, /^Datenbank nicht erreichbar: .*:1\/.* lehnt die Verbindung ab/);
      assert.doesNotMatch(error.message, /geheim/);
    });

    test('a missing database and an invalid schema name are coded errors', async () => {
      const missing = new URL(url);
      missing.pathname = '/dm_does_not_exist';
      await assert.rejects(openStore({ databaseUrl: missing.href }), { code: 'DM_DB_UNAVAILABLE', message: /gibt es nicht/ });
      await assert.rejects(openStore({ databaseUrl: url, schema: 'x; DROP TABLE y' }), { code: 'DM_CONFIG_INVALID' });
    });
  });
}
