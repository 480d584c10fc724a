// The only file that imports PGlite: embedded Postgres in a data folder, or in memory.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DmError } from '../errors.js';
import { acquirePidLock, type PidLock } from './pid-lock.js';
import type { SqlClient, SqlParam } from './sql-client.js';
import { typeParsers } from './type-parsers.js';

const parsers = typeParsers as Record<number, (text: string) => unknown>;

/**
 * Opens PGlite at `dataDir` (created if missing) under an exclusive lock file `<dataDir>/.lock`,
 * or in memory when `dataDir` is undefined or starts with 'memory://'.
 */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  if (dataDir === undefined || dataDir.startsWith('memory://')) {
    return pgliteClient(await createInMemory(), null);
  }
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new DmError('DM_CONFIG_INVALID', { detail: `--db bzw. DIGITALMONITOR_DB „${dataDir}“ ist eine Datei; erwartet wird ein Datenordner (wird angelegt, wenn er fehlt).` });
  }
  let lock: PidLock | undefined;
  try {
    lock = acquirePidLock(dataDir);
    const path = resolve(dataDir);
    const loadDataDir = existsSync(resolve(path, 'PG_VERSION')) ? undefined : await freshCluster();
    return pgliteClient(await PGlite.create(path, { parsers, ...(loadDataDir ? { loadDataDir } : {}) }), lock);
  } catch (error) {
    lock?.release();
    if (error instanceof DmError) throw error;
    throw new DmError('DM_DB_UNAVAILABLE', { detail: `Datenordner „${dataDir}“ lässt sich nicht öffnen (${message(error)})` });
  }
}

async function createInMemory(): Promise<PGlite> {
  const loadDataDir = await freshCluster();
  return PGlite.create({ parsers, ...(loadDataDir ? { loadDataDir } : {}) });
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

// initdb takes about 4 s, loading a copy of a fresh cluster about 1 s: every new PGlite database starts
// from such a copy, made once per PGlite build and kept in node_modules/.cache/digitalmonitor (a cache in
// the usual place: deleting it only costs the next start one initdb).
const CACHE_DIR = new URL('../../node_modules/.cache/digitalmonitor/', import.meta.url);
const BUILD_FILES = ['initdb.wasm', 'pglite.wasm', 'pglite.data'];

let memo: Promise<Blob | undefined> | undefined;

/** The tar of a fresh cluster, or undefined when none can be made (then PGlite runs initdb itself). */
function freshCluster(): Promise<Blob | undefined> {
  memo ??= cachedOrNew().catch(() => undefined);
  return memo;
}

async function cachedOrNew(): Promise<Blob> {
  const file = new URL(`pglite-cluster-${buildKey()}.tar`, CACHE_DIR);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const db = await PGlite.create();
    const tar = await db.dumpDataDir('none');
    await db.close();
    writeAtomically(file, new Uint8Array(await tar.arrayBuffer()));
    return tar;
  }
}

/** Changes with every installed PGlite build. */
function buildKey(): string {
  const hash = createHash('sha256');
  for (const name of BUILD_FILES) {
    const { size, mtimeMs } = statSync(fileURLToPath(import.meta.resolve(`@electric-sql/pglite/${name}`)));
    hash.update(`${name}:${size}:${mtimeMs};`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** A cache that cannot be written is no error: the next process makes its own copy. */
function writeAtomically(file: URL, bytes: Uint8Array): void {
  const temporary = new URL(`${file.pathname.split('/').pop()}.${process.pid}.tmp`, CACHE_DIR);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // read-only install or a full disk: nothing to keep, and no 40 MB half-file left behind
    try {
      rmSync(temporary, { force: true });
    } catch {
      // not even that: the next successful write replaces the cache anyway
    }
  }
}
