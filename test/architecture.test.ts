// Enforces the dependency table of shared/design/architecture.md by reading every import in src/.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = new URL('../src/', import.meta.url).pathname;
const DRIVERS = ['@electric-sql/pglite', 'pg'];

/** module folder → what its imports must not reach (folders of src/, packages, `node:`). */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  instrument: ['analysis', 'report', 'formats', 'store', 'tasks', 'web', 'cli', 'demo', 'node:', 'config', ...DRIVERS],
  register: ['analysis', 'report', 'formats', 'store', 'tasks', 'web', 'cli', 'demo', 'node:', 'config', ...DRIVERS],
  analysis: ['report', 'formats', 'store', 'tasks', 'web', 'cli', 'threads', 'node:', ...DRIVERS],
  threads: ['report', 'formats', 'store', 'tasks', 'web', 'cli', 'pdf', 'mail', 'config', ...DRIVERS],
  report: ['store', 'tasks', 'web', 'cli', 'node:', ...DRIVERS],
  profile: ['store', 'tasks', 'web', 'cli', 'pdf', 'formats', 'demo', 'node:', 'config', ...DRIVERS],
  formats: ['analysis', 'report', 'store', 'tasks', 'web', 'cli', 'node:fs', ...DRIVERS],
  opendata: ['report', 'store', 'tasks', 'web', 'cli', 'node:', ...DRIVERS],
  demo: ['analysis', 'report', 'formats', 'store', 'tasks', 'web', 'cli', 'node:', ...DRIVERS],
  tasks: ['web', 'cli', 'pdf', 'mail', 'threads', 'nodemailer', 'playwright-core', ...DRIVERS],
  store: ['analysis', 'report', 'tasks', 'web', 'cli', 'demo'],
  web: ['cli', 'store/sql', 'store/open', ...DRIVERS],
  cli: ['web', 'store/sql', 'store/open', ...DRIVERS],
  mail: ['instrument', 'register', 'analysis', 'report', 'formats', 'demo', 'store', 'tasks', 'web', 'cli', 'pdf', 'config', 'main', ...DRIVERS],
  pdf: ['instrument', 'register', 'analysis', 'report', 'formats', 'demo', 'store', 'tasks', 'web', 'cli', 'config', 'errors', 'main', ...DRIVERS],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => {
    const spec = m[1]!;
    return spec.startsWith('.') ? relative(SRC, join(file, '..', spec)).replace(/\.js$/, '') : spec;
  });
}

test('imports follow the dependency table', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const module = relative(SRC, file).split('/')[0]!;
    for (const target of importsOf(file)) {
      const forbidden = FORBIDDEN[module] ?? [];
      if (forbidden.some((prefix) => target.startsWith(prefix))) {
        violations.push(`${relative(SRC, file)} → ${target}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('only the two driver files import database drivers', () => {
  const users = sourceFiles(SRC).filter((file) => importsOf(file).some((target) => DRIVERS.includes(target)));
  assert.deepEqual(users.map((file) => relative(SRC, file)).sort(), ['store/open-pglite.ts', 'store/open-postgres.ts']);
});

test('only src/mail imports nodemailer', () => {
  const users = sourceFiles(SRC).filter((file) => importsOf(file).includes('nodemailer'));
  assert.deepEqual(users.map((file) => relative(SRC, file)), ['mail/smtp-mailer.ts']);
});

test('no grab-bag file names', () => {
  const bad = sourceFiles(SRC).filter((file) => /(^|\/)(utils?|helpers?|common|lib)(\.ts|\/)/.test(relative(SRC, file)));
  assert.deepEqual(bad, []);
});
