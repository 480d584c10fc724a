// npm run bench [-- --json]: every measured figure, with ratios against a peer measured in the same run.
import { buildCsv, benchPglite, benchPostgres } from './import-bench.js';
import { benchStart } from './start-bench.js';
import { benchLoad } from './load-bench.js';
import { benchSoak } from './soak-bench.js';
import { benchAnalysis } from './analysis-bench.js';
import { benchProfiles } from './profile-bench.js';
import { benchReport } from './report-bench.js';
import { benchExport } from './export-bench.js';
import { benchTrend } from './trend-bench.js';
import { benchApi } from './api-bench.js';

const json = process.argv.includes('--json');
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

// The analysis first: after the in-process PGlite import its heap holds ~90 MB more, and the collector's work
// on it doubled the 412-respondent times (5.4 instead of 2.5 ms).
const analysis = await benchAnalysis(say);
const files = buildCsv();
say(`Import von ${files.csv.split('\r\n').length - 2} Zeilen (${(files.csv.length / 1e6).toFixed(1)} MB) …`);
const pglite = await benchPglite(files);
say(`  PGlite:     ${pglite.rowsPerSecond} Zeilen/s (${pglite.seconds} s); COPY derselben Datei ${pglite.copyRowsPerSecond} Zeilen/s; Verhältnis ${pglite.ratioToCopy}×`);
const postgres = await benchPostgres(files, databaseUrl).catch((error: Error) => ({ error: error.message }));
say(`  PostgreSQL: ${'error' in postgres ? `nicht gemessen (${postgres.error})` : `${postgres.rowsPerSecond} Zeilen/s (${postgres.seconds} s); COPY ${postgres.copyRowsPerSecond} Zeilen/s; Verhältnis ${postgres.ratioToCopy}×`}`);
say('npm start bis zur ersten Seite (leerer Datenordner) …');
const start = await benchStart();
say(`  erste Seite nach ${start.firstPageSeconds} s (Übersetzung vorab ${start.buildSeconds} s, nicht mitgezählt; Neustart ${start.restartSeconds} s); nackter Node-HTTP-Server ${start.bareNodeSeconds} s; Verhältnis ${start.ratioToBareNode}×`);

const report = await benchReport(say);
const profiles = await benchProfiles(say);
const exports = await benchExport(say);
const trend = await benchTrend(say);
const api = await benchApi(say, databaseUrl).catch((error: Error) => ({ error: error.message }));
if ('error' in api) say(`JSON-API: nicht gemessen (${api.error})`);
const load = await benchLoad(say, databaseUrl).catch((error: Error) => ({ error: error.message }));
if ('error' in load) say(`Last: nicht gemessen (${load.error})`);
const soak = await benchSoak(say, databaseUrl).catch((error: Error) => ({ error: error.message }));
if ('error' in soak) say(`Dauerlast mit Fehler: nicht gemessen (${soak.error})`);

if (json) process.stdout.write(`${JSON.stringify({ import_pglite: pglite, import_postgres: postgres, npm_start: start, analysis, report, profiles, exports, trend, api, load, soak })}\n`);
