// `serve` as a real process on an empty data folder: first start loads register and demo, the folder is
// locked against a second process, SIGTERM shuts down cleanly and a restart finds everything.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nodeScript } from './support/node-script.js';

const ENTRY = nodeScript('support/cli-process', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'dm-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...ENTRY, ...args, '--db', join(dir, 'db')], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPage(url: string, process: ReturnType<typeof cli>): Promise<string> {
  for (let i = 0; i < 1200; i++) {
    if (process.child.exitCode !== null) assert.fail(`server ended: ${process.output()}`);
    const page = await fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return assert.fail(`no page after 120 s: ${process.output()}`);
}

test('serve: first start, lock, clean shutdown, restart', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const first = cli(['serve', '--port', String(port)]);
  const page = await waitForPage(`http://127.0.0.1:${port}/`, first);
  assert.match(page, /2019-demo/);
  assert.match(first.output(), /Gemeindeverzeichnis geladen/);
  assert.match(first.output(), /Demo-Welle „2019-demo“ angelegt/);

  const second = cli(['wave', 'list']);
  assert.equal(await second.exited, 6);
  assert.match(second.output(), /DM_DB_LOCKED/);
  assert.match(second.output(), /wird bereits von einem anderen Prozess/);

  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());

  const list = cli(['wave', 'list']);
  assert.equal(await list.exited, 0, list.output());
  assert.match(list.output(), /2019-demo\tgeschlossen/);

  const restart = cli(['serve', '--port', String(port)]);
  await waitForPage(`http://127.0.0.1:${port}/healthz`, restart);
  assert.doesNotMatch(restart.output(), /geladen|angelegt/);
  restart.child.kill('SIGTERM');
  assert.equal(await restart.exited, 0);
});
