// The second demo wave `2021-demo` and `analyze --waves` through run(argv, io): deterministic, pseudonymous,
// 60 % panel, valid answers, plausible progress; the trend document validates against the published
// schema; bad input gives a German message and a non-zero exit.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { TrendDocument } from '../src/analysis/trend/trend-document.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { generateDemoWave2021 } from '../src/demo/generate-demo-wave-2021.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { checkResponse } from '../src/instrument/check-response.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv')).units;
const demo2019 = generateDemoWave(register);
const demo2021 = generateDemoWave2021(register, demo2019);
// Changes whenever the 2021 generator, the 2019 demo or the register change: review, then re-pin.
const DIGEST = '5cfe5914ecf1648e2b34eb2c6b15b85b6f129a209d9445351dc18895bd893f97';

let cli: MemoryCli;
let doc: TrendDocument;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  assert.doesNotMatch(result.stdout, /NaN|Infinity/);
  doc = JSON.parse(result.stdout) as TrendDocument;
});
after(() => cli.close());

test('2021-demo is deterministic and leaves the 2019 demo as it is', () => {
  assert.deepEqual(generateDemoWave2021(register, generateDemoWave(register)), demo2021);
  assert.equal(createHash('sha256').update(JSON.stringify(demo2021)).digest('hex'), DIGEST);
});

test('412 units: 247 of the 2019 demo again (60 %), 165 new pseudonymous ones, no key or name taken', () => {
  const old = new Set(demo2019.units.map((unit) => unit.ags));
  assert.equal(demo2021.units.length, 412);
  assert.equal(demo2021.units.filter((unit) => old.has(unit.ags)).length, 247);
  assert.equal(demo2021.newUnits.length, 165);
  const real = new Set(register.map((unit) => unit.ags));
  const names = new Set(demo2019.units.map((unit) => unit.name));
  for (const unit of demo2021.newUnits) {
    assert.match(unit.ags, /^\d{2}8\d{5}$/);
    assert.ok(!real.has(unit.ags) && !old.has(unit.ags) && !names.has(unit.name), unit.ags);
    assert.equal(unit.districtAgs, unit.ags.slice(0, 5));
    assert.ok(unit.synthetic);
  }
});

test('every 2021 answer is valid under the instrument', () => {
  for (const response of demo2021.responses) assert.deepEqual(checkResponse(instrument2019, response.answers), [], response.ags);
});

const cell = (variable: string, wave: string, value: string) => {
  const found = doc.trends.find((t) => t.variable === variable && t.by === 'all')?.cells.find((c) => c.wave === wave && c.value === value);
  assert.ok(found, `${variable} ${wave} ${value}`);
  return found;
};

test('plausible progress: strategies from 14 % to about a quarter, significant; E-Government up', () => {
  assert.deepEqual(doc.waves, [
    { wave: '2019-demo', n: 412, instrument: '2019' },
    { wave: '2021-demo', n: 412, instrument: '2019' },
  ]);
  assert.equal(cell('strategy_status', '2019-demo', 'vorhanden').n, 58);
  const share2021 = cell('strategy_status', '2021-demo', 'vorhanden').share;
  assert.ok(share2021 > 0.2 && share2021 < 0.3, String(share2021));
  const change = doc.trends.find((t) => t.variable === 'strategy_status' && t.by === 'all')!.changes[0]!;
  assert.ok(change.test && change.test.p < 0.05, JSON.stringify(change));
  assert.ok(cell('vg_egov', '2021-demo', 'true').share > cell('vg_egov', '2019-demo', 'true').share);
});

test('panel: McNemar over the units that answered both waves; only rises for a component put in use', () => {
  const egov = doc.trends.find((t) => t.variable === 'vg_egov' && t.by === 'all')!.changes[0]!.panel![0]!;
  assert.equal(egov.from, '2019-demo');
  assert.ok(egov.units > 200 && egov.units <= 247);
  assert.ok(egov.rises > 0 && egov.falls === 0 && egov.test !== null && egov.test.p < 0.05);
  assert.equal(doc.wave, '2021-demo');
  assert.ok(doc.tables.length > 0);
  assert.deepEqual(doc.not_comparable, []);
});

test('bad input: a wave twice, a wave without responses, an unknown wave, one wave', async () => {
  await cli.run('wave', 'create', 'leer', '--title', 'Leere Welle');
  const cases: [string[], number, RegExp][] = [
    [['--waves', '2019-demo,2019-demo'], 3, /mehrfach genannt/],
    [['--waves', '2019-demo,leer'], 5, /keine abgeschickten Antworten/],
    [['--waves', '2019-demo,gibtsnicht'], 4, /gibt es nicht/],
    [['--waves', '2019-demo'], 2, /mindestens zwei Wellen/],
  ];
  for (const [args, code, message] of cases) {
    const result = await cli.run('analyze', ...args, '--json');
    assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  }
});

test('without --json: a short German overview', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^Entwicklung 2019-demo \(412\) → 2021-demo \(412\)/);
});

test('Digitalprofil of a panel unit in 2021-demo: each area score of 2019-demo beside the new one', async () => {
  const in2019 = new Set(demo2019.units.map((unit) => unit.ags));
  const panel = demo2021.units.find((unit) => in2019.has(unit.ags))!;
  const result = await cli.run('profile', '--wave', '2021-demo', '--ags', panel.ags, '--format', 'json', '--out', '-');
  assert.equal(result.code, 0, result.stderr);
  const { history } = JSON.parse(result.stdout) as { history: { waveId: string; changes: { previous: number; current: number }[] } };
  assert.equal(history.waveId, '2019-demo');
  assert.ok(history.changes.length >= 7); // seven areas (and the total)
  assert.ok(history.changes.every((change) => change.current >= change.previous), 'progress only');
});

test('--by adds a grouping to the trend; an unknown one is refused', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--by', 'chefsache', '--json');
  assert.equal(result.code, 0, result.stderr);
  const trend = JSON.parse(result.stdout) as TrendDocument;
  const table = trend.trends.find((t) => t.variable === 'strategy_status' && t.by === 'chefsache')!;
  assert.deepEqual(table.changes.map((c) => c.group), ['false', 'true']);
  const unknown = await cli.run('analyze', '--waves', '2019-demo,2021-demo', '--by', 'farbe', '--json');
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /Gruppierung „farbe“/);
});
