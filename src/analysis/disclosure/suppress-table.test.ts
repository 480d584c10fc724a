import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recoverableCells } from './recoverable-cells.js';
import { suppressTable } from './suppress-table.js';

const T = true;
const F = false;

/** Exact check of one table with its all table (the margin), as suppressVariable would publish it. */
function assertSafe(counts: number[][], k = 5): void {
  const result = suppressTable({ counts }, k);
  assert.deepEqual(recoverableCells({ all: result.margin, tables: [result.cells], withheld: { all: false, tables: [result.withheld] } }), []);
}

test('nothing small, nothing suppressed; zeros are published', () => {
  assert.deepEqual(suppressTable({ counts: [[0, 40], [50, 30]] }), { cells: [[F, F], [F, F]], margin: [F, F], withheld: [F, F], exposed: false });
});

test('a single small cell gets the cheapest rectangle: one more in its row, its column and the corner', () => {
  const counts = [[3, 40, 50], [20, 30, 25]];
  // Cycles: via group 1 costs 20 + 30 + 40 = 90, via group 2 20 + 25 + 50 = 95.
  assert.deepEqual(suppressTable({ counts }).cells, [[T, T, F], [T, T, F]]);
  assertSafe(counts);
});

test('flag (2 values): base − other cell would reveal the small one, so its column partner is hidden too', () => {
  const counts = [[3, 40, 20], [10, 30, 25]]; // true, false × three groups
  assert.deepEqual(suppressTable({ counts }).cells, [[T, F, T], [T, F, T]]);
  assertSafe(counts);
  // A 2 × 2 table with one small cell loses all four.
  assert.deepEqual(suppressTable({ counts: [[3, 40], [10, 30]] }).cells, [[T, T], [T, T]]);
});

test('a group with base < k shows no cell at all, zeros included', () => {
  const counts = [[2, 40, 30], [0, 30, 20], [1, 25, 35]];
  const { cells } = suppressTable({ counts });
  assert.deepEqual(cells.map((row) => row[0]), [T, T, T]);
  assertSafe(counts);
});

test('a unanimous small group (base − 0) cannot hide behind its published zero', () => {
  const counts = [[3, 40], [0, 30]];
  assert.deepEqual(suppressTable({ counts }).cells, [[T, T], [T, T]]);
});

test('a zero serves as complement only where its row has nothing else', () => {
  const counts = [[3, 0, 0], [20, 30, 40], [25, 35, 45]];
  // Row 0 has no non-zero partner: the cheapest cycle goes through the zero of group 1.
  assert.deepEqual(suppressTable({ counts }).cells, [[T, T, F], [T, T, F], [F, F, F]]);
  assertSafe(counts);
});

test('row margins: a suppressed all-table cell needs a partner in every grouping', () => {
  const counts = [[2, 1, 0], [30, 40, 50], [20, 10, 60]];
  const { cells, margin, withheld } = suppressTable({ counts, marginSuppressed: [T, F, F] });
  assert.equal(margin[0], T);
  assert.deepEqual(recoverableCells({ all: margin, tables: [cells], withheld: { all: false, tables: [withheld] } }), []);
});

test('a grouping with a single group equals the all table: the all table takes the complements', () => {
  const { cells, margin } = suppressTable({ counts: [[3], [40]] });
  assert.deepEqual(cells, [[T], [T]]);
  assert.deepEqual(margin, [T, T]);
});

test('k = 1 suppresses nothing', () => {
  assert.deepEqual(suppressTable({ counts: [[1, 2], [0, 3]] }, 1).cells, [[F, F], [F, F]]);
});

test('two protected blocks joined by one cell: the joining cell would be a bridge and gets a cycle', () => {
  // Blocks {0,1}×{0,1} and {2,3}×{2,3} are small everywhere; cell (0,2) = 4 is small too.
  const counts = [
    [1, 1, 4, 90],
    [1, 1, 80, 70],
    [60, 50, 2, 2],
    [70, 40, 2, 2],
  ];
  // The primary cells alone already have ≥ 2 per row and column, yet (0, 2) = rows 0+1 − columns 0+1.
  const primary = counts.map((row) => row.map((n) => n > 0 && n < 5));
  assert.deepEqual(recoverableCells({ all: [F, F, F, F], tables: [primary], withheld: { all: false, tables: [[F, F, F, F]] } }), [{ table: 0, value: 0, group: 2 }]);
  assert.ok(suppressTable({ counts }).cells.flat().filter(Boolean).length > primary.flat().filter(Boolean).length);
  assertSafe(counts);
});

test('a group whose base is below k is withheld, with the smallest other group as its complement', () => {
  const { cells, withheld } = suppressTable({ counts: [[2, 40, 20], [1, 30, 25]] });
  assert.deepEqual(withheld, [T, F, T]);
  assert.deepEqual(cells, [[T, F, T], [T, F, T]]);
  // Two small groups cover each other: their bases' sum is all that is published.
  assert.deepEqual(suppressTable({ counts: [[2, 40, 1], [1, 30, 2]] }).withheld, [T, F, T]);
  // A group withheld for another reason (a filter count) takes a complement the same way.
  assert.deepEqual(suppressTable({ counts: [[10, 40, 20], [10, 30, 25]], withheld: [T, F, F] }).withheld, [T, F, T]);
});

test('a row whose all-table count is 0 is public: its zeros are neither hidden nor complements', () => {
  const counts = [[2, 40, 20], [0, 0, 0], [1, 30, 25]];
  const { cells, withheld } = suppressTable({ counts });
  assert.deepEqual(withheld, [T, F, T]);
  assert.deepEqual(cells[1], [F, F, F]);
  assertSafe(counts);
});

test('a value that only one group can have: its small count is exposed and the variable is withheld whole', () => {
  // The zero of the row with all-table count 0 used to be its complement; n ≥ 0 makes that worthless.
  assert.deepEqual(suppressTable({ counts: [[0], [1]], margin: [0, 2] }, 2).exposed, true);
});
