import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { CliDeps, Io } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly io: Io;
  readonly deps: CliDeps;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly config: Config;
  /** Opens the store once per command run; closed by run(). */
  store(): Promise<Store>;
}

export interface Command {
  readonly name: string;
  /** One German line for the overview. */
  readonly summary: string;
  /** Full German help text (usage, options, exit codes). */
  readonly help: string;
  readonly options: OptionSpec;
  /** Whether the command needs the database (most do). */
  readonly usesStore: boolean;
  run(context: CommandContext): Promise<number>;
}
