// A whole scripted analyst session through run(argv, io): register, waves, demo, import, export, round trip.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { COMMANDS } from '../src/cli/commands.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  cli.files.set('gemeinden.csv', readFileSync(new URL('../data/gemeinden.csv', import.meta.url)));
  cli.files.set('kreise.csv', readFileSync(new URL('../data/kreise.csv', import.meta.url)));
});
after(() => cli.close());

test('import-register loads every Gemeinde and Landkreis', async () => {
  const result = await cli.run('import-register', 'gemeinden.csv', 'kreise.csv');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /11\.046 Einheiten|11046 Einheiten/);
  assert.match(result.stdout, /Gegenüber dem bisherigen Verzeichnis: 11\.046 neu, 0 entfallen, 0 geändert/);
  const units = await cli.store.registerUnits();
  assert.equal(units.length, 10_752 + 294);
  const byAgs = new Map(units.map((unit) => [unit.ags, unit]));
  assert.equal(byAgs.get('11000000')?.unitType, 'kreisfreie_stadt');
  assert.equal(byAgs.get('02000000')?.unitType, 'kreisfreie_stadt');
  assert.equal(byAgs.get('04012000')?.unitType, 'kreisfreie_stadt');
  assert.equal(byAgs.get('11000000')?.sizeClass, 'gk1');
  assert.equal(byAgs.get('05334000')?.unitType, 'landkreis');
  const info = await cli.store.registerInfo();
  assert.equal(info?.referenceDate, '2024-12-31');
  assert.equal(info?.unitCount, 11_046);
});

test('import-register again: says what changed against the register it replaces', async () => {
  const original = cli.files.get('gemeinden.csv')!;
  const lines = new TextDecoder().decode(original).split('\n');
  // Flensburg grows past 100,000 (gk3), Kiel's line is dropped; then the original comes back.
  const edited = [lines[0], lines[1]!.replace(',92667,', ',100001,'), ...lines.slice(3)].join('\n');
  cli.files.set('gemeinden-neu.csv', new TextEncoder().encode(edited));
  const changed = await cli.run('import-register', 'gemeinden-neu.csv', 'kreise.csv');
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stdout, /Gegenüber dem bisherigen Verzeichnis: 0 neu, 1 entfallen, 1 geändert/);
  assert.match(changed.stdout, /Antworten entfallener Kommunen bleiben gespeichert/);
  const restored = await cli.run('import-register', 'gemeinden.csv', 'kreise.csv');
  assert.match(restored.stdout, /Gegenüber dem bisherigen Verzeichnis: 1 neu, 0 entfallen, 1 geändert/);
  assert.doesNotMatch(restored.stdout, /entfallener/);
});

test('size classes match the counts of shared/data/README.md', async () => {
  const counts: Record<string, number> = {};
  for (const unit of await cli.store.registerUnits()) counts[unit.sizeClass] = (counts[unit.sizeClass] ?? 0) + 1;
  assert.deepEqual(counts, { gk1: 15, gk2: 25, gk3: 43, gk4: 114, gk5: 334, gk6: 1095, gk7: 9126, lk1: 69, lk2: 88, lk3: 137 });
});

test('waves: create, list, open, close, reopen; bad transitions and ids fail in German', async () => {
  assert.equal((await cli.run('wave', 'create', '2025', '--title', 'Kommunen digital 2025', '--opens', '2025-03-01', '--closes', '2025-05-31')).code, 0);
  const list = await cli.run('wave', 'list', '--json');
  const waves = JSON.parse(list.stdout) as { id: string; status: string; opensAt: string; closesAt: string }[];
  const wave = waves.find((w) => w.id === '2025');
  assert.equal(wave?.status, 'draft');
  assert.equal(wave?.opensAt, '2025-02-28T23:00:00.000Z');
  assert.equal(wave?.closesAt, '2025-05-31T21:59:59.000Z');
  assert.match((await cli.run('wave', 'list')).stdout, /^2025\tEntwurf\t2025-03-01 – 2025-05-31\t/m, 'the list shows the days as given, not UTC');
  const closeDraft = await cli.run('wave', 'close', '2025');
  assert.equal(closeDraft.code, 5);
  assert.match(closeDraft.stderr, /Entwurf|draft/);
  assert.equal((await cli.run('wave', 'open', '2025')).code, 0);
  assert.equal((await cli.run('wave', 'close', '2025')).code, 0);
  assert.equal((await cli.run('wave', 'open', '2025')).code, 0);
  const duplicate = await cli.run('wave', 'create', '2025', '--title', 'x');
  assert.equal(duplicate.code, 5);
  assert.match(duplicate.stderr, /gibt es bereits/);
  assert.equal((await cli.run('wave', 'create', 'Bad Id!', '--title', 'x')).code, 3);
  assert.equal((await cli.run('wave', 'create', 'w', '--title', 'x', '--opens', '2025-02-30')).code, 3);
  assert.equal((await cli.run('wave', 'create', 'w', '--title', 'x', '--opens', '2025-06-01', '--closes', '2025-05-01')).code, 3);
  assert.equal((await cli.run('wave', 'create', 'w', '--title', 'x', '--instrument', '1999')).code, 4);
  assert.equal((await cli.run('wave', 'open', 'gibt-es-nicht')).code, 4);
});

test('demo writes its flat CSV and pseudonymous units; import → export → import round-trips unchanged', async () => {
  const demo = await cli.run('demo', '--csv', 'demo.csv', '--register', 'units.csv');
  assert.equal(demo.code, 0, demo.stderr);
  assert.match(cli.text('units.csv'), /^ags,name,state_code,state,district_ags,district,type,population,area_km2/);
  assert.equal((await cli.store.responsesForWave('2019-demo')).length, 412);

  assert.equal((await cli.run('wave', 'create', 'copy', '--title', 'Kopie')).code, 0);
  const first = await cli.run('import-responses', 'demo.csv', '--wave', 'copy');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /412 Antworten importiert \(412 neu, 0 ersetzt\)/);
  assert.equal((await cli.run('export', '--wave', 'copy', '--format', 'csv', '--intern', '--out', 'export1.csv')).code, 0);
  assert.equal(cli.text('export1.csv'), cli.text('demo.csv'));

  const second = await cli.run('import-responses', 'export1.csv', '--wave', 'copy');
  assert.match(second.stdout, /\(0 neu, 412 ersetzt\)/);
  assert.equal((await cli.run('export', '--wave', 'copy', '--format', 'csv', '--intern', '--out', 'export2.csv')).code, 0);
  assert.equal(cli.text('export2.csv'), cli.text('export1.csv'));
  const stored = await cli.store.responsesForWave('copy');
  assert.ok(stored.every((response) => response.revision === 2));
  const original = await cli.store.responsesForWave('2019-demo');
  assert.deepEqual(stored.map((r) => r.answers), original.map((r) => r.answers));
});

test('the demo files load elsewhere: its register file, then its responses', async () => {
  const elsewhere = await memoryCli();
  try {
    elsewhere.files.set('units.csv', cli.files.get('units.csv')!);
    elsewhere.files.set('demo.csv', cli.files.get('demo.csv')!);
    const register = await elsewhere.run('import-register', 'units.csv');
    assert.equal(register.code, 0, register.stderr);
    assert.equal((await elsewhere.store.registerUnits()).length, 412);
    assert.equal((await elsewhere.run('wave', 'create', 'demo', '--title', 'Demo')).code, 0);
    const responses = await elsewhere.run('import-responses', 'demo.csv', '--wave', 'demo');
    assert.equal(responses.code, 0, responses.stderr);
    const monitor = await elsewhere.store.responseMonitor('demo');
    assert.deepEqual(monitor.bySizeClass, (await cli.store.responseMonitor('2019-demo')).bySizeClass);
  } finally {
    await elsewhere.close();
  }
});

test('export to stdout, without direct identifiers unless --intern, and unknown format', async () => {
  const out = await cli.run('export', '--wave', 'copy', '--format', 'csv', '--intern', '--out', '-');
  assert.equal(out.stdout, cli.text('export1.csv'));
  assert.equal(out.stderr, '');
  const plain = await cli.run('export', '--wave', 'copy', '--format', 'csv', '--out', '-');
  assert.notEqual(plain.stdout, out.stdout);
  assert.ok((await cli.store.responsesForWave('copy')).some((r) => r.answers.contact_email), 'the demo has contacts');
  assert.doesNotMatch(plain.stdout, /@/, 'no e-mail address without --intern');
  assert.equal(plain.stdout.split('\n')[0], out.stdout.split('\n')[0], 'same columns');
  const demo = await cli.run('export', '--wave', '2019-demo', '--format', 'csv', '--out', '-');
  assert.match(demo.stderr, /synthetische Demo-Daten/);
  const xlsx = await cli.run('export', '--wave', 'copy', '--format', 'pdf', '--out', 'x');
  assert.equal(xlsx.code, 2);
  assert.match(xlsx.stderr, /Format „pdf“/);
});

test('instrument --json prints the questionnaire for other tools', async () => {
  const result = await cli.run('instrument', '--json');
  assert.equal(result.code, 0);
  const instrument = JSON.parse(result.stdout) as { version: string; sections: { questions: { id: string }[] }[] };
  assert.equal(instrument.version, '2019');
  const ids = instrument.sections.flatMap((section) => section.questions.map((question) => question.id));
  for (const id of ['strategy_status', 'components', 'operator', 'fim_helpfulness', 'community_support', 'broadband_grade', 'contact_email']) {
    assert.ok(ids.includes(id), id);
  }
  assert.equal((await cli.run('instrument', '--version', '1999')).code, 4);
});

test('every command has German --help; unknown commands and options exit 2', async () => {
  for (const command of COMMANDS) {
    const help = await cli.run(command.name, '--help');
    assert.equal(help.code, 0, command.name);
    assert.match(help.stdout, /Aufruf/, command.name);
    assert.match(help.stdout, /Exit-Codes/, command.name);
  }
  const overview = await cli.run('--help');
  assert.equal(overview.code, 0);
  for (const command of COMMANDS) assert.match(overview.stdout, new RegExp(`\\b${command.name}\\b`));
  const unknown = await cli.run('zaubern');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unbekannter Befehl „zaubern“/);
  const badOption = await cli.run('wave', 'list', '--farbe', 'blau');
  assert.equal(badOption.code, 2);
  assert.match(badOption.stderr, /unbekannte Option „--farbe“/);
  const twice = await cli.run('analyze', '--wave', 'copy', '--wave', 'other', '--json');
  assert.equal(twice.code, 2, 'a repeated option is refused, not silently the last one');
  assert.match(twice.stderr, /Option „--wave“ ist mehrfach angegeben; sie darf nur einmal vorkommen\./);
  const noValue = await cli.run('analyze', '--wave', 'copy', '--by');
  assert.equal(noValue.code, 2);
  assert.match(noValue.stderr, /Option „--by“ braucht einen Wert\./);
  const missingFile = await cli.run('import-responses', 'fehlt.csv', '--wave', 'copy');
  assert.equal(missingFile.code, 4);
  assert.match(missingFile.stderr, /Datei nicht gefunden: fehlt\.csv/);
});

test('invalid configuration is reported once, in German', async () => {
  const bad = await memoryCli({ DATABASE_URL: 'mysql://nope' });
  try {
    const result = await bad.run('wave', 'list');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /DATABASE_URL muss mit postgres:\/\//);
  } finally {
    await bad.close();
  }
});

test('a DIGITALMONITOR_SECRET_KEY shorter than 32 characters is refused in German', async () => {
  const bad = await memoryCli({ DIGITALMONITOR_SECRET_KEY: 'zu-kurz' });
  try {
    const result = await bad.run('wave', 'list');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /DIGITALMONITOR_SECRET_KEY muss mindestens 32 Zeichen lang sein/);
  } finally {
    await bad.close();
  }
});
