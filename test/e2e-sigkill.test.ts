// Nothing lost through the web server (issue 6 "Nothing lost"): the real `serve` process takes saves from
// many respondents over HTTP; right after the acknowledgements (303) it is killed with SIGKILL while
// further saves are still in flight; after a restart every acknowledged save is there — on PGlite and
// on PostgreSQL (TEST_DATABASE_URL, own schema).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { InvitationLetter } from '../src/formats/invitation-letters-csv.js';
import { openPostgres } from '../src/store/open-postgres.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';
import { inviteUnits } from '../src/tasks/invitations.js';
import { nodeScript } from './support/node-script.js';

const ENTRY = nodeScript('support/cli-process', import.meta.url);
const DATA = new URL('../data/', import.meta.url);
// Ten: the per-address budget of code attempts (10 at once) lets all of them sign in from loopback.
const UNITS = 10;
const KILL_AFTER_ACKS = 60;
const root = mkdtempSync(join(tmpdir(), 'dm-sigkill-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Location {
  readonly open: () => Promise<Store>;
  readonly env: Record<string, string>;
  readonly args: readonly string[];
}

/** Register, demo wave (so `serve` has nothing to load) and an open wave with invitations for UNITS units. */
async function prepare(location: Location): Promise<InvitationLetter[]> {
  const store = await location.open();
  try {
    const bundled = async () => ({ gemeinden: readFileSync(new URL('gemeinden.csv', DATA)), kreise: readFileSync(new URL('kreise.csv', DATA)) });
    await ensureStarterData(store, bundled, () => {});
    const ags = (await store.registerUnits()).filter((u) => u.unitType === 'kreisfreie_stadt').slice(0, UNITS).map((u) => u.ags);
    await store.createWave({ id: 'w', title: 'Absturztest', instrumentVersion: '2019', target: { ags } });
    await store.setWaveStatus('w', 'open');
    const letters: InvitationLetter[] = [];
    await inviteUnits(store, { waveId: 'w', baseUrl: 'http://localhost', reissue: 'new', actor: 'test' }, async (issued) => void letters.push(...issued));
    return letters;
  } finally {
    await store.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(location: Location, port: number): { child: ChildProcess; output: () => string; exited: Promise<unknown> } {
  const child = spawn(process.execPath, [...ENTRY, 'serve', '--port', String(port), ...location.args], {
    env: { ...process.env, DATABASE_URL: '', ...location.env, BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function waitUntilUp(base: string, server: ReturnType<typeof startServer>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (server.child.exitCode !== null) assert.fail(`server ended: ${server.output()}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`server not up after 120 s: ${server.output()}`);
}

/** One respondent over HTTP: cookie from the personal link, then saves of page 1 in a loop. */
class Respondent {
  cookie = '';
  field = '';
  options: string[] = [];
  constructor(readonly base: string, readonly letter: InvitationLetter) {}

  async signIn(): Promise<void> {
    const reply = await fetch(this.base + new URL(this.letter.link).pathname, { redirect: 'manual' });
    assert.equal(reply.status, 303);
    this.cookie = reply.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(`${this.base}/umfrage/seite/1`, { headers: { Cookie: this.cookie } })).text();
    const radios = [...page.matchAll(/<input type="radio" name="([a-z0-9_]+)" value="([a-z0-9_]+)"/g)];
    this.field = radios[0]![1]!;
    this.options = radios.filter((m) => m[1] === this.field).map((m) => m[2]!);
  }

  /** Save number `n` (base revision n − 1); true when acknowledged with 303. */
  async save(n: number): Promise<boolean> {
    const body = new URLSearchParams({ revision: String(n - 1), [this.field]: this.options[n % this.options.length]!, aktion: 'speichern' });
    const reply = await fetch(`${this.base}/umfrage/seite/1`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: this.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: this.base },
      body,
    });
    await reply.arrayBuffer();
    return reply.status === 303;
  }
}

async function killDuringSaves(location: Location): Promise<void> {
  const letters = await prepare(location);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = startServer(location, port);
  await waitUntilUp(base, first);
  const respondents = letters.map((letter) => new Respondent(base, letter));
  for (const r of respondents) await r.signIn();
  const acked = new Map<Respondent, number>();
  let total = 0;
  let killed = false;
  const kill = () => {
    killed = true;
    first.child.kill('SIGKILL');
  };
  await Promise.all(
    respondents.map(async (r) => {
      for (let n = 1; !killed; n++) {
        const ok = await r.save(n).catch(() => false);
        if (!ok) return;
        acked.set(r, n);
        if (++total === KILL_AFTER_ACKS) kill();
      }
    }),
  );
  await first.exited;
  assert.equal(first.child.signalCode, 'SIGKILL');
  assert.ok(total >= KILL_AFTER_ACKS, `${total} acknowledged saves`);

  const second = startServer(location, port);
  await waitUntilUp(base, second);
  for (const [r, n] of acked) {
    const page = await (await fetch(`${base}/umfrage/seite/1`, { headers: { Cookie: r.cookie } })).text();
    const revision = Number(/name="revision" value="(\d+)"/.exec(page)?.[1]);
    assert.ok(revision >= n, `${r.letter.ags}: revision ${revision} after ${n} acknowledged saves`);
  }
  second.child.kill('SIGTERM');
  await second.exited;

  const store = await location.open();
  try {
    for (const [r, n] of acked) {
      for (let i = 1; i <= n; i++) {
        const answers = await store.revisionAnswers('w', r.letter.ags, i);
        assert.equal(answers?.[r.field], r.options[i % r.options.length], `${r.letter.ags} save ${i}`);
      }
    }
    const saves = (await store.auditLog()).filter((e) => e.action === 'response.save').length;
    assert.ok(saves >= total, `${saves} audited saves, ${total} acknowledged`);
  } finally {
    await store.close();
  }
}

test('SIGKILL of the web server on PGlite loses no acknowledged save', { timeout: 300_000 }, async () => {
  const dir = join(root, 'db');
  await killDuringSaves({ open: () => openStore({ dataDir: dir }), env: {}, args: ['--db', dir] });
});

const url = process.env.TEST_DATABASE_URL;
test('SIGKILL of the web server on PostgreSQL loses no acknowledged save', { timeout: 300_000, skip: url ? false : 'TEST_DATABASE_URL not set' }, async () => {
  const schema = `dm_kill_${randomBytes(6).toString('hex')}`;
  const withSchema = new URL(url!);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await killDuringSaves({ open: () => openStore({ databaseUrl: url!, schema }), env: { DATABASE_URL: withSchema.href }, args: [] });
  } finally {
    const sql = await openPostgres(url!);
    await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  }
});
