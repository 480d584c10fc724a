// audit verify / list through the CLI, on the demo database: intact, then tampered around the triggers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
});
after(() => cli.close());

test('audit verify: intact chain with its head; an old head stays a valid anchor', async () => {
  const first = await cli.run('audit', 'verify');
  assert.equal(first.code, 0, first.stderr);
  const head = /neuester Hash ([0-9a-f]{64})/.exec(first.stdout)?.[1];
  assert.ok(head, first.stdout);
  const target = await cli.run('wave', 'target', '2019-demo', '--state', 'BY');
  assert.equal(target.code, 0, target.stderr);
  const later = await cli.run('audit', 'verify', '--anchor', head);
  assert.equal(later.code, 0, later.stderr);
  assert.doesNotMatch(later.stdout, new RegExp(head));
  const rewritten = await cli.run('audit', 'verify', '--anchor', 'f'.repeat(64));
  assert.equal(rewritten.code, 5);
  assert.match(rewritten.stderr, /neu geschrieben/);
});

test('audit list: newest entries as lines or JSON', async () => {
  const lines = await cli.run('audit', 'list', '--limit', '2');
  assert.equal(lines.code, 0, lines.stderr);
  assert.equal(lines.stdout.trim().split('\n').length, 2);
  const json = JSON.parse((await cli.run('audit', 'list', '--json')).stdout) as { action: string }[];
  assert.ok(json.length >= 2);
  assert.equal((await cli.run('audit', 'list', '--limit', '0')).code, 2);
  assert.equal((await cli.run('audit')).code, 2);
});
