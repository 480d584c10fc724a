// The store on embedded PGlite: the conformance suite in memory, plus what only a data folder has.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/open-pglite.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlClient } from '../src/store/sql-client.js';
import { SqlStore } from '../src/store/sql-store.js';
import { storeSuite } from './store.suite.js';
import { nodeScript } from './support/node-script.js';

// One PGlite per file (initdb takes seconds); each test gets a fresh schema in it, as on PostgreSQL.
let shared: Promise<SqlClient> | undefined;
let schemas = 0;
after(async () => (await shared)?.close());

storeSuite('store conformance on PGlite (in memory)', async () => {
  const sql = await (shared ??= openPglite());
  const schema = `dm_test_${++schemas}`;
  await sql.query(`CREATE SCHEMA ${schema}`);
  await sql.query(`SET search_path TO ${schema}`);
  await migrate(sql);
  const cleanup = async () => void (await sql.query(`DROP SCHEMA ${schema} CASCADE`));
  return { store: new SqlStore(sql), sql, cleanup };
});

describe('PGlite data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'dm-store-'));
  const dir = join(root, 'db');
  // initdb on a folder takes seconds: do it once; the tests reopen the folder.
  before(async () => (await openStore({ dataDir: dir })).close());
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a data folder that is a regular file is a configuration error (exit 2), and the file is left alone', async () => {
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'keep me');
    await assert.rejects(openStore({ dataDir: file }), { code: 'DM_CONFIG_INVALID', message: /not-a-folder“ ist eine Datei/ });
    assert.equal(readFileSync(file, 'utf8'), 'keep me');
  });

  test('data survive close and reopen; a folder in use (this or another live process) is DM_DB_LOCKED', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      assert.equal(readFileSync(join(dir, '.lock'), 'utf8').trim(), String(process.pid));
      await assert.rejects(openStore({ dataDir: dir }), { code: 'DM_DB_LOCKED', message: new RegExp(`PID ${process.pid}`) });
      await store.createWave({ id: 'w', title: 'Test', instrumentVersion: '2019' });
    } finally {
      await store.close();
    }
    assert.equal(existsSync(join(dir, '.lock')), false);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, '.lock'), `${sleeper.pid}\n`);
      await assert.rejects(openStore({ dataDir: dir }), { code: 'DM_DB_LOCKED', message: new RegExp(`PID ${sleeper.pid}`) });
    } finally {
      await killAndWait(sleeper);
    }
    const reopened = await openStore({ dataDir: dir });
    try {
      assert.equal(readFileSync(join(dir, '.lock'), 'utf8').trim(), String(process.pid));
      assert.equal((await reopened.getWave('w'))?.title, 'Test');
    } finally {
      await reopened.close();
    }
  });

  test('kill -9 right after an acknowledged save loses nothing; the stale lock is taken over', async () => {
    const child = spawnChild(dir, 'crash');
    await waitForLine(child.stdout, 'ACK');
    await killAndWait(child);
    assert.equal(readFileSync(join(dir, '.lock'), 'utf8').trim(), String(child.pid));
    const store = await openStore({ dataDir: dir });
    try {
      const rows = await store.responsesForWave('crash');
      assert.equal(rows.length, 500);
      assert.equal(rows[499]?.answers.q, '499');
      assert.equal((await store.auditLog(1))[0]?.action, 'responses.save');
    } finally {
      await store.close();
    }
  });

  test('openStore with secretKey (DIGITALMONITOR_SECRET_KEY) seals the TOTP secrets stored plain before, and opens them', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const plain = await openStore({ dataDir: dir });
    let id: number;
    try {
      id = (await plain.createUser({ email: 'totp@example.de', role: 'analyst', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' }, 'cli')).id;
      await plain.startTotpSetup(id, secret);
    } finally {
      await plain.close();
    }
    const keyed = await openStore({ dataDir: dir, secretKey: 'a-long-enough-key-for-the-test-0123456789' });
    try {
      assert.equal((await keyed.twoFactorState(id)).totpSecret, secret);
    } finally {
      await keyed.close();
    }
    const withoutKey = await openStore({ dataDir: dir });
    try {
      await assert.rejects(withoutKey.twoFactorState(id), { code: 'DM_SECRET_KEY_MISSING' }, 'sealed on the keyed opening');
    } finally {
      await withoutKey.close();
    }
  });

  test('a process that exits without closing releases its lock', async () => {
    const child = spawnChild(dir, 'exit');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.equal(existsSync(join(dir, '.lock')), false);
  });
});

test('openStore: in memory by default and with memory://', async () => {
  for (const options of [{}, { dataDir: 'memory://' }]) {
    const store = await openStore(options);
    assert.equal(await store.registerInfo(), null);
    await store.close();
  }
});

function spawnChild(dir: string, mode: 'crash' | 'exit'): ChildProcess {
  return spawn(process.execPath, [...nodeScript('store-crash-child', import.meta.url), dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function waitForLine(stream: NodeJS.ReadableStream | null, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    stream?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) resolve();
    });
    stream?.on('end', () => reject(new Error(`child ended without "${line}": ${seen}`)));
  });
}

function killAndWait(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}
