// Import throughput of a 10,000-row flat CSV (decode, parse, validate, write) into PGlite and PostgreSQL,
// against the database's own bulk loader (COPY of the same CSV into a plain text table) in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { formatResponsesCsv } from '../src/formats/responses-csv.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { importResponses } from '../src/tasks/import-responses.js';
import { DESTATIS_SOURCE, importRegister } from '../src/tasks/import-register.js';
import { readFileSync } from 'node:fs';

export const ROWS = 10_000;

export interface ImportFigures {
  readonly rowsPerSecond: number;
  readonly seconds: number;
  readonly copyRowsPerSecond: number;
  /** Our import time / COPY time of the same file: the price of validation and all-or-nothing. */
  readonly ratioToCopy: number;
}

export function buildCsv(): { csv: string; gemeinden: Uint8Array; kreise: Uint8Array } {
  const gemeinden = readFileSync(new URL('../data/gemeinden.csv', import.meta.url));
  const kreise = readFileSync(new URL('../data/kreise.csv', import.meta.url));
  const { units } = parseRegisterCsv(new TextDecoder().decode(gemeinden), new TextDecoder().decode(kreise));
  const demo = generateDemoWave(units);
  // Real AGS carry synthetic demo answers here only inside a throw-away benchmark database.
  const responses = units.slice(0, ROWS).map((unit, i) => ({ ags: unit.ags, answers: demo.responses[i % demo.responses.length]!.answers }));
  return { csv: formatResponsesCsv(instrument2019, responses), gemeinden, kreise };
}

async function timeImport(store: Store, files: ReturnType<typeof buildCsv>): Promise<number> {
  await importRegister(store, { gemeinden: files.gemeinden, kreise: files.kreise, referenceDate: '2024-12-31', populationDate: '2023-12-31', source: DESTATIS_SOURCE, actor: 'bench' });
  await store.createWave({ id: 'bench', title: 'Benchmark', instrumentVersion: '2019' });
  const bytes = new TextEncoder().encode(files.csv);
  const start = performance.now();
  const result = await importResponses(store, { waveId: 'bench', bytes, fileName: 'bench.csv', actor: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  if (result.rows !== ROWS) throw new Error(`imported ${result.rows} rows`);
  return seconds;
}

function stagingTable(header: string): string {
  return `CREATE TABLE staging (${header.split(',').map((column) => `"${column}" text`).join(', ')})`;
}

export async function benchPglite(files: ReturnType<typeof buildCsv>): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  try {
    const store = await openStore({ dataDir: join(dir, 'db') });
    const seconds = await timeImport(store, files);
    await store.close();
    const peer = await PGlite.create(join(dir, 'peer'));
    await peer.exec(stagingTable(files.csv.slice(0, files.csv.indexOf('\r\n'))));
    const start = performance.now();
    await peer.query("COPY staging FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], { blob: new Blob([files.csv]) });
    const copySeconds = (performance.now() - start) / 1000;
    await peer.close();
    return figures(seconds, copySeconds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPostgres(files: ReturnType<typeof buildCsv>, url: string): Promise<ImportFigures> {
  const schema = `dm_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const store = await openStore({ databaseUrl: url, schema });
    const seconds = await timeImport(store, files);
    await store.close();
    await admin.query(`SET search_path TO ${schema}; ${stagingTable(files.csv.slice(0, files.csv.indexOf('\r\n')))}`);
    const path = join(dir, 'bench.csv');
    writeFileSync(path, files.csv);
    const start = performance.now();
    execFileSync('psql', [url, '-q', '-c', `SET search_path TO ${schema}`, '-c', `\\copy staging FROM '${path}' WITH (FORMAT csv, HEADER true)`]);
    const copySeconds = (performance.now() - start) / 1000;
    return figures(seconds, copySeconds);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function figures(seconds: number, copySeconds: number): ImportFigures {
  return {
    rowsPerSecond: Math.round(ROWS / seconds),
    seconds: round(seconds),
    copyRowsPerSecond: Math.round(ROWS / copySeconds),
    ratioToCopy: round(seconds / copySeconds),
  };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
