// A helper thread that dies on its first job, claiming a variable first (AnalysisThreads must redo it).
import { parentPort } from 'node:worker_threads';
import type { WorkerJob } from '../../src/threads/analysis-worker.js';

parentPort?.on('message', (job: WorkerJob) => {
  Atomics.add(job.counter, 0, 1);
  process.exit(3);
});
parentPort?.postMessage({ ready: true });
