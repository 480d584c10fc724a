// A helper thread of AnalysisThreads: per job it claims variables until none are left, computes their
// weighted tables straight into a SharedArrayBuffer of its own (no table objects) and hands that back.
import { parentPort } from 'node:worker_threads';
import type { RakedDesign } from '../analysis/design/raked-design.js';
import { emitWeightedTables } from '../analysis/design/weighted-tables.js';
import { TablePacker, type PackedTables } from '../analysis/packed-tables.js';
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

/** Reused from job to job (the main thread unpacks an answer before it sends the next job); grows as needed. */
let out = sharedWords(8 << 16);

function sharedWords(words: number): Float64Array<SharedArrayBuffer> {
  return new Float64Array(new SharedArrayBuffer(8 * words));
}

function answer(message: WorkerJob): Exclude<WorkerReply, { ready: true }> {
  const claimed: number[] = [];
  try {
    const variables = message.variables.map(rebuiltVariable);
    const packer = new TablePacker(out, sharedWords);
    emitWeightedTables(rebuiltWave(message.data), rebuiltDesign(message.design), claimVariables(variables, message.counter, claimed, message.order), packer);
    out = packer.numbers as Float64Array<SharedArrayBuffer>;
    return { job: message.job, claimed, tables: packer.packed() };
  } catch (error) {
    return { job: message.job, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (message: WorkerJob) => parentPort!.postMessage(answer(message)));
parentPort?.postMessage({ ready: true } satisfies WorkerReply);
