import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupingBlocks } from './grouping-blocks.js';

// Levels incl. missing of vg_strategy, vg_egov, vg_community, size_class, state, unit_type.
const LEVELS = [4, 3, 3, 11, 17, 4];

function assertPartition(blocks: number[][], count: number): void {
  assert.deepEqual(blocks.flat().sort((a, b) => a - b), [...Array(count).keys()]);
  for (const block of blocks) assert.deepEqual(block, [...block].sort((a, b) => a - b));
}

test('every grouping lands in exactly one block, at every size', () => {
  for (const n of [0, 1, 412, 10_000, 1_000_000]) assertPartition(groupingBlocks(LEVELS, n), LEVELS.length);
  assert.deepEqual(groupingBlocks([], 100), []);
});

test('large waves share passes: fewer blocks than groupings, each joint table small enough to stay cached', () => {
  const blocks = groupingBlocks(LEVELS, 1_000_000);
  assert.ok(blocks.length < LEVELS.length);
  for (const block of blocks) assert.ok(block.reduce((cells, g) => cells * LEVELS[g]!, 1) <= 256, JSON.stringify(blocks));
});

test('a tiny wave counts the large groupings on their own', () => {
  const blocks = groupingBlocks(LEVELS, 50);
  assert.ok(blocks.some((block) => block.length === 1 && block[0] === 4)); // state
});
