// backup / restore through the CLI: a demo database round trip, and damaged files that change nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let source: MemoryCli;

before(async () => {
  source = await memoryCli();
  assert.equal((await source.run('demo')).code, 0);
});
after(() => source.close());

async function restoreInto(bytes: Uint8Array): Promise<{ cli: MemoryCli; code: number; stderr: string }> {
  const cli = await memoryCli();
  cli.files.set('sicherung.gz', bytes);
  const { code, stderr } = await cli.run('restore', 'sicherung.gz');
  return { cli, code, stderr };
}

test('backup of the demo database restores into an empty one with every table equal', async () => {
  const backup = await source.run('backup', '--out', 'sicherung.gz');
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stderr, /Sicherung geschrieben: sicherung\.gz \(\d+ Tabellen, \d+ Zeilen\)/);
  const { cli, code, stderr } = await restoreInto(source.files.get('sicherung.gz')!);
  try {
    assert.equal(code, 0, stderr);
    assert.match(stderr, /zurückgespielt/);
    assert.deepEqual(await cli.store.snapshot(), await source.store.snapshot());
    const analysis = await cli.run('analyze', '--wave', '2019-demo', '--json');
    assert.equal(analysis.code, 0, analysis.stderr);
    assert.equal(analysis.stdout, (await source.run('analyze', '--wave', '2019-demo', '--json')).stdout);
  } finally {
    await cli.close();
  }
});

test('a truncated, altered, foreign or outdated backup is refused with a German message; nothing is written', async () => {
  await source.run('backup', '--out', 'sicherung.gz');
  const good = source.files.get('sicherung.gz')!;
  const plain = gunzipSync(good);
  const [header, ...rest] = plain.toString('utf8').split('\n');
  const altered = Buffer.from(plain);
  altered[altered.length - 10] = altered[altered.length - 10]! ^ 1;
  const outdated = JSON.parse(header!) as { migrations: string[] };
  outdated.migrations = outdated.migrations.slice(0, 1);
  const cases: [string, Uint8Array, number, RegExp][] = [
    ['abgeschnitten', good.subarray(0, good.length >> 1), 3, /keine vollständige Sicherung.*abgeschnitten.*nichts geändert/s],
    ['verändert', gzipSync(altered), 3, /Prüfsumme stimmt nicht/],
    ['fremd', gzipSync(Buffer.from('ags;name\n01001000;Flensburg\n')), 3, /keine Sicherung des Digitalmonitors/],
    ['kein gzip', Buffer.from('hallo'), 3, /nicht gzip-komprimiert/],
    ['alter Stand', gzipSync(Buffer.from([JSON.stringify(outdated), ...rest].join('\n'))), 5, /passt nicht zu dieser Datenbank/],
  ];
  for (const [name, bytes, exit, message] of cases) {
    const { cli, code, stderr } = await restoreInto(bytes);
    try {
      assert.equal(code, exit, `${name}: ${stderr}`);
      assert.match(stderr, message, name);
      assert.ok((await cli.store.snapshot()).tables.every((table) => table.rows.length === 0), `${name}: nothing written`);
    } finally {
      await cli.close();
    }
  }
});

test('restore never overwrites a database that holds data', async () => {
  await source.run('backup', '--out', 'sicherung.gz');
  const before = await source.store.snapshot();
  const result = await source.run('restore', 'sicherung.gz');
  assert.equal(result.code, 5);
  assert.match(result.stderr, /nur in eine leere Datenbank/);
  assert.deepEqual(await source.store.snapshot(), before);
  assert.equal((await source.run('restore')).code, 2);
  assert.equal((await source.run('backup')).code, 2);
});
