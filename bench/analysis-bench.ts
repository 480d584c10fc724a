// npm run bench, part "Analyse": our full analysis (every table of the results document — every variable
// by `all` and by every grouping — with every test; unweighted, and weighted with raking) against DuckDB
// doing the same counting on the same data, for synthetic waves of 412 … 1,000,000 respondents. The weighted
// analysis is also set against DuckDB doing its counting (per raking cell): the rest of its time is the
// statistics per table (intervals, Rao-Scott), which no formulation in DuckDB computes.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { crosstabs } from '../src/analysis/crosstabs.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../src/register/unit.js';
import { publicResults } from '../src/tasks/public-results.js';
import { AnalysisThreads } from '../src/threads/analysis-threads.js';
import { analysisGoals, goalLines, type GoalCheck } from './analysis-goals.js';
import { FORMULATIONS, loadDuckWave, tallyOf, WEIGHTED_FORMULATIONS, type DuckWave, type Formulation, type NamedFormulation, type Tally } from './analysis-duckdb.js';
import { measureAnalysisMemory, memoryGrowth, type MemoryGrowth } from './analysis-memory.js';
import type { FormulationFigures, Memory, SizeFigures } from './size-figures.js';
import { columnBytes, syntheticWave } from './analysis-wave.js';
import { ANALYSIS_THREADS, rakedDesign, weightedAnalysis, weightedCounting, weightedCountingTally, type WeightedRun } from './analysis-weighted.js';

export const SIZES: readonly number[] = [412, 10_000, 100_000, 1_000_000];
/**
 * Budget (the whole `npm run bench` should stay near 3 minutes on 2 cores): every DuckDB formulation
 * first runs on every 16th variable. It then runs on all variables when that probe predicts at most
 * FULL_RUN_SECONDS; the fastest one (the peer) also up to PEER_FULL_RUN_SECONDS, beyond that on every
 * 4th variable. Anything not run on all variables is reported as a labelled linear extrapolation.
 */
const FULL_RUN_SECONDS = 2;
const PEER_FULL_RUN_SECONDS = 12;
const PROBE_EVERY = 16;
const PEER_SAMPLE_EVERY = 4;
/** Short timings are repeated until this much time is spent (at most MAX_RUNS runs); the median counts. */
const REPEAT_SECONDS = 1;
const MAX_RUNS = 15;
/**
 * Up to this many respondents every timing (ours and DuckDB's) starts with untimed runs (JIT, caches): at
 * least WARM_UP_RUNS and until WARM_UP_SECONDS are spent, so that the median is the steady state of a server
 * that analyses again and again (412, unweighted: 27 ms in the first run, 4–13 ms in runs 4–18, 3 ms after
 * 0.5 s; weighted on two threads: 160–290 ms in runs 1–2, 40–70 ms in runs 3–20, 36–48 ms in runs 24–38
 * (1.5–2.5 s in), 34–38 ms from run 60 (about 2.5 s), as the helper thread compiles its half of the code on
 * its own and so later). The first run of each size is reported too.
 */
const WARM_UP_UP_TO = 100_000;
const WARM_UP_RUNS = 3;
const WARM_UP_SECONDS = 3;
/** statistics.md "Disclosure control": default k. */
const K = 5;

export interface AnalysisFigures {
  readonly variables: number;
  readonly groupings: Readonly<Record<string, number>>;
  readonly tables: number;
  readonly duckdb_version: string;
  readonly duckdb_threads: number;
  /** Threads of our weighted analysis (the unweighted one runs on one). */
  readonly analysis_threads: number;
  /** 1-minute load average of the machine at the start and at the end: other work skews the times. */
  readonly load_average: readonly [start: number, end: number];
  readonly sizes: readonly SizeFigures[];
  /** Issue 4's goals checked against these figures (analysis-goals.ts). */
  readonly goals: readonly GoalCheck[];
  /** The working memory's growth with the wave between the two largest sizes (analysis-memory.ts). */
  readonly memory_growth?: MemoryGrowth;
}

export async function benchAnalysis(say: (line: string) => void, sizes: readonly number[] = SIZES): Promise<AnalysisFigures> {
  const { units } = parseRegisterCsv(readFileSync(new URL('../data/gemeinden.csv', import.meta.url), 'utf8'), readFileSync(new URL('../data/kreise.csv', import.meta.url), 'utf8'));
  const gc = exposeGc();
  const loadAtStart = round(loadavg()[0]!);
  const threads = AnalysisThreads.start({ threads: ANALYSIS_THREADS });
  try {
    return await benchSizes(say, sizes, units, gc, loadAtStart, threads);
  } finally {
    await threads.close();
  }
}

async function benchSizes(
  say: (line: string) => void,
  sizes: readonly number[],
  units: readonly RegisterUnit[],
  gc: () => void,
  loadAtStart: number,
  threads: AnalysisThreads,
): Promise<AnalysisFigures> {
  const results: SizeFigures[] = [];
  let header: Omit<AnalysisFigures, 'sizes' | 'load_average' | 'goals'> | undefined;
  for (const n of sizes) {
    gc();
    const { data, respondents } = syntheticWave(n, units);
    const before = memory();
    const warmUp = n <= WARM_UP_UP_TO;
    const unweighted = timeRepeated(() => analyzeWave(data), warmUp);
    const counting = timeRepeated(() => crosstabs(data), warmUp);
    const suppression = timeRepeated(() => publicResults(instrument2019, unweighted.result, K), warmUp);
    const weightedRun = await timeWeighted(warmUp, () => weightedAnalysis(data, units, respondents, threads));
    const oneThread = await timeWeighted(warmUp, () => weightedAnalysis(data, units, respondents));
    const design = rakedDesign(data, units, respondents);
    const weightedCounts = timeRepeated(() => weightedCounting(data, design), warmUp);
    const afterOurs = memory();
    const ours = tallyOf(unweighted.result.tables);
    const wave = await loadDuckWave(data);
    const afterLoad = memory();
    header ??= {
      variables: data.variables.length,
      groupings: Object.fromEntries(data.groupings.map((grouping) => [grouping.name, grouping.values.length])),
      tables: unweighted.result.tables.length,
      duckdb_version: wave.version,
      duckdb_threads: wave.threads,
      analysis_threads: ANALYSIS_THREADS,
    };
    if (results.length === 0) {
      say(`Analyse: ${header.variables} Tabellenvariablen × (all + ${data.groupings.length} Gruppierungen) = ${header.tables} Tabellen; DuckDB ${header.duckdb_version} mit ${header.duckdb_threads} Threads, unsere ungewichtete Analyse mit einem, die gewichtete mit ${ANALYSIS_THREADS} wie im Produkt (ANALYSIS_THREADS); Systemlast ${loadAtStart} …`);
      say(`  Zeiten (unsere wie DuckDBs): bis ${WARM_UP_UP_TO.toLocaleString('de-DE')} Befragte nach ungezählten Aufwärmläufen (mindestens ${WARM_UP_RUNS} und ${WARM_UP_SECONDS} s), dann Median aus bis zu ${MAX_RUNS} Läufen (bis ${REPEAT_SECONDS} s gemessen); darüber ohne Aufwärmlauf`);
    }
    const formulations = await measureFormulations(wave, FORMULATIONS, ours, warmUp);
    const weightedFormulations = await measureFormulations(wave, WEIGHTED_FORMULATIONS, weightedCountingTally(data, design), warmUp);
    const afterDuckdb = memory();
    wave.close();
    const fastest = (list: readonly FormulationFigures[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const best = fastest(formulations);
    const bestWeighted = fastest(weightedFormulations);
    const analysisProcess = await measureAnalysisMemory(n).catch((error: Error) => ({ skipped: error.message.split('\n')[0]! }));
    const figures: SizeFigures = {
      respondents: n,
      column_bytes: columnBytes(data),
      ours: {
        unweighted_seconds: unweighted.seconds,
        unweighted_first_run_seconds: unweighted.firstRunSeconds,
        counting_seconds: counting.seconds,
        suppression_seconds: suppression.seconds,
        suppressed_cells: suppression.result.disclosure.suppressed_cells,
        weighted_seconds: weightedRun.seconds,
        weighted_first_run_seconds: weightedRun.firstRunSeconds,
        weighted_one_thread_seconds: oneThread.seconds,
        raking_seconds: weightedRun.rakingSeconds,
        weighted_counting_seconds: weightedCounts.seconds,
      },
      duckdb: { load_seconds: wave.loadSeconds, formulations, best: best.name, weighted_counting: { formulations: weightedFormulations, best: bestWeighted.name } },
      ratio_unweighted_to_duckdb: ratio(unweighted.seconds, best.seconds),
      ratio_counting_to_duckdb: ratio(counting.seconds, best.seconds),
      ratio_weighted_to_duckdb: ratio(weightedRun.seconds, best.seconds),
      ratio_weighted_to_duckdb_weighted_counting: ratio(weightedRun.seconds, bestWeighted.seconds),
      ratio_weighted_counting_to_duckdb_weighted_counting: ratio(weightedCounts.seconds, bestWeighted.seconds),
      ratio_weighted_one_thread_to_duckdb: ratio(oneThread.seconds, best.seconds),
      ratio_weighted_one_thread_to_duckdb_weighted_counting: ratio(oneThread.seconds, bestWeighted.seconds),
      memory: { before, after_ours: afterOurs, after_duckdb_load: afterLoad, after_duckdb: afterDuckdb, peak_rss_bytes: process.resourceUsage().maxRSS * 1024, analysis_process: analysisProcess },
    };
    results.push(figures);
    report(say, figures);
  }
  const loadAtEnd = round(loadavg()[0]!);
  say(`  Systemlast am Ende ${loadAtEnd} (bei 2 Kernen und Last > 2 sind alle Zeiten gestreckt)`);
  const growth = memoryGrowth(results.map((figures) => figures.memory.analysis_process));
  if (growth) say(growthLine(growth));
  const goals = analysisGoals(results);
  for (const line of goalLines(goals)) say(line);
  return { ...header!, load_average: [loadAtStart, loadAtEnd], sizes: results, goals, ...(growth ? { memory_growth: growth } : {}) };
}

function report(say: (line: string) => void, figures: SizeFigures): void {
  const { ours, duckdb, memory: mem } = figures;
  const weighted = `gewichtet ${ours.weighted_seconds} s (davon Raking ${ours.raking_seconds} s; erster Lauf ${ours.weighted_first_run_seconds} s; auf einem Thread ${ours.weighted_one_thread_seconds} s; nur Zählen je Raking-Zelle ${ours.weighted_counting_seconds} s)`;
  say(`  ${figures.respondents.toLocaleString('de-DE')} Befragte (Spalten ${mb(figures.column_bytes)}): unsere Analyse ungewichtet ${ours.unweighted_seconds} s (erster Lauf ${ours.unweighted_first_run_seconds} s; nur Zählen ${ours.counting_seconds} s; Sperrung k = ${K} ${ours.suppression_seconds} s, ${ours.suppressed_cells} Zellen), ${weighted}`);
  const formulations = (list: readonly FormulationFigures[]): string =>
    list
      .map((f) => {
        const label = [...FORMULATIONS, ...WEIGHTED_FORMULATIONS].find((candidate) => candidate.name === f.name)!.label;
        const sample = f.extrapolated_from ? `≈ ${f.seconds} s hochgerechnet aus ${f.extrapolated_from.variables} von ${f.extrapolated_from.of} Variablen` : `${f.seconds} s${f.check === 'mismatch' ? ' ZÄHLUNG WEICHT AB' : ' ✓'}`;
        return `${label} ${sample}`;
      })
      .join(' · ');
  say(`    DuckDB (Laden ${duckdb.load_seconds} s, nicht mitgezählt; ✓ = dieselben Zählungen wie unsere): ${formulations(duckdb.formulations)}`);
  say(`    DuckDB, Zählen der gewichteten Analyse: ${formulations(duckdb.weighted_counting.formulations)}`);
  say(`    Verhältnis unsere/DuckDB (bestes: ${duckdb.best}): ungewichtet ${figures.ratio_unweighted_to_duckdb}×, nur Zählen ${figures.ratio_counting_to_duckdb}×, gewichtet ${figures.ratio_weighted_to_duckdb}×`);
  say(`    Verhältnis gewichtet zu DuckDBs Zählen je Raking-Zelle (${duckdb.weighted_counting.best}): ganze Analyse ${figures.ratio_weighted_to_duckdb_weighted_counting}× (auf einem Thread ${figures.ratio_weighted_one_thread_to_duckdb_weighted_counting}×), nur Zählen ${figures.ratio_weighted_counting_to_duckdb_weighted_counting}×`);
  say(`    Speicher: RSS ${mb(mem.before.rss_bytes)} → ${mb(mem.after_ours.rss_bytes)} nach unserer Analyse → ${mb(mem.after_duckdb_load.rss_bytes)} mit DuckDB-Tabelle → ${mb(mem.after_duckdb.rss_bytes)} nach den Abfragen (Spitze des Prozesses bisher ${mb(mem.peak_rss_bytes)}); Heap ${mb(mem.before.heap_used_bytes)} → ${mb(mem.after_ours.heap_used_bytes)}`);
  const own = mem.analysis_process;
  say(
    'skipped' in own
      ? `    Speicher unserer Analyse im eigenen Prozess: nicht gemessen (${own.skipped})`
      : `    Speicher unserer Analyse im eigenen Prozess (je erster Lauf): Arbeitsspeicher über der geladenen Welle ungewichtet +${mb(own.unweighted_extra_bytes)}, gewichtet +${mb(own.weighted_extra_bytes)} (mit Hilfsthread +${mb(own.on_threads.weighted_extra_bytes)}); Spalten + Arbeitsspeicher ${own.analysis_peak_ratio_to_columns}× der Spaltendaten (mit Hilfsthread ${own.on_threads.analysis_peak_ratio_to_columns}×); Prozess über leer (mit Aufbau der synthetischen Welle) ${own.peak_ratio_to_columns}×`,
  );
}

function growthLine(growth: MemoryGrowth): string {
  const [one, threads] = growth.fixed_bytes;
  const span = `${growth.from_respondents.toLocaleString('de-DE')} → ${growth.to_respondents.toLocaleString('de-DE')} Befragte`;
  return `  Arbeitsspeicher, Zuwachs mit der Welle (${span}): ${growth.one_thread}× der zusätzlichen Spaltendaten (mit Hilfsthread ${growth.on_threads}×); fester Anteil ${mb(one)} (mit Hilfsthread ${mb(threads)})`;
}

async function measureFormulations(wave: DuckWave, list: readonly NamedFormulation[], ours: Tally, warmUp: boolean): Promise<FormulationFigures[]> {
  const all = wave.variables.map((_, v) => v);
  const every = (step: number): number[] => all.filter((v) => v % step === 0);
  const extrapolate = async (run: Formulation, variables: readonly number[]): Promise<number> => {
    const start = performance.now();
    await run(wave, variables);
    return ((performance.now() - start) / 1000) * (all.length / variables.length);
  };
  const estimates: number[] = [];
  for (const formulation of list) estimates.push(await extrapolate(formulation.run, every(PROBE_EVERY)));
  const peer = estimates.indexOf(Math.min(...estimates));
  const figures: FormulationFigures[] = [];
  for (const [i, { name, run }] of list.entries()) {
    const estimate = estimates[i]!;
    if (estimate <= FULL_RUN_SECONDS || (i === peer && estimate <= PEER_FULL_RUN_SECONDS)) {
      const full = await timeRepeatedAsync(() => run(wave, all), warmUp);
      figures.push({ name, seconds: full.seconds, check: full.result.cells === ours.cells && full.result.total === ours.total ? 'ok' : 'mismatch' });
    } else {
      const step = i === peer ? PEER_SAMPLE_EVERY : PROBE_EVERY;
      const seconds = i === peer ? await extrapolate(run, every(step)) : estimate;
      figures.push({ name, seconds: round(seconds), extrapolated_from: { variables: every(step).length, of: all.length }, check: 'sample' });
    }
  }
  return figures;
}

/** Median of the runs' total and, separately, of their raking times. */
async function timeWeighted(warmUp: boolean, analysis: () => Promise<WeightedRun>): Promise<Timing<WeightedRun> & { rakingSeconds: number }> {
  const raking: number[] = [];
  const runs = await timeRepeatedAsync(async () => {
    const run = await analysis();
    raking.push(run.rakingSeconds);
    return run;
  }, warmUp);
  return { ...runs, rakingSeconds: round(median(raking.slice(runs.warmUpRuns))) };
}

interface Timing<T> {
  /** Median of the timed runs. */
  readonly seconds: number;
  readonly firstRunSeconds: number;
  /** The last run's result (only that one is kept: earlier ones would skew the collector's work). */
  readonly result: T;
  /** How many runs were warm-up. */
  readonly warmUpRuns: number;
}

function timeRepeated<T>(run: () => T, warmUp: boolean): Timing<T> {
  const seconds: number[] = [];
  let result: T;
  do {
    const start = performance.now();
    result = run();
    seconds.push((performance.now() - start) / 1000);
  } while (!enough(seconds, warmUp));
  return timing(seconds, result, warmUp);
}

async function timeRepeatedAsync<T>(run: () => Promise<T>, warmUp: boolean): Promise<Timing<T>> {
  const seconds: number[] = [];
  let result: T;
  do {
    const start = performance.now();
    result = await run();
    seconds.push((performance.now() - start) / 1000);
  } while (!enough(seconds, warmUp));
  return timing(seconds, result, warmUp);
}

/** Whether the runs so far (their seconds) complete warm-up and measurement. */
function enough(seconds: readonly number[], warmUp: boolean): boolean {
  const timed = seconds.slice(warmUpRuns(seconds, warmUp));
  return timed.length > 0 && (timed.length >= MAX_RUNS || sum(timed) >= REPEAT_SECONDS);
}

/** How many of the runs so far are warm-up: the first WARM_UP_RUNS, more until WARM_UP_SECONDS; all while still warming up. */
function warmUpRuns(seconds: readonly number[], warmUp: boolean): number {
  if (!warmUp) return 0;
  let spent = 0;
  for (let i = 0; i < seconds.length; i++) {
    spent += seconds[i]!;
    if (i + 1 >= WARM_UP_RUNS && spent >= WARM_UP_SECONDS) return i + 1;
  }
  return seconds.length;
}

function timing<T>(seconds: readonly number[], result: T, warmUp: boolean): Timing<T> {
  const skipped = warmUpRuns(seconds, warmUp);
  return { seconds: round(median(seconds.slice(skipped))), firstRunSeconds: round(seconds[0]!), result, warmUpRuns: skipped };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A collector for comparable memory figures between sizes (npm run bench runs without --expose-gc). */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function memory(): Memory {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss_bytes: rss, heap_used_bytes: heapUsed };
}

function ratio(ours: number, peer: number): number {
  return Math.round((ours / peer) * 1000) / 1000;
}

function round(seconds: number): number {
  return Math.round(seconds * 10_000) / 10_000;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
