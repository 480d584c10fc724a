import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crosstabs } from './crosstabs.js';
import { MISSING, type CodedVariable, type WaveData } from './wave-data.js';

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function variable(name: string, width: number, n: number, next: () => number, missing = 0.1): CodedVariable {
  const values = Array.from({ length: width }, (_, i) => `${name}${i}`);
  return { name, values, codes: Uint8Array.from({ length: n }, () => (next() < missing ? MISSING : Math.floor(next() * width))) };
}

function wave(n: number, groupingWidths: readonly number[], seed: number): WaveData {
  const next = random(seed);
  return {
    waveId: 'random',
    n,
    ags: Array.from({ length: n }, (_, i) => String(i)),
    variables: [2, 3, 4, 10, 2, 2, 3, 15, 16, 200, 2].map((width, i) => variable(`v${i}_`, width, n, next, i === 0 ? 0 : 0.15)),
    groupings: groupingWidths.map((width, i) => variable(`g${i}_`, width, n, next, 0.05)),
    population: new Float64Array(n),
  };
}

/** The per-pair loop the engine replaces: value × group counts (group-major), respondents missing either left out. */
function naive(data: WaveData, target: CodedVariable, grouping: CodedVariable | null, weights?: Float64Array): number[] {
  const width = target.values.length;
  const groups = grouping ? grouping.values.length : 1;
  const counts = new Array<number>(groups * width).fill(0);
  for (let i = 0; i < data.n; i++) {
    const value = target.codes[i]!;
    const group = grouping ? grouping.codes[i]! : 0;
    if (value === MISSING || group === MISSING) continue;
    counts[group * width + value]! += weights ? weights[i]! : 1;
  }
  return counts;
}

function assertAsNaive(data: WaveData, weights?: Float64Array): void {
  const tabs = weights ? crosstabs(data, { weights }) : crosstabs(data);
  assert.equal(tabs.length, data.variables.length);
  for (const tab of tabs) {
    const close = (got: ArrayLike<number>, want: number[]) =>
      want.forEach((w, i) => assert.ok(Math.abs(got[i]! - w) <= 1e-9 * Math.max(1, w), `${tab.variable.name}: ${got[i]} vs ${w}`));
    close(tab.all.counts, naive(data, tab.variable, null, weights));
    tab.by.forEach((table, g) => {
      assert.equal(table.groups, data.groupings[g]!.values);
      close(table.counts, naive(data, tab.variable, data.groupings[g]!, weights));
    });
  }
}

test('direct counting (joint cells about as many as respondents) equals the per-pair loop', () => {
  assertAsNaive(wave(300, [3, 2, 2, 10, 16, 3], 1));
});

test('counting over the joint key (far fewer cells than respondents) equals the per-pair loop', () => {
  assertAsNaive(wave(20_000, [3, 2, 2], 2));
});

test('weight sums take the same paths and equal the per-pair loop', () => {
  for (const [n, widths] of [[300, [3, 2, 2, 10, 16, 3]], [20_000, [3, 2]]] as const) {
    const next = random(3);
    assertAsNaive(wave(n, widths, 4), Float64Array.from({ length: n }, () => 0.5 + next() * 40));
  }
});

test('all = every respondent with the variable, whether or not a grouping is missing', () => {
  const data = wave(500, [2], 5);
  const [tab] = crosstabs(data);
  const answered = [...data.variables[0]!.codes].filter((code) => code !== MISSING).length;
  assert.equal([...tab!.all.counts].reduce((a, b) => a + b, 0), answered);
  assert.ok([...tab!.by[0]!.counts].reduce((a, b) => a + b, 0) < answered);
});

test('a wave without groupings, without respondents, or with one variable only', () => {
  assertAsNaive({ ...wave(100, [], 6) });
  assertAsNaive(wave(0, [3, 2], 7));
  const data = wave(1000, [3, 4], 8);
  const [only] = crosstabs(data, { variables: [data.variables[3]!] });
  assert.equal(only?.variable, data.variables[3]);
});

test('weights of the wrong length are refused', () => {
  assert.throws(() => crosstabs(wave(10, [2], 9), { weights: new Float64Array(3) }), RangeError);
});
