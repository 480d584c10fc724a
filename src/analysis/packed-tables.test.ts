// packTables → unpackTables gives the same tables, key order and every float64 bit included (the weighted
// and unweighted tables of the reference fixtures, and every kind of test written out); so does packing the
// weighted tables while they are computed (TablePacker, as the helper threads do).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture } from '../../test/reference/load-fixture.js';
import { analyzeWave } from './analyze-wave.js';
import { emitWeightedTables, weightedTables } from './design/weighted-tables.js';
import { packedLength, packTables, TablePacker, unpackTables } from './packed-tables.js';
import type { ResultsTable } from './results-document.js';
import { rakeWeights } from './weighting/rake-weights.js';

const bits = (tables: readonly ResultsTable[]): string =>
  JSON.stringify(tables, (_, value: unknown) => (typeof value === 'number' ? Buffer.from(Float64Array.of(value).buffer).toString('hex') : value));

for (const name of ['small', 'medium']) {
  const fixture = loadFixture(name);
  const raking = rakeWeights({ sizeClass: fixture.sizeClass, state: fixture.state, target: fixture.target });

  test(`${name}: weighted tables survive packing bit for bit`, () => {
    const tables = weightedTables(fixture.data, raking.design);
    assert.ok(tables.some((table) => table.test?.method === 'rao-scott'));
    const back = unpackTables(packTables(tables));
    assert.equal(bits(back), bits(tables));
    assert.equal(JSON.stringify(back), JSON.stringify(tables));
  });

  test(`${name}: unweighted tables survive packing, into a larger reused array too`, () => {
    const { tables } = analyzeWave(fixture.data);
    const into = new Float64Array(packedLength(tables) + 100).fill(7);
    const packed = packTables(tables, into);
    assert.equal(packed.numbers, into);
    assert.equal(packed.length, packedLength(tables));
    assert.equal(bits(unpackTables(packed)), bits(tables));
  });
}

test('medium: the weighted tables packed as they are computed, growing from 16 words, equal the tables', () => {
  const fixture = loadFixture('medium');
  const { design } = rakeWeights({ sizeClass: fixture.sizeClass, state: fixture.state, target: fixture.target });
  const tables = weightedTables(fixture.data, design);
  const grown: number[] = [];
  const packer = new TablePacker(new Float64Array(16), (words) => {
    grown.push(words);
    return new Float64Array(words);
  });
  emitWeightedTables(fixture.data, design, fixture.data.variables, packer);
  const packed = packer.packed();
  assert.ok(grown.length > 0 && packedLength(tables) > 16, 'grew');
  assert.equal(packed.numbers, packer.numbers);
  assert.equal(packed.length, packedLength(tables));
  assert.equal(bits(unpackTables(packed)), bits(tables));
});

test('rank-deficient, Fisher, chi-square, null and absent tests, and signed zeros, as written', () => {
  const cell = { by: 'all', value: 'ja', n: -0, base: 3, share: 0, ci95: [0, 0.56] as const };
  const tables: ResultsTable[] = [
    { variable: 'a', by: 'all', cells: [cell] },
    { variable: 'a', by: 'state', cells: [], test: null },
    { variable: 'a', by: 'x', cells: [cell], test: { method: 'fisher', p: 1, cramers_v: 0 } },
    { variable: 'a', by: 'y', cells: [cell], test: { method: 'chi2', statistic: 2.5, df: 1, p: 0.11, cramers_v: 0.2 } },
    { variable: 'b', by: 'z', cells: [cell, cell], test: { method: 'rao-scott', statistic: 1.5, df: 0.9, ddf: 40.1, p: 0.2, cramers_v: 0.3, rank_deficient: { rank: 2, full: 4 } } },
  ];
  const packed = packTables(tables);
  assert.deepEqual(packed.strings, ['a', 'all', 'ja', 'state', 'x', 'y', 'b', 'z']);
  assert.equal(bits(unpackTables(packed)), bits(tables));
});

test('suppressed cells are not packed (only the analysis’ own tables travel between threads)', () => {
  const tables: ResultsTable[] = [{ variable: 'a', by: 'all', cells: [{ by: 'all', value: 'ja', suppressed: true }] }];
  assert.throws(() => packTables(tables), /Gesperrte Zelle in a × all/);
});
