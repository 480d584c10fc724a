// Backup and restore of the whole store, generic over the schema: every base table of the current schema
// as to_jsonb rows, parents before children (foreign keys), read in one REPEATABLE READ transaction so
// that a running server's writes are either wholly in the snapshot or not at all. Restore fills an empty
// store of the same schema in one transaction.
import { dmError } from '../errors.js';
import type { SqlClient } from './sql-client.js';
import type { StoreSnapshot } from './store.js';

const TABLES = `SELECT table_name AS name FROM information_schema.tables
  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
  ORDER BY table_name`;
const FOREIGN_KEYS = `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
  WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`;
const PRIMARY_KEYS = `SELECT c.relname AS name, a.attname AS column_name, array_position(i.indkey::int2[], a.attnum) AS position
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
  WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace ORDER BY 1, 3`;
const SERIALS = `SELECT table_name AS name, column_name FROM information_schema.columns
  WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`;
const MIGRATIONS = 'SELECT id FROM schema_migrations ORDER BY id';
/** Rows per INSERT … jsonb_populate_recordset on restore. */
const CHUNK = 2_000;

export function snapshot(db: SqlClient): Promise<StoreSnapshot> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const migrations = (await tx.query<{ id: string }>(MIGRATIONS)).map((row) => row.id);
    const keys = await primaryKeys(tx);
    const tables = [];
    for (const name of await tablesInOrder(tx)) {
      const order = (keys.get(name) ?? []).map(quote).join(', ');
      const rows = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${quote(name)} t${order ? ` ORDER BY ${order}` : ''}`);
      tables.push({ name, rows: rows.map((row) => row.row) });
    }
    return { migrations, tables };
  });
}

export function restore(db: SqlClient, backup: StoreSnapshot): Promise<void> {
  return db.transaction(async (tx) => {
    const migrations = (await tx.query<{ id: string }>(MIGRATIONS)).map((row) => row.id);
    const tables = await tablesInOrder(tx);
    if (migrations.join(',') !== backup.migrations.join(',') || !sameTables(tables, backup)) {
      throw dmError('DM_BACKUP_VERSION', { expected: migrations.at(-1) ?? '–', found: backup.migrations.at(-1) ?? '–' });
    }
    // The audit log is append-only (migration 001): a restore fills an empty store, it never overwrites one.
    for (const name of tables) {
      const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(name)}`);
      if (row!.n > 0) throw dmError('DM_BACKUP_TARGET_NOT_EMPTY', { table: name, rows: row!.n });
    }
    for (const { name, rows } of backup.tables) {
      for (let from = 0; from < rows.length; from += CHUNK) {
        const json = `[${rows.slice(from, from + CHUNK).join(',')}]`;
        await tx.query(`INSERT INTO ${quote(name)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(name)}, $1::jsonb)`, [json]);
      }
    }
    for (const { name, column_name: column } of await tx.query<{ name: string; column_name: string }>(SERIALS)) {
      await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(column)}) FROM ${quote(name)}), 0) + 1, false)`, [quote(name), column]);
    }
  });
}

function sameTables(tables: readonly string[], backup: StoreSnapshot): boolean {
  return backup.tables.length === tables.length && backup.tables.every((table, i) => table.name === tables[i]);
}

/** Base tables, every parent before its children (then by name). */
async function tablesInOrder(tx: SqlClient): Promise<string[]> {
  const names = (await tx.query<{ name: string }>(TABLES)).map((row) => row.name);
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of await tx.query<{ child: string; parent: string }>(FOREIGN_KEYS)) {
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((name) => !placed.has(name) && [...parents.get(name)!].every((parent) => placed.has(parent) || !parents.has(parent)));
    if (next === undefined) throw new Error('Fremdschlüssel bilden einen Kreis: Sicherung nicht möglich');
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

async function primaryKeys(tx: SqlClient): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  for (const { name, column_name: column } of await tx.query<{ name: string; column_name: string }>(PRIMARY_KEYS)) {
    keys.set(name, [...(keys.get(name) ?? []), column]);
  }
  return keys;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
