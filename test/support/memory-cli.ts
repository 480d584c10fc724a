// Runs the CLI in-process with in-memory I/O and one shared in-memory store (architecture habit 9).
import { readFile } from 'node:fs/promises';
import type { CliDeps, Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { dmError } from '../../src/errors.js';
import { htmlToPdf } from '../../src/pdf/html-to-pdf.js';
import { openPdfPrinter } from '../../src/pdf/pdf-printer.js';
import { CHROMIUM_PATH } from './browser.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the user types: piped standard input, or answers to the terminal's secret prompts (a TTY). */
export interface CliInput {
  readonly stdin?: string;
  readonly tty?: readonly string[];
}

export interface MemoryCli {
  readonly files: Map<string, Uint8Array>;
  readonly store: Store;
  /** The CLI's dependencies with this session's store (for run() with another Io). */
  readonly deps: CliDeps;
  run(...argv: string[]): Promise<CliResult>;
  /** run() with standard input or a terminal; `prompts` are the secret prompts shown. */
  runWith(input: CliInput, ...argv: string[]): Promise<CliResult & { readonly prompts: readonly string[] }>;
  text(path: string): string;
  close(): Promise<void>;
}

const DATA = new URL('../../data/', import.meta.url);

export async function memoryCli(env: Record<string, string> = {}): Promise<MemoryCli> {
  const store = await openStore({});
  const files = new Map<string, Uint8Array>();
  // The CLI closes its store after each command; the session keeps this one open.
  const shared = new Proxy(store, {
    get: (target, key) => {
      if (key === 'close') return async () => {};
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const deps: CliDeps = {
    openStore: async () => shared,
    bundledRegister: async () => ({ gemeinden: await readFile(new URL('gemeinden.csv', DATA)), kreise: await readFile(new URL('kreise.csv', DATA)) }),
    serve: async () => {
      throw new Error('serve is tested over HTTP, not here');
    },
    printPdf: (html, options) => htmlToPdf(html, { ...options, executablePath: CHROMIUM_PATH }),
    openPdfPrinter: () => openPdfPrinter({ executablePath: CHROMIUM_PATH }),
  };
  return {
    files,
    store,
    deps,
    text: (path) => new TextDecoder().decode(files.get(path)),
    close: () => store.close(),
    run: (...argv) => runWith({}, ...argv),
    runWith,
  };

  async function runWith(input: CliInput, ...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const prompts: string[] = [];
    const answers = [...(input.tty ?? [])];
    const io: Io = {
      env,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readFile: async (path) => {
        const data = files.get(path);
        if (!data) throw dmError('DM_FILE_NOT_FOUND', { path });
        return data;
      },
      writeFile: async (path, data) => void files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data),
      writeFolder: async (path, written) => {
        for (const file of written) files.set(`${path}/${file.name}`, typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data);
      },
      readStdin: async () => input.stdin ?? '',
      ...(input.tty ? { readSecret: async (prompt: string) => (prompts.push(prompt), answers.shift() ?? '') } : {}),
    };
    const code = await run(argv, io, deps);
    return { code, stdout, stderr, prompts };
  }
}
