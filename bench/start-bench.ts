// Time of `npm start` on an empty data folder until the first page is served (after an untimed build, so
// that the figure does not depend on whether the sources changed since the last one), against a bare Node
// HTTP server process started and polled the same way in the same run.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { round } from './import-bench.js';

// The project itself, also when this runs compiled in .bench-build/ (whose package.json is a link to it).
const ROOT = dirname(realpathSync(new URL('../package.json', import.meta.url)));

export interface StartFigures {
  /** `npm run build` before the timed starts (a full compilation when the sources changed since the last one). */
  readonly buildSeconds: number;
  /** With the build up to date: npm start on an empty data folder until the first page is served. */
  readonly firstPageSeconds: number;
  /** Second start on the same folder (register and demo already loaded). */
  readonly restartSeconds: number;
  readonly bareNodeSeconds: number;
  readonly ratioToBareNode: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function timeUntilServed(start: (port: number) => ChildProcess): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = start(port);
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process ended: ${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - began) / 1000;
      if (performance.now() - began > 300_000) throw new Error(`not served after 300 s: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    // npm runs the server as its child: signal the whole process group (gone if it ended on its own).
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    await exited;
  }
}

export async function benchStart(): Promise<StartFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-start-'));
  try {
    const npmStart = (port: number) =>
      spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, PORT: String(port), DIGITALMONITOR_DB: join(dir, 'db'), DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    const built = performance.now();
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: ROOT });
    const buildSeconds = (performance.now() - built) / 1000;
    const firstPageSeconds = await timeUntilServed(npmStart);
    const restartSeconds = await timeUntilServed(npmStart);
    const bareNodeSeconds = await timeUntilServed((port) =>
      spawn(process.execPath, ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`], { stdio: ['ignore', 'ignore', 'pipe'], detached: true }),
    );
    return { buildSeconds: round(buildSeconds), firstPageSeconds: round(firstPageSeconds), restartSeconds: round(restartSeconds), bareNodeSeconds: round(bareNodeSeconds), ratioToBareNode: round(firstPageSeconds / bareNodeSeconds) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
