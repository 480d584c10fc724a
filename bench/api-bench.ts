// npm run bench, part "JSON-API" (issue 10): throughput of the API against the real `serve` process on
// PostgreSQL over loopback, with API keys: reading a results table (GET …/analysis of the demo wave, 412
// responses) and posting a response import (POST …/responses, text/csv, 50 rows, all or nothing, each
// request replacing the same rows). Peer in the same run: the same autocannon load against /healthz.
// Each connection has its own key, so the per-key limit (100/s after a burst of 1,000) does not cap
// the figure; non-2xx replies are counted and reported, not included in the throughput.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { createApiKey } from '../src/tasks/api-keys.js';
import { dropSchema, freePort, startServer, stop } from './load-bench.js';

export interface ApiFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly analysisPerSecond: number;
  readonly analysisP99Ms: number;
  readonly analysisNon2xx: number;
  readonly importRows: number;
  readonly importsPerSecond: number;
  readonly importP99Ms: number;
  readonly importNon2xx: number;
  readonly peerHealthzPerSecond: number;
  /** Requests per second / healthz requests per second. */
  readonly analysisRatioToHealthz: number;
  readonly importRatioToHealthz: number;
}

const CONNECTIONS = 10;
const SECONDS = 8;
const IMPORT_ROWS = 50;
const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');

export async function benchApi(say: (line: string) => void, databaseUrl: string): Promise<ApiFigures> {
  const schema = `dm_api_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl, schema });
  let server: ChildProcess | undefined;
  try {
    const csv = await seed(store);
    const keys = await Promise.all(Array.from({ length: CONNECTIONS * 2 }, async (_, i) => (await createApiKey(store, { email: 'bench@example.de', name: `bench-${i}` }, 'bench')).key));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(databaseUrl, schema, port);
    say(`JSON-API: ${CONNECTIONS} Verbindungen je ${SECONDS} s gegen den serve-Prozess (PostgreSQL, Loopback, Bearer-Schlüssel) …`);
    const analysis = await load(`${base}/api/v1/waves/demo/analysis`, keys.slice(0, CONNECTIONS), { method: 'GET' });
    const imports = await load(`${base}/api/v1/waves/imp/responses`, keys.slice(CONNECTIONS), { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } });
    const peer = await autocannon({ url: `${base}/healthz`, connections: CONNECTIONS, duration: SECONDS });
    const figures = figuresOf(analysis, imports, peer);
    say(`  Ergebnistabellen lesen (GET …/analysis, 412 Antworten): ${figures.analysisPerSecond}/s, p99 ${figures.analysisP99Ms} ms, andere als 2xx: ${figures.analysisNon2xx}; Verhältnis zu /healthz ${figures.analysisRatioToHealthz}×`);
    say(`  Antworten importieren (POST …/responses, ${IMPORT_ROWS} Zeilen CSV): ${figures.importsPerSecond}/s, p99 ${figures.importP99Ms} ms, andere als 2xx: ${figures.importNon2xx}; Verhältnis ${figures.importRatioToHealthz}×`);
    say(`  /healthz: ${figures.peerHealthzPerSecond}/s`);
    return figures;
  } finally {
    if (server) await stop(server);
    await store.close();
    await dropSchema(databaseUrl, schema);
  }
}

/** The register, the closed demo wave "demo", a draft wave "imp", an analyst; returns the import CSV. */
async function seed(store: Store): Promise<string> {
  const register = parseRegisterCsv(read('gemeinden.csv'), read('kreise.csv'));
  await store.replaceRegister({ actor: 'bench', referenceDate: '2024-12-31', populationDate: '2023-12-31', source: 'Destatis', units: register.units });
  const demo = generateDemoWave(register.units);
  await store.replaceSyntheticUnits(demo.units);
  await store.createWave({ id: 'demo', title: 'Demo', instrumentVersion: '2019', demo: true });
  await store.saveResponses('demo', demo.responses, { status: 'submitted', source: 'demo', actor: 'bench' });
  await store.setWaveStatus('demo', 'open');
  await store.setWaveStatus('demo', 'closed');
  await store.createWave({ id: 'imp', title: 'Import', instrumentVersion: '2019' });
  await addUser(store, { email: 'bench@example.de', role: 'analyst', password: 'ein-langes-bench-passwort' }, 'bench');
  const rows = register.units.slice(0, IMPORT_ROWS).map((unit, i) => `${unit.ags},${i % 2 === 0 ? 'vorhanden' : 'kein_thema'}`);
  return `ags,strategy_status\n${rows.join('\n')}\n`;
}

/** One key per connection (autocannon's per-connection context). */
function load(url: string, keys: readonly string[], request: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<autocannon.Result> {
  let next = 0;
  const keyOf = (context: object) => ((context as { key?: string }).key ??= keys[next++ % keys.length]!);
  const one: autocannon.Request = {
    ...request,
    setupRequest: (req, context) => ({ ...req, headers: { ...request.headers, Authorization: `Bearer ${keyOf(context)}` } }),
  };
  return autocannon({ url, connections: keys.length, duration: SECONDS, requests: Array.from({ length: 10_000 }, () => one) });
}

function figuresOf(analysis: autocannon.Result, imports: autocannon.Result, peer: autocannon.Result): ApiFigures {
  const perSecond = (result: autocannon.Result) => Number((result['2xx'] / result.duration).toFixed(1));
  const non2xx = (result: autocannon.Result) => result.non2xx + result.errors + result.timeouts;
  const peerPerSecond = Math.round(peer.requests.average);
  return {
    connections: CONNECTIONS,
    seconds: SECONDS,
    analysisPerSecond: perSecond(analysis),
    analysisP99Ms: analysis.latency.p99,
    analysisNon2xx: non2xx(analysis),
    importRows: IMPORT_ROWS,
    importsPerSecond: perSecond(imports),
    importP99Ms: imports.latency.p99,
    importNon2xx: non2xx(imports),
    peerHealthzPerSecond: peerPerSecond,
    analysisRatioToHealthz: Number((perSecond(analysis) / peerPerSecond).toFixed(4)),
    importRatioToHealthz: Number((perSecond(imports) / peerPerSecond).toFixed(4)),
  };
}
