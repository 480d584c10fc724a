// Comparability over more than one version step (issue 9): three small versions k1 → k2 → k3
// (test/fixtures/instruments/chain: `role` renamed to `function` in k2, `training` options merged in k3,
// `portal` dropped in k2 and asked again in k3, `cloud_plan` declared not comparable in k2). The maps are
// applied one step after the other; what is left out carries a German reason naming the step.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { TrendDocument } from '../src/analysis/trend/trend-document.js';
import { resolveComparabilityChain, translateAlongChain } from '../src/instrument/comparability-chain.js';
import type { InstrumentVersion } from '../src/instrument/instrument-file.js';
import { validateInstrumentFile } from '../src/instrument/validate-instrument-file.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { assertValidResults } from './support/validate-results.js';

const text = (name: string) => readFileSync(new URL(`./fixtures/instruments/chain/${name}.json`, import.meta.url), 'utf8');
const versions = new Map<string, InstrumentVersion>();
for (const name of ['k1', 'k2', 'k3']) {
  const checked = validateInstrumentFile(JSON.parse(text(name)), (version) => versions.get(version));
  assert.deepEqual(checked.issues, [], name);
  versions.set(name, checked.instrument!);
}
const [k1, k2, k3] = ['k1', 'k2', 'k3'].map((name) => versions.get(name)!) as [InstrumentVersion, InstrumentVersion, InstrumentVersion];

const PORTAL = { variable: 'portal', reason: 'Version k2 → k3: neue Frage, in Version k2 nicht gestellt' };
const CLOUD = { variable: 'cloud_plan', reason: 'Version k1 → k2: Frage in k2 auf einen Zeitraum bis 2025 eingeschränkt' };

test('k1 → k3 in two steps: renamed, then merged; dropped-and-re-added and declared-not-comparable left out with the step', () => {
  const chain = resolveComparabilityChain([k1, k2, k3]);
  assert.equal(chain.steps.length, 2);
  assert.deepEqual(chain.notComparable, [PORTAL, CLOUD]);
  const answers = { role: 'cdo', portal: 'ja', tools__akte: '1', tools__portal: '0', tools__cloud: '1', cloud_plan: 'ja', training: 'geplant' };
  assert.deepEqual(translateAlongChain(answers, chain), { function: 'cdo', tools__akte: '1', tools__portal: '0', tools__cloud: '1', training: 'nicht_angeboten' });
  assert.deepEqual(translateAlongChain({ ...answers, training: 'angeboten', role: '' }, chain), { tools__akte: '1', tools__portal: '0', tools__cloud: '1', training: 'angeboten' });
});

test('one step keeps the declared reasons as they are; k2 → k3 compares cloud_plan again', () => {
  assert.deepEqual(resolveComparabilityChain([k1, k2]).notComparable, [{ variable: 'cloud_plan', reason: 'Frage in k2 auf einen Zeitraum bis 2025 eingeschränkt' }]);
  assert.deepEqual(resolveComparabilityChain([k2, k3]).notComparable, [{ variable: 'portal', reason: 'neue Frage, in Version k2 nicht gestellt' }]);
  assert.throws(() => resolveComparabilityChain([k1, k3]), /Version k3 erklärt keine Vergleichbarkeit mit k1/);
});

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const ags = (await cli.store.responsesForWave('2019-demo')).slice(0, 60).map((response) => response.ags);
  for (const name of ['k1', 'k2', 'k3', 'k4']) {
    // k4: k3 without any comparability section (no way back to k1).
    const body = name === 'k4' ? JSON.stringify({ ...(JSON.parse(text('k3')) as object), version: 'k4', comparability: undefined }) : text(name);
    cli.files.set(`${name}.json`, new TextEncoder().encode(body));
    const imported = await cli.run('instrument', 'import', `${name}.json`);
    assert.equal(imported.code, 0, imported.stderr);
  }
  const roles = ['buergermeister', 'cdo', 'andere'];
  const wave = async (id: string, version: string, units: readonly string[], answers: (i: number) => Record<string, string>) => {
    await cli.store.createWave({ id, title: `Welle ${id}`, instrumentVersion: version });
    await cli.store.saveResponses(id, units.map((unit, i) => ({ ags: unit, answers: answers(i) })), { status: 'submitted', source: 'import', actor: 'test' });
  };
  const tools = (i: number) => ({ tools__akte: String(i % 2), tools__portal: String(i % 3 === 0 ? 1 : 0), tools__cloud: '0' });
  await wave('wa', 'k1', ags.slice(0, 40), (i) => ({ role: roles[i % 3]!, portal: 'nein', cloud_plan: 'nein', training: ['angeboten', 'geplant', 'nein'][i % 3]!, ...tools(i) }));
  await wave('wb', 'k2', ags.slice(10, 50), (i) => ({ function: roles[i % 3]!, cloud_plan: 'ja', training: ['angeboten', 'geplant', 'nein'][i % 2]!, ...tools(i + 1) }));
  await wave('wc', 'k3', ags.slice(20, 60), (i) => ({ function: roles[i % 2]!, portal: 'ja', cloud_plan: 'ja', training: ['angeboten', 'nicht_angeboten'][i % 2]!, ...tools(i) }));
  await wave('wd', 'k4', ags.slice(20, 60), (i) => ({ function: roles[i % 2]!, portal: 'ja', cloud_plan: 'ja', training: 'angeboten', ...tools(i) }));
});
after(() => cli.close());

async function trend(...args: string[]): Promise<TrendDocument> {
  const result = await cli.run('analyze', '--waves', ...args, '--json');
  assert.equal(result.code, 0, result.stderr);
  assertValidResults(result.stdout);
  return JSON.parse(result.stdout) as TrendDocument;
}

const counts = (doc: TrendDocument, variable: string, wave: string) =>
  Object.fromEntries(doc.trends.find((t) => t.variable === variable && t.by === 'all')!.cells.filter((c) => c.wave === wave).map((c) => [c.value, c.n]));

test('analyze --waves wa,wc: the k1 wave rewritten through k2 into k3 (rename, then merge)', async () => {
  const doc = await trend('wa,wc');
  assert.deepEqual(doc.waves.map((w) => w.instrument), ['k1', 'k3']);
  assert.deepEqual(doc.not_comparable, [PORTAL, CLOUD]);
  assert.deepEqual(counts(doc, 'function', 'wa'), { buergermeister: 14, cdo: 13, andere: 13 });
  assert.deepEqual(counts(doc, 'training', 'wa'), { angeboten: 14, nicht_angeboten: 26 });
  assert.ok(!doc.trends.some((t) => t.variable === 'portal' || t.variable === 'cloud_plan'));
});

test('analyze --waves wa,wb,wc: three versions, each earlier wave along its own chain; weighted as well', async () => {
  const doc = await trend('wa,wb,wc');
  assert.deepEqual(doc.waves.map((w) => w.wave), ['wa', 'wb', 'wc']);
  assert.deepEqual(doc.not_comparable, [PORTAL, CLOUD]);
  assert.deepEqual(counts(doc, 'training', 'wb'), { angeboten: 20, nicht_angeboten: 20 });
  const panel = doc.trends.find((t) => t.variable === 'tools__akte' && t.by === 'all')!.changes[0]!.panel!;
  assert.deepEqual(panel.map((p) => [p.from, p.to, p.units]), [['wa', 'wb', 30], ['wb', 'wc', 30]]);
  const recent = await trend('wb,wc');
  assert.deepEqual(recent.not_comparable, [{ variable: 'portal', reason: 'neue Frage, in Version k2 nicht gestellt' }]);
  assert.ok(recent.trends.some((t) => t.variable === 'cloud_plan'));
  const weighted = await trend('wa,wb,wc', '--weighted');
  assert.equal(weighted.weighted, true);
  assert.deepEqual(weighted.not_comparable, [PORTAL, CLOUD]);
});

test('a chain that does not reach the older version: German message naming the chain, exit 5', async () => {
  const result = await cli.run('analyze', '--waves', 'wa,wd', '--json');
  assert.equal(result.code, 5);
  assert.match(result.stderr, /„wa“ \(Fragebogen k1\) und „wd“ \(Fragebogen k4\): Fragebogen k4 erklärt keine Vergleichbarkeit mit Version k1/);
  assert.equal(result.stdout, '');
});
