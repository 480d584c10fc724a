// `analyze --waves` across questionnaire versions: a wave of the imported version 2021 (renamed question,
// merged options, a question not comparable, a new one) against 2019-demo; a version without a declared
// mapping fails in German with exit 5.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { TrendDocument } from '../src/analysis/trend/trend-document.js';
import { resolveComparability, translateResponse } from '../src/instrument/comparability.js';
import type { InstrumentVersion } from '../src/instrument/instrument-file.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

const text = readFileSync(new URL('./fixtures/instruments/valid-2021.json', import.meta.url), 'utf8');

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  cli.files.set('2021.json', new TextEncoder().encode(text));
  const noMapping = { ...(JSON.parse(text) as Record<string, unknown>), version: '2022', comparability: undefined };
  cli.files.set('2022.json', new TextEncoder().encode(JSON.stringify(noMapping)));
  assert.equal((await cli.run('instrument', 'import', '2021.json')).code, 0);
  assert.equal((await cli.run('instrument', 'import', '2022.json')).code, 0);
  const v2021 = (await cli.store.instrumentVersion('2021'))!.document as InstrumentVersion;
  const mapping = resolveComparability(instrument2019, v2021);
  const demo = (await cli.store.responsesForWave('2021-demo')).map((r) => ({ ags: r.ags, answers: translateResponse(r.answers, v2021, mapping) }));
  for (const [id, version] of [['v2021', '2021'], ['v2022', '2022']] as const) {
    await cli.store.createWave({ id, title: `Welle ${version}`, instrumentVersion: version });
    await cli.store.saveResponses(id, demo, { status: 'submitted', source: 'import', actor: 'test' });
  }
});
after(() => cli.close());

test('2019-demo → wave of version 2021: renamed and merged variables compared, the others listed with the reason', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,v2021', '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  const doc = JSON.parse(result.stdout) as TrendDocument;
  assert.deepEqual(doc.waves.map((w) => w.instrument), ['2019', '2021']);
  assert.deepEqual(doc.not_comparable.map((entry) => entry.variable).sort(), ['broadband_good', 'broadband_grade', 'ki_einsatz']);
  const role = doc.trends.find((t) => t.variable === 'respondent_function' && t.by === 'all')!;
  assert.equal(role.cells.filter((c) => c.wave === '2019-demo').reduce((sum, c) => sum + c.n, 0), role.cells.find((c) => c.wave === '2019-demo')!.base);
  const merged = doc.trends.find((t) => t.variable === 'training__trends' && t.by === 'all')!;
  assert.deepEqual([...new Set(merged.cells.map((c) => c.value))], ['angeboten', 'nicht_angeboten']);
  assert.ok(!doc.trends.some((t) => t.variable === 'broadband_grade'));
});

test('a version that declares no mapping to 2019: German message, exit 5', async () => {
  const result = await cli.run('analyze', '--waves', '2019-demo,v2022', '--json');
  assert.equal(result.code, 5);
  assert.match(result.stderr, /Wellen nicht vergleichbar: „2019-demo“ \(Fragebogen 2019\) und „v2022“ \(Fragebogen 2022\): Fragebogen 2022 erklärt keine Vergleichbarkeit mit Version 2019/);
  assert.equal(result.stdout, '');
});
