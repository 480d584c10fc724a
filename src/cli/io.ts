// What the CLI may touch of the outside world; main.ts supplies Node's, tests supply memory.
import type { Config } from '../config.js';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import type { Store } from '../store/store.js';
import type { BundledRegister } from '../tasks/bundled-register.js';

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with DM_FILE_NOT_FOUND / DM_FILE_UNREADABLE. */
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /**
   * Writes `files` as the folder `path`, all or nothing (a temporary folder beside it, then renamed; an
   * existing folder is replaced). Rejects with DM_FILE_UNWRITABLE. Optional: only `export` writes folders.
   */
  writeFolder?(path: string, files: readonly { readonly name: string; readonly data: string | Uint8Array }[]): Promise<void>;
  /** All of standard input (passwords, piped CSV). */
  readStdin(): Promise<string>;
  /** On a terminal: asks with `prompt` on stderr and reads one line without echo; absent when stdin is no terminal. */
  readSecret?(prompt: string): Promise<string>;
}

export interface RunningServer {
  readonly url: string;
  /** Resolves when the server has stopped (signal or close). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export interface CliDeps {
  openStore(config: Config): Promise<Store>;
  /** gemeinden.csv and kreise.csv shipped with the product (Destatis, dl-de/by-2-0). */
  bundledRegister(): Promise<BundledRegister>;
  /** Starts the web UI on the configured port. */
  serve(config: Config, store: Store, log: (line: string) => void): Promise<RunningServer>;
  /** Prints self-contained HTML to PDF (src/pdf, Debian's Chromium). */
  printPdf(html: string, options: { readonly footerText?: string }): Promise<Uint8Array>;
  /** Many PDFs in a row through one browser and its reused pages (profile --all); the caller closes it. */
  openPdfPrinter?(): Promise<PdfPrinter>;
}

