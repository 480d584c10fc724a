// The weighted tables on more than one core: the calling thread and helper threads claim variables from
// one shared counter and each computes the tables of the variables it claimed (weightedTables, unchanged),
// so the document is the same, number for number, as on one thread. DuckDB, the benchmark's peer, uses
// every core as well. One job at a time; a helper that dies leaves its variables to the calling thread.
import { Worker } from 'node:worker_threads';
import type { RakedDesign } from '../analysis/design/raked-design.js';
import { weightedTables } from '../analysis/design/weighted-tables.js';
import { unpackTables } from '../analysis/packed-tables.js';
import type { ResultsTable } from '../analysis/results-document.js';
import type { CodedVariable, WaveData } from '../analysis/wave-data.js';
import type { WorkerJob, WorkerReply } from './analysis-worker.js';
import { claimOrder, claimVariables } from './claim-variables.js';
import { sharedVariable, threadWave } from './thread-wave.js';

export interface AnalysisThreadsOptions {
  /** Threads in all, the calling one included (default 2); 1 computes on the calling thread alone. */
  readonly threads?: number;
  /** The helper threads' script (default: analysis-worker.js beside this module). */
  readonly workerUrl?: URL;
  /** Called when a helper thread ends other than by close(): the jobs then run on the threads left. */
  readonly onHelperExit?: (exitCode: number) => void;
}

type Outcome = { readonly tables: ReadonlyMap<number, ResultsTable[]> } | { readonly error: string } | { readonly lost: true };

class WorkerThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  alive = true;

  private closing = false;
  /** Resolves when the helper has loaded the analysis and listens, or has ended. */
  readonly ready: Promise<void>;

  constructor(url: URL, onExit: (exitCode: number) => void) {
    this.worker = new Worker(url);
    this.worker.unref();
    let listening = (): void => undefined;
    this.ready = new Promise((resolve) => (listening = resolve));
    this.worker.on('message', (reply: WorkerReply) => ('ready' in reply ? listening() : this.settle(reply.job, outcomeOf(reply))));
    this.worker.on('error', () => undefined); // 'exit' follows and settles what is pending
    this.worker.on('exit', (exitCode) => {
      listening();
      this.alive = false;
      for (const job of [...this.pending.keys()]) this.settle(job, { lost: true });
      if (!this.closing) onExit(exitCode);
    });
  }

  /** Settles when the helper has answered the job or is gone; never rejects. */
  request(message: WorkerJob): Promise<Outcome> {
    this.worker.ref();
    return new Promise((resolve) => {
      this.pending.set(message.job, resolve);
      this.worker.postMessage(message);
    });
  }

  private settle(job: number, outcome: Outcome): void {
    const resolve = this.pending.get(job);
    this.pending.delete(job);
    if (this.pending.size === 0) this.worker.unref();
    resolve?.(outcome);
  }

  terminate(): Promise<number> {
    this.closing = true;
    return this.worker.terminate();
  }
}

/** Unpacked at once: the helper reuses its buffer for the next job. */
function outcomeOf(reply: Exclude<WorkerReply, { ready: true }>): Outcome {
  if ('error' in reply) return { error: reply.error };
  try {
    return { tables: splitByVariable(unpackTables(reply.tables), reply.claimed) };
  } catch (error) {
    return { error: `Antwort des Hilfsthreads unlesbar: ${(error as Error).message}` };
  }
}

/** weightedTables gives `all` plus one table per grouping for each variable, in the order claimed. */
function splitByVariable(tables: readonly ResultsTable[], claimed: readonly number[]): Map<number, ResultsTable[]> {
  const per = claimed.length === 0 ? 0 : tables.length / claimed.length;
  return new Map(claimed.map((variable, i) => [variable, tables.slice(i * per, (i + 1) * per)]));
}

export class AnalysisThreads {
  private readonly threads: WorkerThread[];
  private queue: Promise<unknown> = Promise.resolve();
  private jobs = 0;

  private constructor(threads: WorkerThread[]) {
    this.threads = threads;
  }

  /** Starts the helper threads; they load the analysis in the background. */
  static start(options: AnalysisThreadsOptions = {}): AnalysisThreads {
    const count = Math.max(0, Math.floor(options.threads ?? 2) - 1);
    const url = options.workerUrl ?? new URL('./analysis-worker.js', import.meta.url);
    const onExit = options.onHelperExit ?? (() => undefined);
    return new AnalysisThreads(Array.from({ length: count }, () => new WorkerThread(url, onExit)));
  }

  /** Resolves when every helper thread has loaded the analysis (jobs do not wait for this: the calling thread starts at once). */
  async ready(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.ready));
  }

  /** weightedTables(data, design, variables), computed by every thread. */
  weightedTables(data: WaveData, design: RakedDesign, variables: readonly CodedVariable[] = data.variables): Promise<ResultsTable[]> {
    const run = this.queue.then(() => this.run(data, design, variables));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private async run(data: WaveData, design: RakedDesign, variables: readonly CodedVariable[]): Promise<ResultsTable[]> {
    const helpers = this.threads.filter((thread) => thread.alive);
    if (helpers.length === 0 || variables.length < 2) return weightedTables(data, design, variables);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const order = claimOrder(variables);
    const message: WorkerJob = { job: ++this.jobs, data: threadWave(data), design, variables: variables.map(sharedVariable), counter, order };
    const outcomes = helpers.map((helper) => helper.request(message));
    const mine: number[] = [];
    let tables: Map<number, ResultsTable[]>;
    try {
      tables = splitByVariable(weightedTables(data, design, claimVariables(variables, counter, mine, order)), mine);
    } catch (error) {
      await Promise.all(outcomes); // the helpers' buffers are free again before the next job
      throw error;
    }
    await collect(outcomes, tables, variables.length);
    const left = variables.flatMap((variable, i) => (tables.has(i) ? [] : [{ variable, i }]));
    if (left.length > 0) {
      const redone = splitByVariable(
        weightedTables(data, design, left.map(({ variable }) => variable)),
        left.map(({ i }) => i),
      );
      redone.forEach((value, i) => tables.set(i, value));
    }
    return variables.flatMap((_, i) => tables.get(i)!);
  }
}

/** Waits for helper answers until every variable has its tables (or no helper is left to answer). */
async function collect(outcomes: readonly Promise<Outcome>[], tables: Map<number, ResultsTable[]>, variables: number): Promise<void> {
  const open = new Map(outcomes.map((outcome, i) => [i, outcome.then((value) => ({ value, i }))]));
  while (tables.size < variables && open.size > 0) {
    const { value, i } = await Promise.race(open.values());
    open.delete(i);
    if ('error' in value) {
      await Promise.all(outcomes); // the other helpers' buffers are free again before the next job
      throw new Error(value.error);
    }
    if ('tables' in value) value.tables.forEach((list, variable) => tables.set(variable, list));
  }
}
