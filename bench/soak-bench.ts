// Soak under faults (issue 11): two `serve` processes on one PostgreSQL schema, 100 respondents saving
// page 1 for SOAK_SECONDS (default 300), half on each process; halfway, process A is killed with SIGKILL and
// started again on the same port. Each respondent is one loop with keep-alive; a connection refused during
// the restart is retried after 100 ms (counted, not a failure). Afterwards each unit's stored revision is
// compared with its acknowledged saves: none may be missing, and no request may have answered 5xx.
// Peer in the same run: the undisturbed process B's latency against A's.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openStore } from '../src/store/open-store.js';
import { dropSchema, freePort, type Seat, seatFor, seed, startServer, stop } from './load-bench.js';

export interface SoakFigures {
  readonly respondents: number;
  readonly seconds: number;
  readonly processes: 2;
  readonly saves: number;
  readonly savesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** p99 of process B alone (never killed): the peer. */
  readonly p99MsUndisturbed: number;
  readonly status5xx: number;
  readonly otherStatus: Readonly<Record<string, number>>;
  /** Saves refused as stale after the kill (in flight when A died, committed without acknowledgement). */
  readonly conflictsResynced: number;
  readonly connectionRetries: number;
  readonly killAtSecond: number;
  readonly restartSeconds: number;
  readonly acknowledgedSaves: number;
  readonly storedRevisions: number;
  readonly lostSaves: number;
}

const RESPONDENTS = 100;

export async function benchSoak(say: (line: string) => void, databaseUrl: string, seconds = Number(process.env.SOAK_SECONDS ?? 300)): Promise<SoakFigures> {
  const schema = `dm_soak_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl, schema });
  const servers: ChildProcess[] = [];
  try {
    const seats = await Promise.all((await seed(store, RESPONDENTS)).map((letter) => seatFor(store, letter)));
    const ports = [await freePort(), await freePort()] as const;
    servers.push(await startServer(databaseUrl, schema, ports[0]), await startServer(databaseUrl, schema, ports[1]));
    say(`Dauerlast mit Fehler: ${RESPONDENTS} Befragte speichern ${seconds} s lang auf zwei serve-Prozessen (PostgreSQL); nach ${seconds / 2} s wird Prozess A mit SIGKILL beendet und neu gestartet …`);
    const run = new Run(seats, ports, seconds);
    const driving = run.drive();
    await sleep((seconds / 2) * 1000);
    const killAt = run.elapsed();
    servers[0]!.kill('SIGKILL');
    await new Promise((resolve) => servers[0]!.once('exit', resolve));
    const restarted = Date.now();
    servers[0] = await startServer(databaseUrl, schema, ports[0]);
    const restartSeconds = (Date.now() - restarted) / 1000;
    await driving;
    const stored = new Map((await store.responsesForWave('w')).map((response) => [response.ags, response.revision]));
    const figures = run.figures(stored, killAt, restartSeconds);
    say(`  ${figures.saves} Speicherungen (${figures.savesPerSecond}/s), p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (ungestörter Prozess B: p99 ${figures.p99MsUndisturbed} ms); 5xx: ${figures.status5xx}`);
    say(`  Neustart von A nach ${figures.killAtSecond} s dauerte ${figures.restartSeconds} s; Wiederholungen nach Verbindungsfehlern ${figures.connectionRetries}, veraltete Revisionen nachgeladen ${figures.conflictsResynced}`);
    say(`  bestätigt ${figures.acknowledgedSaves}, gespeichert ${figures.storedRevisions}, verloren ${figures.lostSaves}`);
    return figures;
  } finally {
    await Promise.all(servers.map((server) => stop(server)));
    await store.close();
    await dropSchema(databaseUrl, schema);
  }
}

class Run {
  readonly #started = Date.now();
  readonly #latencies: [number[], number[]] = [[], []];
  readonly #status = new Map<string, number>();
  #retries = 0;
  #resynced = 0;

  constructor(
    private readonly seats: readonly Seat[],
    private readonly ports: readonly [number, number],
    private readonly seconds: number,
  ) {}

  elapsed(): number {
    return Math.round((Date.now() - this.#started) / 100) / 10;
  }

  drive(): Promise<void> {
    return Promise.all(this.seats.map((seat, i) => this.#respondent(seat, i % 2))).then(() => undefined);
  }

  async #respondent(seat: Seat, server: number): Promise<void> {
    const base = `http://127.0.0.1:${this.ports[server]}`;
    while (Date.now() - this.#started < this.seconds * 1000) {
      const value = seat.options[(seat.revision + 1) % seat.options.length]!;
      const body = new URLSearchParams({ revision: String(seat.revision), [seat.field]: value, aktion: 'speichern' }).toString();
      const sent = performance.now();
      let response: Response;
      try {
        response = await fetch(`${base}/umfrage/seite/1`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Cookie: seat.cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        });
      } catch {
        this.#retries++;
        await sleep(100);
        continue;
      }
      const text = await response.text();
      this.#status.set(String(response.status), (this.#status.get(String(response.status)) ?? 0) + 1);
      if (response.status === 303) {
        this.#latencies[server]!.push(performance.now() - sent);
        seat.revision += 1;
        seat.acked += 1;
      } else if (response.status === 409) {
        const current = /name="revision" value="(\d+)"/.exec(text)?.[1];
        if (current !== undefined) {
          seat.revision = Number(current);
          this.#resynced++;
        }
      }
    }
  }

  figures(stored: ReadonlyMap<string, number>, killAtSecond: number, restartSeconds: number): SoakFigures {
    const all = [...this.#latencies[0], ...this.#latencies[1]];
    const acknowledged = this.seats.reduce((sum, seat) => sum + seat.acked, 0);
    const other = Object.fromEntries([...this.#status].filter(([code]) => !['303', '409'].includes(code) && !code.startsWith('5')));
    return {
      respondents: this.seats.length,
      seconds: this.seconds,
      processes: 2,
      saves: all.length,
      savesPerSecond: Math.round(all.length / this.seconds),
      p50Ms: percentile(all, 0.5),
      p99Ms: percentile(all, 0.99),
      p99MsUndisturbed: percentile(this.#latencies[1], 0.99),
      status5xx: [...this.#status].reduce((sum, [code, count]) => sum + (code.startsWith('5') ? count : 0), 0),
      otherStatus: other,
      conflictsResynced: this.#resynced,
      connectionRetries: this.#retries,
      killAtSecond,
      restartSeconds,
      acknowledgedSaves: acknowledged,
      storedRevisions: [...stored.values()].reduce((sum, revision) => sum + revision, 0),
      lostSaves: this.seats.reduce((sum, seat) => sum + Math.max(0, seat.acked - (stored.get(seat.ags) ?? 0)), 0),
    };
  }
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
