// docs/errors.md and src/errors.ts list the same codes with the same status and exit code (fastify-style docs test).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES, dmError, type ErrorCode } from '../src/errors.js';

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| `(DM_[A-Z_]+)` \| (\d+) \| (\d+) \|/gm)].map((m) => [m[1]!, { status: Number(m[2]), exit: Number(m[3]) }]),
);

test('every error code is documented with its status and exit code', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const error = dmError(code, { detail: 'x', path: 'x', wave: 'x', version: 'x', status: 'x', target: 'x', dir: 'x', pid: 1, count: 1, file: 'x' });
    assert.deepEqual(documented.get(code), { status: error.status, exit: error.exitCode }, code);
  }
});

test('docs list no code that no longer exists', () => {
  for (const code of documented.keys()) assert.ok(code in ERROR_CODES, `${code} is in docs/errors.md but not in src/errors.ts`);
});

test('every message is German and names its parameters', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const message = dmError(code, { detail: 'DETAIL', path: 'PATH', wave: 'WAVE', version: 'V', status: 'S', target: 'T', dir: 'D', pid: 7, count: 3, file: 'F', email: 'E', found: 'FO', expected: 'EX', table: 'TB', rows: 2, minutes: 15 }).message;
    assert.doesNotMatch(message, /undefined/, code);
    assert.match(message, /[äöüß„“]|[A-Z][a-z]+ /, code);
  }
});

test('counts agree with their noun: one Kommune, several Kommunen', () => {
  assert.match(dmError('DM_PROFILE_TOO_FEW', { wave: 'w', count: 1, detail: 5 }).message, /In Welle „w“ hat erst 1 Kommune geantwortet\./);
  assert.match(dmError('DM_PROFILE_TOO_FEW', { wave: 'w', count: 3, detail: 5 }).message, /In Welle „w“ haben erst 3 Kommunen geantwortet\./);
});
