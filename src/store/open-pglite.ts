// The only file that imports PGlite: embedded Postgres in a data folder, or in memory.
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DmError } from '../errors.js';
import { acquirePidLock, type PidLock } from './pid-lock.js';
import type { SqlClient, SqlParam } from './sql-client.js';
import { typeParsers } from './type-parsers.js';

const parsers = typeParsers as Record<number, (text: string) => unknown>;

/** initdb takes seconds; later in-memory databases start from a copy of the first one's fresh cluster. */
let freshCluster: Promise<Blob> | undefined;

/**
 * Opens PGlite at `dataDir` (created if missing) under an exclusive lock file `<dataDir>/.lock`,
 * or in memory when `dataDir` is undefined or starts with 'memory://'.
 */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  if (dataDir === undefined || dataDir.startsWith('memory://')) {
    return pgliteClient(await createInMemory(), null);
  }
  let lock: PidLock | undefined;
  try {
    lock = acquirePidLock(dataDir);
    return pgliteClient(await PGlite.create(resolve(dataDir), { parsers }), lock);
  } catch (error) {
    lock?.release();
    if (error instanceof DmError) throw error;
    throw new DmError('DM_DB_UNAVAILABLE', { detail: `Datenordner „${dataDir}“ lässt sich nicht öffnen (${message(error)})` });
  }
}

async function createInMemory(): Promise<PGlite> {
  const template = await freshCluster?.catch(() => undefined);
  if (template) return PGlite.create({ loadDataDir: template, parsers });
  const db = await PGlite.create({ parsers });
  freshCluster = db.dumpDataDir('none');
  await freshCluster.catch(() => (freshCluster = undefined));
  return db;
}

function pgliteClient(db: PGlite, lock: PidLock | null): SqlClient {
  return {
    query: (sql, params) => runQuery(db, sql, params),
    transaction: (fn) => db.transaction((tx) => fn(transactionClient(tx))),
    close: async () => {
      try {
        if (!db.closed) await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function transactionClient(tx: Transaction): SqlClient {
  const client: SqlClient = {
    query: (sql, params) => runQuery(tx, sql, params),
    transaction: (fn) => fn(client),
    close: () => Promise.reject(new Error('close() inside a transaction')),
  };
  return client;
}

async function runQuery<T>(db: PGlite | Transaction, sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  return (await db.query<T>(sql, [...params])).rows;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
