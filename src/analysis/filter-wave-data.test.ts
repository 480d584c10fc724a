import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterWaveData } from './filter-wave-data.js';
import { MISSING, type WaveData } from './wave-data.js';

const flag = { name: 'flag', values: ['false', 'true'], codes: Uint8Array.of(1, 0, MISSING, 1) };
const group = { name: 'group', values: ['a', 'b'], codes: Uint8Array.of(0, 1, 1, 0) };
const data: WaveData = {
  waveId: 'w',
  n: 4,
  ags: ['1', '2', '3', '4'],
  variables: [flag, group],
  groupings: [group],
  population: Float64Array.of(10, 20, 30, 40),
};

test('keeps the chosen respondents in order, in every column', () => {
  const kept = filterWaveData(data, (i) => i !== 1);
  assert.equal(kept.n, 3);
  assert.deepEqual(kept.ags, ['1', '3', '4']);
  assert.deepEqual([...kept.variables[0]!.codes], [1, MISSING, 1]);
  assert.deepEqual([...kept.population], [10, 30, 40]);
  assert.equal(kept.variables[0]!.values, flag.values);
});

test('a grouping that is also a variable stays one column', () => {
  const kept = filterWaveData(data, () => true);
  assert.equal(kept.groupings[0], kept.variables[1]);
  assert.deepEqual([...kept.groupings[0]!.codes], [...group.codes]);
});

test('keeping no one gives an empty wave', () => {
  const none = filterWaveData(data, () => false);
  assert.equal(none.n, 0);
  assert.equal(none.variables[0]!.codes.length, 0);
});
