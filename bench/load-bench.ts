// Load (issue 6 "Load"): 200 concurrent respondents saving a page against the real `serve` process on
// the PostgreSQL backend, on loopback, bounded in time (autocannon in this process, one connection per
// respondent, each save based on the revision its previous acknowledged save produced). Then each unit's
// stored revision is compared with its acknowledged saves (303): none may be missing; at most the one
// save in flight when the time ran out may be stored without its acknowledgement having been counted.
// Peer in the same run: the same autocannon load against /healthz of the same server.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import type { InvitationLetter } from '../src/formats/invitation-letters-csv.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { openPostgres } from '../src/store/open-postgres.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { inviteUnits } from '../src/tasks/invitations.js';
import { exchangeAccessCode } from '../src/tasks/respondent-access.js';
import { nodeScript } from '../test/support/node-script.js';

export interface LoadFigures {
  readonly respondents: number;
  readonly seconds: number;
  readonly savesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non303: number;
  readonly acknowledgedSaves: number;
  readonly storedRevisions: number;
  readonly lostSaves: number;
  /** Stored but not counted as acknowledged: in flight when autocannon stopped (≤ one per respondent). */
  readonly inFlightAtEnd: number;
  readonly peerHealthzPerSecond: number;
  readonly peerHealthzP99Ms: number;
  /** Saves per second / healthz requests per second. */
  readonly ratioToHealthz: number;
}

const ENTRY = nodeScript('../test/support/cli-process', import.meta.url);
const RESPONDENTS = 200;
const SECONDS = 10;
const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');

export interface Seat {
  readonly ags: string;
  readonly cookie: string;
  readonly field: string;
  readonly options: readonly string[];
  revision: number;
  acked: number;
}

export async function benchLoad(say: (line: string) => void, databaseUrl: string): Promise<LoadFigures> {
  const schema = `dm_load_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl, schema });
  let server: ChildProcess | undefined;
  try {
    const seats = await Promise.all((await seed(store)).map((letter) => seatFor(store, letter)));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(databaseUrl, schema, port);
    say(`Last: ${RESPONDENTS} Befragte speichern gleichzeitig ${SECONDS} s lang Seite 1 (serve-Prozess, PostgreSQL, Loopback) …`);
    const saves = await saveLoad(base, seats);
    const peer = await autocannon({ url: `${base}/healthz`, connections: RESPONDENTS, duration: SECONDS });
    const stored = new Map((await store.responsesForWave('w')).map((response) => [response.ags, response.revision]));
    const figures = figuresOf(saves, peer, seats, stored);
    say(`  ${figures.savesPerSecond} Speicherungen/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, Fehler ${figures.errors}, andere Antworten als 303: ${figures.non303}`);
    say(`  bestätigt ${figures.acknowledgedSaves}, gespeichert ${figures.storedRevisions} (davon beim Stopp unterwegs ${figures.inFlightAtEnd}), verloren ${figures.lostSaves}; /healthz ${figures.peerHealthzPerSecond}/s (p99 ${figures.peerHealthzP99Ms} ms); Verhältnis ${figures.ratioToHealthz}×`);
    return figures;
  } finally {
    if (server) await stop(server);
    await store.close();
    await dropSchema(databaseUrl, schema);
  }
}

/** Drops a bench's own PostgreSQL schema (and everything in it). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const sql = await openPostgres(databaseUrl);
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.close();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `serve` on the bench schema (search_path through the URL's options); resolves once /healthz answers. */
export async function startServer(databaseUrl: string, schema: string, port: number): Promise<ChildProcess> {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...ENTRY, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: url.href, BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`serve ended: ${output}`);
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(child);
  throw new Error(`serve not up after 120 s: ${output}`);
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

export async function seed(store: Store, respondents = RESPONDENTS): Promise<InvitationLetter[]> {
  const register = parseRegisterCsv(read('gemeinden.csv'), read('kreise.csv'));
  await store.replaceRegister({ actor: 'bench', referenceDate: '2024-12-31', populationDate: '2023-12-31', source: 'Destatis', units: register.units });
  const ags = register.units.slice(0, respondents).map((unit) => unit.ags);
  await store.createWave({ id: 'w', title: 'Lasttest', instrumentVersion: '2019', target: { ags } });
  await store.setWaveStatus('w', 'open');
  const letters: InvitationLetter[] = [];
  await inviteUnits(store, { waveId: 'w', baseUrl: 'http://127.0.0.1', reissue: 'new', actor: 'bench' }, async (issued) => void letters.push(...issued));
  return letters;
}

/** The respondent's session as the personal link would open it; page 1's first question and its options. */
export async function seatFor(store: Store, letter: InvitationLetter): Promise<Seat> {
  const { sessionId } = await exchangeAccessCode(store, letter.code, new Date());
  const question = instrument2019.sections[0]!.questions[0]!;
  if (!('options' in question)) throw new Error('page 1 starts without a choice question');
  return { ags: letter.ags, cookie: `dm_sitzung=${sessionId}`, field: question.id, options: question.options.map((o) => o.id), revision: 0, acked: 0 };
}

/**
 * One connection per respondent; each save names the revision of its previous acknowledged save.
 * autocannon clears a connection's context whenever it starts its request list again, so the list
 * repeats the one save far more often than a connection gets through in the time.
 */
function saveLoad(base: string, seats: Seat[]): Promise<autocannon.Result> {
  let next = 0;
  const seatOf = (context: object) => ((context as { seat?: Seat }).seat ??= seats[next++ % seats.length]!);
  const save: autocannon.Request = {
        method: 'POST',
        setupRequest: (request, context) => {
          const seat = seatOf(context);
          const value = seat.options[(seat.revision + 1) % seat.options.length]!;
          const body = new URLSearchParams({ revision: String(seat.revision), [seat.field]: value, aktion: 'speichern' }).toString();
          const headers = { Cookie: seat.cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' };
          return { ...request, body, headers };
        },
        onResponse: (status, _body, context) => {
          const seat = seatOf(context);
          if (status !== 303) return;
          seat.revision += 1;
          seat.acked += 1;
        },
  };
  return autocannon({
    url: `${base}/umfrage/seite/1`,
    connections: seats.length,
    duration: SECONDS,
    requests: Array.from({ length: 20_000 }, () => save),
  });
}

function figuresOf(saves: autocannon.Result, peer: autocannon.Result, seats: readonly Seat[], stored: ReadonlyMap<string, number>): LoadFigures {
  const non303 = Object.entries(saves.statusCodeStats ?? {}).reduce((sum, [code, stat]) => sum + (code === '303' ? 0 : (stat.count ?? 0)), 0);
  const acknowledged = seats.reduce((sum, seat) => sum + seat.acked, 0);
  const lost = seats.reduce((sum, seat) => sum + Math.max(0, seat.acked - (stored.get(seat.ags) ?? 0)), 0);
  const inFlight = seats.reduce((sum, seat) => sum + Math.max(0, (stored.get(seat.ags) ?? 0) - seat.acked), 0);
  const savesPerSecond = Math.round(acknowledged / saves.duration);
  const peerPerSecond = Math.round(peer.requests.average);
  return {
    respondents: RESPONDENTS,
    seconds: SECONDS,
    savesPerSecond,
    p50Ms: saves.latency.p50,
    p99Ms: saves.latency.p99,
    errors: saves.errors + saves.timeouts,
    non303,
    acknowledgedSaves: acknowledged,
    storedRevisions: [...stored.values()].reduce((sum, revision) => sum + revision, 0),
    lostSaves: lost,
    inFlightAtEnd: inFlight,
    peerHealthzPerSecond: peerPerSecond,
    peerHealthzP99Ms: peer.latency.p99,
    ratioToHealthz: Number((savesPerSecond / peerPerSecond).toFixed(3)),
  };
}
