// The trend analysis against R (test/reference/make-trend-expected.R): wave × value tests (chisq.test,
// fisher.test) and McNemar's test on the panel (mcnemar.test), every number within 1e-6.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeTrend } from '../src/analysis/trend/analyze-trend.js';
import type { TrendChange } from '../src/analysis/trend/trend-document.js';
import { MISSING, type WaveData } from '../src/analysis/wave-data.js';

const HERE = new URL('./reference/', import.meta.url);
const DOMAINS: Readonly<Record<string, readonly string[]>> = { v_bin: ['0', '1'], v_flag: ['false', 'true'], v_cat: ['a', 'b', 'c', 'd'] };
const GROUPS = ['x', 'y', 'z'];

interface Expected {
  readonly changes: readonly ({ readonly variable: string; readonly by: string; readonly group: string } & Omit<TrendChange, 'group'>)[];
}

function waves(): WaveData[] {
  const [header, ...lines] = readFileSync(new URL('trend/waves.csv', HERE), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
  return ['w1', 'w2', 'w3'].map((wave) => {
    const own = rows.filter((row) => row['wave'] === wave);
    const code = (values: readonly string[], column: string) =>
      Uint8Array.from(own, (row) => (row[column] === '' ? MISSING : values.indexOf(row[column]!)));
    return {
      waveId: wave,
      n: own.length,
      ags: own.map((row) => row['ags']!),
      variables: Object.entries(DOMAINS).map(([name, values]) => ({ name, values, codes: code(values, name) })),
      groupings: [{ name: 'grp', values: GROUPS, codes: code(GROUPS, 'grp') }],
      population: new Float64Array(own.length),
    };
  });
}

const expected = JSON.parse(readFileSync(new URL('trend-expected.json', HERE), 'utf8')) as Expected;
const doc = analyzeTrend(waves().map((data) => ({ data, instrument: 'fixture' })));

function close(actual: unknown, wanted: unknown, path: string): void {
  if (typeof wanted === 'number') {
    assert.equal(typeof actual, 'number', path);
    assert.ok(Math.abs((actual as number) - wanted) <= 1e-6, `${path}: ${String(actual)} vs R ${wanted}`);
  } else if (wanted === null || typeof wanted !== 'object') assert.equal(actual, wanted, path);
  else {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: ${JSON.stringify(actual)}`);
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(wanted).sort(), path);
    for (const [key, value] of Object.entries(wanted)) close((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  }
}

test('every change test of the fixture agrees with R to 1e-6 (chi2, fisher, mcnemar, null cases included)', () => {
  assert.ok(expected.changes.some((change) => change.test?.method === 'fisher'));
  assert.ok(expected.changes.some((change) => change.panel?.some((panel) => panel.test === null) || change.test === null));
  for (const { variable, by, group, ...wanted } of expected.changes) {
    const table = doc.trends.find((t) => t.variable === variable && t.by === by);
    const change = table?.changes.find((c) => c.group === group);
    assert.ok(change, `${variable} × ${by}: ${group}`);
    close({ ...change, group: undefined }, { ...wanted, group: undefined }, `${variable}/${by}/${group}`);
  }
  const compared = doc.trends.flatMap((t) => t.changes.map((c) => `${t.variable}/${t.by}/${c.group}`));
  assert.equal(compared.length, expected.changes.length);
});

test('cells per wave: shares and Wilson intervals as in a results table, with the wave named', () => {
  const table = doc.trends.find((t) => t.variable === 'v_cat' && t.by === 'all')!;
  assert.deepEqual([...new Set(table.cells.map((c) => c.wave))], ['w1', 'w2', 'w3']);
  const d = table.cells.filter((c) => c.value === 'd');
  assert.ok(d.length === 3 && d.every((c) => c.n === 0 && c.ci95[0] === 0));
  assert.deepEqual(doc.waves.map((w) => w.wave), ['w1', 'w2', 'w3']);
  assert.equal(doc.wave, 'w3');
});
