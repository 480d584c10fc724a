// run(argv, io, deps) → exit code. The only entry of the command line; main.ts supplies io and deps.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { dmError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Command, CommandContext } from './command.js';
import { COMMANDS } from './commands.js';
import type { CliDeps, Io } from './io.js';
import { printError } from './output.js';

const COMMON_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: readonly string[], io: Io, deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    printError(io, dmError('DM_USAGE', { detail: `unbekannter Befehl „${name}“. Übersicht: digitalmonitor --help` }));
    return 2;
  }
  let store: Store | undefined;
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.stdout(command.help);
      return 0;
    }
    const flags = values as Readonly<Record<string, string | boolean | undefined>>;
    const config = loadConfig({ env: io.env, flags: { db: flags.db as string | undefined, port: flags.port as string | undefined } });
    const context: CommandContext = {
      io,
      deps,
      positionals,
      values,
      config,
      store: async () => (store ??= await deps.openStore(config)),
    };
    return await command.run(context);
  } catch (error) {
    return printError(io, error);
  } finally {
    await store?.close();
  }
}

function parseCommandArgs(command: Command, args: readonly string[]) {
  const options = { ...COMMON_OPTIONS, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw dmError('DM_USAGE', { detail: `${germanParseError(error)} Hilfe: digitalmonitor ${command.name} --help` });
  }
  // parseArgs keeps the last of a repeated option (no option here is `multiple`): "--wave a --wave b" must not silently mean b.
  const given = parsed.tokens.flatMap((token) => (token.kind === 'option' && token.value !== undefined ? [token.name] : []));
  const repeated = given.find((name, i) => given.indexOf(name) !== i);
  if (repeated !== undefined) throw dmError('DM_USAGE', { detail: `Option „--${repeated}“ ist mehrfach angegeben; sie darf nur einmal vorkommen. Hilfe: digitalmonitor ${command.name} --help` });
  return { values: parsed.values, positionals: parsed.positionals };
}

function germanParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unbekannte Option „${option}“.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Option „${option}“ braucht einen Wert.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'zu viele Argumente.';
  return message;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Kommunaler Digitalmonitor – Befehle',
    '',
    'Aufruf: digitalmonitor <befehl> [optionen]   (Hilfe zu einem Befehl: digitalmonitor <befehl> --help)',
    '',
    ...lines,
    '',
    'Gemeinsame Optionen: --db <ordner> (eingebettete Datenbank, Standard ./.digitalmonitor); DATABASE_URL=postgres://… nutzt PostgreSQL.',
    'Exit-Codes: 0 erfolgreich · 1 interner Fehler · 2 Aufruf fehlerhaft · 3 ungültige Eingabe · 4 nicht gefunden · 5 Konflikt · 6 Datenbank nicht verfügbar',
    '',
  ].join('\n');
}

