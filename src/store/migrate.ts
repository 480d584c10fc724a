// Forward-only schema migrations, each in its own transaction, recorded in schema_migrations.
import { initial } from './migrations/001-initial.js';
import { survey } from './migrations/002-survey.js';
import { accounts } from './migrations/003-accounts.js';
import { auditChain } from './migrations/005-audit-chain.js';
import { instrumentVersions } from './migrations/006-instrument-versions.js';
import { privacy } from './migrations/007-privacy.js';
import { twoFactor } from './migrations/008-two-factor.js';
import { apiKeys } from './migrations/009-api-keys.js';
import { sealedTotp } from './migrations/010-sealed-totp.js';
import { publications } from './migrations/011-publications.js';
import type { SqlClient } from './sql-client.js';

export interface Migration {
  /** Sortable and unique, e.g. '001-initial'; never renamed once released. */
  readonly id: string;
  /** Single statements, run in order (no multi-statement strings: PGlite's query() takes one). */
  readonly statements: readonly string[];
}

const MIGRATIONS: readonly Migration[] = [initial, survey, accounts, auditChain, instrumentVersions, privacy, twoFactor, apiKeys, sealedTotp, publications];

/**
 * Runs the pending migrations. Safe when several processes start at once on one PostgreSQL: each
 * migration holds a transaction-scoped advisory lock (keyed by schema) and re-checks under it.
 */
/** Every migration id in the order they run (tests compare schema_migrations with it). */
export const MIGRATION_IDS: readonly string[] = MIGRATIONS.map((migration) => migration.id);

export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    if (await applyMigration(client, migration)) applied.push(migration.id);
  }
  return applied;
}

async function applyMigration(client: SqlClient, migration: Migration): Promise<boolean> {
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dm:migrate:' || current_schema()))`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
    if (done.length > 0) return false;
    for (const statement of migration.statements) await tx.query(statement);
    await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    return true;
  });
}
