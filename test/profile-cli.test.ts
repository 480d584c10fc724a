// `profile` through run(argv, io): HTML, JSON, PDF of one unit; every profile of a wave as a ZIP of PDFs;
// bad input gives a German error with its exit code, never a stack trace.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import type { DigitalProfile } from '../src/profile/digital-profile.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
let ags: string[];
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const demo = (await cli.store.responsesForWave('2019-demo')).sort((a, b) => a.ags.localeCompare(b.ags));
  ags = demo.map((r) => r.ags);
  await cli.store.createWave({ id: 'klein', title: 'Kleine Welle', instrumentVersion: '2019', demo: true });
  await cli.store.saveResponses('klein', demo.slice(0, 5).map((r) => ({ ags: r.ags, answers: r.answers })), { status: 'submitted', source: 'import', actor: 'test' });
  await cli.store.createWave({ id: 'zwei', title: 'Zwei Antworten', instrumentVersion: '2019', demo: true });
  await cli.store.saveResponses('zwei', demo.slice(0, 2).map((r) => ({ ags: r.ags, answers: r.answers })), { status: 'submitted', source: 'import', actor: 'test' });
});
after(() => cli.close());

test('profile --format html|json writes the profile; --out - to standard output', async () => {
  const html = await cli.run('profile', '--wave', '2019-demo', '--ags', ags[0]!, '--format', 'html', '--out', 'profil.html');
  assert.equal(html.code, 0, html.stderr);
  assert.match(cli.text('profil.html'), /^<!doctype html>\n<html lang="de">[\s\S]*<h1>Digitalprofil: /);
  const json = await cli.run('profile', '--wave', '2019-demo', '--ags', ags[0]!, '--format', 'json', '--out', '-');
  assert.equal(json.code, 0, json.stderr);
  const profile = JSON.parse(json.stdout) as DigitalProfile;
  assert.equal(profile.unit.ags, ags[0]);
  assert.equal(profile.scores.length, 8);
  assert.doesNotMatch(json.stdout, /NaN|Infinity/);
});

test('profile --format pdf prints through Chromium', async () => {
  const result = await cli.run('profile', '--wave', '2019-demo', '--ags', ags[1]!, '--format', 'pdf', '--out', 'profil.pdf');
  assert.equal(result.code, 0, result.stderr);
  const pdf = cli.files.get('profil.pdf')!;
  assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), '%PDF-');
});

test('profile --all writes one ZIP with a PDF per respondent, each of its own unit only (pages are reused)', async () => {
  const result = await cli.run('profile', '--wave', 'klein', '--all', '--out', 'profile.zip');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /5 Digitalprofile geschrieben: profile\.zip/);
  const files = unzipSync(cli.files.get('profile.zip')!);
  const units = ags.slice(0, 5);
  assert.deepEqual(Object.keys(files), units.map((a) => `digitalprofil-klein-${a}.pdf`));
  const names = new Map<string, string>();
  for (const unit of units) {
    const json = await cli.run('profile', '--wave', 'klein', '--ags', unit, '--format', 'json', '--out', '-');
    names.set(unit, (JSON.parse(json.stdout) as DigitalProfile).unit.name);
  }
  const dir = mkdtempSync(join(tmpdir(), 'profile-zip-'));
  try {
    for (const unit of units) {
      const path = join(dir, `${unit}.pdf`);
      writeFileSync(path, files[`digitalprofil-klein-${unit}.pdf`]!);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(text.includes(`Digitalprofil: ${names.get(unit)}`), `${unit}: ${text.slice(0, 200)}`);
      for (const other of units) if (other !== unit) assert.ok(!text.includes(`Digitalprofil: ${names.get(other)} `), `${unit} shows ${other}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors: German message, code and exit code, no stack trace', async () => {
  const cases: [string[], number, RegExp][] = [
    [['--wave', 'gibt-es-nicht', '--ags', ags[0]!, '--out', '-'], 4, /DM_WAVE_NOT_FOUND/],
    [['--wave', '2019-demo', '--ags', '06411000', '--out', '-'], 4, /DM_PROFILE_NOT_RESPONDED.*06411000/],
    [['--wave', 'klein', '--ags', ags[300]!, '--out', '-'], 4, /teilgenommen/],
    [['--wave', 'zwei', '--ags', ags[0]!, '--out', '-'], 5, /DM_PROFILE_TOO_FEW.*erst 2 Kommunen/],
    [['--wave', 'zwei', '--all', '--out', 'x.zip'], 5, /DM_PROFILE_TOO_FEW/],
    [['--wave', '2019-demo', '--ags', '12ab', '--out', '-'], 3, /DM_PROFILE_AGS_INVALID/],
    [['--wave', '2019-demo', '--ags', ags[0]!], 2, /--out/],
    [['--wave', '2019-demo', '--out', '-'], 2, /--ags/],
    [['--wave', '2019-demo', '--ags', ags[0]!, '--format', 'docx', '--out', '-'], 2, /html, json oder pdf/],
    [['--wave', '2019-demo', '--ags', ags[0]!, '--format', 'pdf', '--out', '-'], 2, /Zieldatei/],
    [['--wave', '2019-demo', '--all', '--ags', ags[0]!, '--out', 'x.zip'], 2, /--all/],
  ];
  for (const [args, code, message] of cases) {
    const result = await cli.run('profile', ...args);
    assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/);
  }
});
