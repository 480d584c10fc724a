// Peak memory of our analysis alone, in a process of its own per wave size: the synthetic wave is built,
// the kernel's high-water mark of the resident set is reset (/proc/self/clear_refs, "5"), the analysis
// runs, and the new high-water mark minus the resident set before it is the analysis' working memory.
// Compared with the column data (issue 4: peak memory under twice the column data). The weighted analysis
// is measured twice, each time in a new process and in its first run: on one thread (ANALYSIS_THREADS=1),
// and on ANALYSIS_THREADS threads as the server runs it, the helper's heap and compiled code included.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nodeScript } from '../test/support/node-script.js';

export interface MemoryFigures {
  readonly respondents: number;
  readonly column_bytes: number;
  /** Resident set with modules and register loaded, before the wave is built. */
  readonly rss_empty_bytes: number;
  /** Resident set with the wave built, before the analysis. */
  readonly rss_before_bytes: number;
  /** High-water mark of the resident set above rss_before during the unweighted / the weighted analysis (one thread). */
  readonly unweighted_extra_bytes: number;
  readonly weighted_extra_bytes: number;
  /** extra / column_bytes: the analysis' own working memory. */
  readonly unweighted_ratio_to_columns: number;
  readonly weighted_ratio_to_columns: number;
  /**
   * (peak of either analysis − rss_empty) / column_bytes: everything the wave and its analysis hold, the
   * columns and the garbage of building them included. Meaningful for large waves only: at 412 the code
   * compiled for the analysis outweighs 78 KB of columns.
   */
  readonly peak_ratio_to_columns: number;
  /**
   * (columns + the larger working memory) / columns: what the analysis itself holds at its peak, its input
   * included, without what building the wave left behind (the synthetic wave's register rows and garbage
   * vary by ±50 MB between runs at 1,000,000).
   */
  readonly analysis_peak_ratio_to_columns: number;
  /** The weighted analysis on ANALYSIS_THREADS threads, in a process of its own: as weighted_extra_bytes and analysis_peak_ratio_to_columns. */
  readonly on_threads: { readonly weighted_extra_bytes: number; readonly analysis_peak_ratio_to_columns: number };
}

type Mode = 'one-thread' | 'threads';

/**
 * How the working memory grows with the wave, between two sizes: extra working memory per extra byte of
 * columns. What does not grow with the wave (compiled code, V8's young generation, the helper's isolate)
 * drops out: it is most of the working memory of the smaller waves.
 */
export interface MemoryGrowth {
  readonly from_respondents: number;
  readonly to_respondents: number;
  readonly one_thread: number;
  readonly on_threads: number;
  /** The working memory that does not grow with the wave (extra at `from` less growth × its columns), one thread / with helper. */
  readonly fixed_bytes: readonly [oneThread: number, onThreads: number];
}

/** Between the two largest sizes measured; undefined with fewer than two. */
export function memoryGrowth(measured: readonly (MemoryFigures | { readonly skipped: string })[]): MemoryGrowth | undefined {
  const sizes = measured.filter((figures): figures is MemoryFigures => !('skipped' in figures)).sort((a, b) => a.respondents - b.respondents);
  const [small, large] = sizes.slice(-2);
  if (!small || !large) return undefined;
  const columns = large.column_bytes - small.column_bytes;
  const extra = (figures: MemoryFigures, threads: boolean): number =>
    threads ? figures.on_threads.weighted_extra_bytes : Math.max(figures.unweighted_extra_bytes, figures.weighted_extra_bytes);
  const grown = (threads: boolean): number => extra(large, threads) - extra(small, threads);
  const fixed = (threads: boolean): number => Math.round(extra(small, threads) - (grown(threads) / columns) * small.column_bytes);
  return {
    from_respondents: small.respondents,
    to_respondents: large.respondents,
    one_thread: ratioOf(grown(false), columns),
    on_threads: ratioOf(grown(true), columns),
    fixed_bytes: [fixed(false), fixed(true)],
  };
}

export async function measureAnalysisMemory(n: number): Promise<MemoryFigures | { readonly skipped: string }> {
  try {
    readFileSync('/proc/self/status');
  } catch {
    return { skipped: '/proc/self/status fehlt (kein Linux)' };
  }
  const run = async (mode: Mode): Promise<ChildFigures> => {
    const args = ['--expose-gc', '--max-semi-space-size=32', ...nodeScript('analysis-memory', import.meta.url), String(n), mode];
    return JSON.parse((await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 })).stdout) as ChildFigures;
  };
  const own = await run('one-thread');
  const threads = await run('threads');
  return { ...own, on_threads: { weighted_extra_bytes: threads.weighted_extra_bytes, analysis_peak_ratio_to_columns: threads.analysis_peak_ratio_to_columns } };
}

type ChildFigures = Omit<MemoryFigures, 'on_threads'>;

function ratioOf(bytes: number, columns: number): number {
  return Math.round((bytes / columns) * 100) / 100;
}

function status(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((candidate) => candidate.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) * 1024;
}

/** Resets the high-water mark, runs, and returns how far the resident set rose above its start. */
async function peakAbove(run: () => unknown): Promise<{ before: number; extra: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync('/proc/self/clear_refs', '5');
  const before = status('VmRSS');
  await run();
  return { before, extra: Math.max(0, status('VmHWM') - before) };
}

async function child(n: number, mode: Mode): Promise<void> {
  const { parseRegisterCsv } = await import('../src/formats/register-csv.js');
  const { analyzeWave } = await import('../src/analysis/analyze-wave.js');
  const { columnBytes, syntheticWave } = await import('./analysis-wave.js');
  const { ANALYSIS_THREADS, weightedAnalysis } = await import('./analysis-weighted.js');
  const { AnalysisThreads } = await import('../src/threads/analysis-threads.js');
  const threads = mode === 'threads' ? AnalysisThreads.start({ threads: ANALYSIS_THREADS }) : undefined;
  await threads?.ready(); // the helper has loaded its modules, as in a running server
  const { units } = parseRegisterCsv(readFileSync(new URL('../data/gemeinden.csv', import.meta.url), 'utf8'), readFileSync(new URL('../data/kreise.csv', import.meta.url), 'utf8'));
  (globalThis as { gc?: () => void }).gc?.();
  const empty = status('VmRSS');
  const { data, respondents } = syntheticWave(n, units);
  const unweighted = await peakAbove(() => analyzeWave(data));
  const weightedRun = await peakAbove(() => weightedAnalysis(data, units, respondents, threads));
  await threads?.close();
  const columns = columnBytes(data);
  const peak = Math.max(unweighted.before + unweighted.extra, weightedRun.before + weightedRun.extra);
  const figures: ChildFigures = {
    respondents: n,
    column_bytes: columns,
    rss_empty_bytes: empty,
    rss_before_bytes: unweighted.before,
    unweighted_extra_bytes: unweighted.extra,
    weighted_extra_bytes: weightedRun.extra,
    unweighted_ratio_to_columns: ratioOf(unweighted.extra, columns),
    weighted_ratio_to_columns: ratioOf(weightedRun.extra, columns),
    peak_ratio_to_columns: ratioOf(peak - empty, columns),
    analysis_peak_ratio_to_columns: ratioOf(columns + Math.max(unweighted.extra, weightedRun.extra), columns),
  };
  process.stdout.write(JSON.stringify(figures));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(Number(process.argv[2]), process.argv[3] === 'threads' ? 'threads' : 'one-thread');
