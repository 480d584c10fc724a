// A helper thread whose analysis fails: it answers every job with an error.
import { parentPort } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from '../../src/threads/analysis-worker.js';

parentPort?.on('message', (job: WorkerJob) => {
  Atomics.add(job.counter, 0, 1);
  parentPort!.postMessage({ job: job.job, error: 'Analyse im Hilfsthread fehlgeschlagen' } satisfies WorkerReply);
});
parentPort?.postMessage({ ready: true });
