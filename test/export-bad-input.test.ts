// Bad input to `export`: unknown format, unknown wave, an output path that cannot be written — a German
// message, a non-zero exit, and no file or folder (not even a half-written one) left behind. The command
// line in-process with Node's real file I/O (src/main.ts nodeIo) on a temporary folder, and one shared
// in-memory store with the demo waves.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { run } from '../src/cli/run.js';
import { nodeIo } from '../src/main.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dm-export-bad-'));
let session: MemoryCli;

/** `digitalmonitor …` with paths relative to `dir`, writing to the real file system. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const argv = args.map((arg, i) => (args[i - 1] === '--out' && arg !== '-' ? join(dir, arg) : arg));
  const code = await run(argv, io, session.deps);
  return { code, stdout, stderr: stderr.replaceAll(`${dir}/`, '') };
}

before(async () => {
  session = await memoryCli();
  const demo = await session.run('demo');
  assert.equal(demo.code, 0, demo.stderr);
  mkdirSync(join(dir, 'out'));
  writeFileSync(join(dir, 'out', 'a-file'), 'x');
});
after(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const leftovers = () => readdirSync(join(dir, 'out')).filter((name) => name !== 'a-file' && name !== 'old');

test('unknown format, unknown wave, a folder format to stdout: German message, exit 2 or 4, nothing written', async () => {
  const format = await cli('export', '--wave', '2019-demo', '--format', 'sav', '--out', 'out/x.sav');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /Format „sav“ wird nicht unterstützt \(verfügbar: csv, csv-excel, xlsx, spss, r, codebook, opendata\)/);
  const wave = await cli('export', '--wave', 'gibt-es-nicht', '--format', 'xlsx', '--out', 'out/x.xlsx');
  assert.equal(wave.code, 4);
  assert.match(wave.stderr, /Welle „gibt-es-nicht“ gibt es nicht/);
  const folderToStdout = await cli('export', '--wave', '2019-demo', '--format', 'spss', '--out', '-');
  assert.equal(folderToStdout.code, 2);
  assert.doesNotMatch(format.stderr + wave.stderr, /at .*\.ts:\d+/, 'no stack trace');
  assert.deepEqual(leftovers(), []);
});

test('unwritable output: missing folder, a file where a folder must go — exit 3, no half-written file', async () => {
  const file = await cli('export', '--wave', '2019-demo', '--format', 'xlsx', '--out', 'out/fehlt/x.xlsx');
  assert.equal(file.code, 3, file.stderr);
  assert.match(file.stderr, /Ausgabe kann nicht geschrieben werden: out\/fehlt\/x\.xlsx \(ENOENT\)\. Es wurde nichts geschrieben\./);
  const folder = await cli('export', '--wave', '2019-demo', '--format', 'spss', '--out', 'out/a-file');
  assert.equal(folder.code, 3, folder.stderr);
  assert.match(folder.stderr, /Ausgabe kann nicht geschrieben werden: out\/a-file/);
  assert.equal(readFileSync(join(dir, 'out', 'a-file'), 'utf8'), 'x');
  const nested = await cli('export', '--wave', '2019-demo', '--format', 'r', '--out', 'out/fehlt/r');
  assert.equal(nested.code, 3, nested.stderr);
  assert.deepEqual(leftovers(), []);
});

test('report to an unwritable --out: exit 3 as its --help says, nothing written', async () => {
  const report = await cli('report', '--wave', '2019-demo', '--format', 'html', '--out', 'out/fehlt/bericht.html');
  assert.equal(report.code, 3, report.stderr);
  assert.match(report.stderr, /Ausgabe kann nicht geschrieben werden: out\/fehlt\/bericht\.html/);
  assert.match((await cli('report', '--help')).stdout, /3 Ausgabe nicht schreibbar/);
  assert.deepEqual(leftovers(), []);
});

test('a folder export replaces an existing folder whole; a file export replaces the file', async () => {
  mkdirSync(join(dir, 'out', 'old'));
  writeFileSync(join(dir, 'out', 'old', 'stale.txt'), 'alt');
  const result = await cli('export', '--wave', '2019-demo', '--format', 'r', '--out', 'out/old');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(readdirSync(join(dir, 'out', 'old')).sort(), ['daten.R', 'daten.csv']);
  const excel = await cli('export', '--wave', '2019-demo', '--format', 'csv-excel', '--out', 'out/a-file');
  assert.equal(excel.code, 0, excel.stderr);
  assert.ok(readFileSync(join(dir, 'out', 'a-file')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'BOM');
  assert.deepEqual(leftovers(), []);
});
