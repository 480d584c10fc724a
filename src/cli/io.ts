// What the CLI may touch of the outside world; main.ts supplies Node's, tests supply memory.
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { BundledRegister } from '../tasks/bundled-register.js';

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with DM_FILE_NOT_FOUND / DM_FILE_UNREADABLE. */
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** All of standard input (passwords, piped CSV). */
  readStdin(): Promise<string>;
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
}
