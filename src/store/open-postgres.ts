// The only file that imports the pg driver: a connection pool to a PostgreSQL server.
import pg from 'pg';
import { DmError } from '../errors.js';
import type { SqlClient, SqlParam } from './sql-client.js';
import { typeParsers } from './type-parsers.js';

export interface PostgresOptions {
  /** Work in this schema (created if missing): search_path is set on every connection. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Connects (and checks the connection) to `url`; an unreachable server throws DM_DB_UNAVAILABLE. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<SqlClient> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DmError('DM_CONFIG_INVALID', { detail: `Schema-Name „${schema}“ ist ungültig (a–z, 0–9, _).` });
  }
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that dies is dropped by the pool; the next query opens a new one.
  pool.on('error', () => {});
  try {
    await (schema === undefined ? pool.query('SELECT 1') : createSchema(pool, schema));
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DmError('DM_DB_UNAVAILABLE', { detail: describeConnectionError(error, url) });
  }
  return poolClient(pool);
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  // Two processes starting at once on a new schema would otherwise race in CREATE SCHEMA IF NOT EXISTS.
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dm:create-schema:' || $1))`, [schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

function poolClient(pool: pg.Pool): SqlClient {
  return {
    query: (sql, params) => runQuery(pool, sql, params),
    transaction: (fn) => inTransaction(pool, fn),
    close: () => pool.end(),
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  const connection = await pool.connect();
  const tx: SqlClient = {
    query: (sql, params) => runQuery(connection, sql, params),
    transaction: (inner) => inner(tx),
    close: () => Promise.reject(new Error('close() inside a transaction')),
  };
  try {
    await connection.query('BEGIN');
    const result = await fn(tx);
    await connection.query('COMMIT');
    connection.release();
    return result;
  } catch (error) {
    await connection.query('ROLLBACK').then(
      () => connection.release(),
      (rollbackError: Error) => connection.release(rollbackError),
    );
    throw error;
  }
}

async function runQuery<T>(db: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  const result = await db.query(sql, [...params]);
  return result.rows as T[];
}

/** A German reason without the password from the URL. */
function describeConnectionError(error: unknown, url: string): string {
  const target = safeTarget(url);
  const err = error as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return `${target} lehnt die Verbindung ab (läuft der Server?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Rechner von ${target} ist unbekannt`;
    case '28P01':
    case '28000':
      return `Anmeldung bei ${target} abgelehnt`;
    case '3D000':
      return `die Datenbank von ${target} gibt es nicht`;
    default:
      return `${target}: ${err.message ?? String(error)}`;
  }
}

function safeTarget(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || '5432'}${pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
