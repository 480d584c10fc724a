// The only writer of CLI errors: German message, one line per issue, exit code from the coded error.
import { DmError } from '../errors.js';
import { formatIssueDe } from '../instrument/messages.de.js';
import type { Issue } from '../instrument/issues.js';
import type { Io } from './io.js';

/** Most issues printed for one error; the rest are counted. */
const MAX_PRINTED_ISSUES = 200;

export function printError(io: Io, error: unknown): number {
  if (!(error instanceof DmError)) {
    io.stderr(`Fehler: Interner Fehler (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  io.stderr(`Fehler [${error.code}]: ${error.message}\n`);
  for (const issue of error.issues.slice(0, MAX_PRINTED_ISSUES)) io.stderr(`  ${issueLine(issue)}\n`);
  if (error.issues.length > MAX_PRINTED_ISSUES) {
    io.stderr(`  … und ${error.issues.length - MAX_PRINTED_ISSUES} weitere Fehler.\n`);
  }
  return error.exitCode;
}

function issueLine(issue: Issue): string {
  const file = issue.params?.file;
  return file === undefined ? formatIssueDe(issue) : `${file}: ${formatIssueDe(issue)}`;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
