// Composition root: Node's I/O, the store, the web server — wired into the CLI.
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { run } from './cli/run.js';
import { readTerminalSecret } from './cli/terminal-secret.js';
import type { CliDeps, Io, RunningServer } from './cli/io.js';
import type { Config } from './config.js';
import { dmError } from './errors.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { AnalysisThreads } from './threads/analysis-threads.js';
import { createApp } from './web/create-app.js';

const DATA_DIR = new URL('../data/', import.meta.url);

export async function main(argv: readonly string[]): Promise<void> {
  const code = await run(argv.slice(2), nodeIo(), nodeDeps());
  process.exitCode = code;
}

/** Node's files, terminal and standard streams (files written beside themselves and renamed). */
export function nodeIo(): Io {
  return {
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => {
      try {
        return await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw dmError('DM_FILE_NOT_FOUND', { path });
        throw dmError('DM_FILE_UNREADABLE', { path, detail: code ?? String(error) });
      }
    },
    writeFile: async (path, data) => {
      try {
        await writeFileAtomically(path, data);
      } catch (error) {
        throw dmError('DM_FILE_UNWRITABLE', { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    },
    writeFolder: async (path, files) => {
      try {
        await writeFolderAtomically(path, files);
      } catch (error) {
        throw dmError('DM_FILE_UNWRITABLE', { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    },
    ...(process.stdin.isTTY ? { readSecret: readTerminalSecret } : {}),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

function nodeDeps(): CliDeps {
  return {
    openStore: (config: Config) => openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, secretKey: config.secretKey }),
    bundledRegister: async () => ({
      gemeinden: await readFile(new URL('gemeinden.csv', DATA_DIR)),
      kreise: await readFile(new URL('kreise.csv', DATA_DIR)),
    }),
    serve: startServer,
    // playwright-core on first use: loading it costs every command and `serve` about 0.35 s.
    printPdf: async (html, options) => (await import('./pdf/html-to-pdf.js')).htmlToPdf(html, options),
    openPdfPrinter: async () => (await import('./pdf/pdf-printer.js')).openPdfPrinter(),
  };
}


/** A regular file is written beside itself and renamed, so a reader never sees half a file; devices and pipes directly. */
async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return writeFile(path, data);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The files go into a temporary folder beside `path`, which then takes its place (an old folder is removed). */
async function writeFolderAtomically(path: string, files: readonly { readonly name: string; readonly data: string | Uint8Array }[]): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
  const temporary = `${path}.${process.pid}.tmp`;
  const previous = `${path}.${process.pid}.old`;
  try {
    await mkdir(temporary);
    for (const file of files) await writeFile(join(temporary, file.name), file.data);
    if (existing) await rename(path, previous);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

function startServer(config: Config, store: Store, log: (line: string) => void): Promise<RunningServer> {
  const analysisThreads = AnalysisThreads.start({
    threads: config.analysisThreads,
    onHelperExit: (code) => log(`Hilfsthread der gewichteten Analyse beendet (Exit-Code ${code}); die Analysen laufen ohne ihn weiter.`),
  });
  const app = createApp({ store, log, baseUrl: config.baseUrl, analysisThreads });
  return new Promise((resolve, reject) => {
    let stop: () => void = () => {};
    const closed = new Promise<void>((done) => (stop = done));
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
      const close = () => new Promise<void>((done) => server.close(() => done())).then(() => analysisThreads.close());
      const onSignal = () => void close().then(stop);
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      resolve({ url: config.baseUrl, closed, close: () => close().then(stop) });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      void analysisThreads.close();
      reject(dmError('DM_USAGE', { detail: error.code === 'EADDRINUSE' ? `Port ${config.port} ist bereits belegt (--port wählen).` : error.message }));
    });
  });
}
