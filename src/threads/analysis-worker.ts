// A helper thread of AnalysisThreads: per job it claims variables until none are left, computes their
// weighted tables and hands them back packed into a SharedArrayBuffer of its own.
import { parentPort } from 'node:worker_threads';
import type { RakedDesign } from '../analysis/design/raked-design.js';
import { weightedTables } from '../analysis/design/weighted-tables.js';
import { packedLength, packTables, type PackedTables } from '../analysis/packed-tables.js';
import type { CodedVariable, WaveData } from '../analysis/wave-data.js';
import { claimVariables } from './claim-variables.js';
import { rebuiltDesign, rebuiltVariable, rebuiltWave } from './thread-wave.js';

export interface WorkerJob {
  readonly job: number;
  readonly data: WaveData;
  readonly design: RakedDesign;
  readonly variables: readonly CodedVariable[];
  /** Shared with the main thread and every helper of the job (claimVariables). */
  readonly counter: Int32Array;
  readonly order: readonly number[];
}

/** `ready` once, when the helper listens; then one answer per job. */
export type WorkerReply =
  | { readonly ready: true }
  | { readonly job: number; readonly claimed: readonly number[]; readonly tables: PackedTables }
  | { readonly job: number; readonly error: string };

let out = new Float64Array(new SharedArrayBuffer(8 << 16));

function answer(message: WorkerJob): Exclude<WorkerReply, { ready: true }> {
  const claimed: number[] = [];
  try {
    const variables = message.variables.map(rebuiltVariable);
    const tables = weightedTables(rebuiltWave(message.data), rebuiltDesign(message.design), claimVariables(variables, message.counter, claimed, message.order));
    const words = packedLength(tables);
    if (words > out.length) out = new Float64Array(new SharedArrayBuffer(8 * Math.max(words, 2 * out.length)));
    return { job: message.job, claimed, tables: packTables(tables, out) };
  } catch (error) {
    return { job: message.job, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (message: WorkerJob) => parentPort!.postMessage(answer(message)));
parentPort?.postMessage({ ready: true } satisfies WorkerReply);
