import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { recoverableCells } from './recoverable-cells.js';
import { suppressVariable, type VariableCounts } from './suppress-variable.js';

/** Small skewed counts, many of them below k and some zero, as in a wave of a few hundred units. */
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60 }));

/** Grouping tables of one variable plus the all table; `missing` counts units outside every group. */
const variableCounts = fc
  .record({
    values: fc.integer({ min: 2, max: 6 }),
    groupCounts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 3 }),
  })
  .chain(({ values, groupCounts }) =>
    fc.record({
      tables: fc.tuple(...groupCounts.map((groups) => fc.array(fc.array(count, { minLength: groups, maxLength: groups }), { minLength: values, maxLength: values }))),
      missing: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: values, maxLength: values }),
      alone: fc.array(count, { minLength: values, maxLength: values }),
    }),
  )
  .map(({ tables, missing, alone }): VariableCounts => {
    const first = tables[0];
    // Every grouping covers the same units: rescale the other tables' rows to the first table's row sums.
    const rowSums = first ? first.map((row) => row.reduce((a, b) => a + b, 0)) : alone;
    const fitted = tables.map((table, t) => (t === 0 ? table : table.map((row, v) => fitRow(row, rowSums[v]!))));
    return {
      all: rowSums.map((sum, v) => sum + (first ? missing[v]! : 0)),
      // Drop groups with base 0 as the results document does.
      tables: fitted.map((table) => dropEmptyGroups(table)).filter((table) => (table[0]?.length ?? 0) > 0),
    };
  });

function fitRow(row: readonly number[], total: number): number[] {
  const out = row.map(() => 0);
  const weights = row.map((n) => n + 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  weights.forEach((w, g) => {
    const take = g === row.length - 1 ? left : Math.min(left, Math.floor((total * w) / sum));
    out[g] = take;
    left -= take;
  });
  return out;
}

function dropEmptyGroups(table: readonly (readonly number[])[]): number[][] {
  const keep = table[0]!.map((_, g) => table.some((row) => row[g]! > 0));
  return table.map((row) => row.filter((_, g) => keep[g]));
}

test('property: small cells are suppressed, no row or column holds exactly one, nothing is recoverable', () => {
  fc.assert(
    fc.property(variableCounts, fc.integer({ min: 2, max: 8 }), (counts, k) => {
      const pattern = suppressVariable(counts, k);
      counts.all.forEach((n, v) => n > 0 && n < k && assert.ok(pattern.all[v], `all[${v}] = ${n}`));
      counts.tables.forEach((table, t) =>
        table.forEach((row, v) => row.forEach((n, g) => n > 0 && n < k && assert.ok(pattern.tables[t]![v]![g], `table ${t} [${v}][${g}] = ${n}`))),
      );
      // Simple subtraction: no row or column with a published sum (margins included) holds exactly one
      // suppressed cell; withheld bases come at least in pairs, and every base below k is withheld.
      const leavesZero = (line: { hidden: boolean; n: number }[], total: number) =>
        line.some((cell) => cell.hidden) && total - line.reduce((published, cell) => published + (cell.hidden ? 0 : cell.n), 0) === 0;
      const allSuppressed = pattern.all.filter(Boolean).length;
      assert.notEqual(allSuppressed, 1);
      pattern.tables.forEach((table, t) => {
        const withheld = pattern.withheld.tables[t]!;
        table.forEach((row, v) => assert.notEqual(row.filter(Boolean).length + (pattern.all[v] ? 1 : 0), 1));
        table[0]!.forEach((_, g) => withheld[g] || assert.notEqual(table.filter((row) => row[g]).length, 1));
        if (withheld.length > 1) assert.notEqual(withheld.filter(Boolean).length, 1);
        counts.tables[t]![0]!.forEach((_, g) => k > sum(counts.tables[t]!.map((row) => row[g]!)) && assert.ok(withheld[g] || pattern.withheld.all));
        // n ≥ 0: no line's published sum, less its published cells, leaves 0 for suppressed cells.
        if (pattern.withheld.all) return;
        table.forEach((row, v) => pattern.all[v] || assert.ok(!leavesZero(row.map((hidden, g) => ({ hidden, n: counts.tables[t]![v]![g]! })), counts.all[v]!), `table ${t} row ${v}`));
        table[0]!.forEach((_, g) => {
          const column = table.map((row, v) => ({ hidden: row[g]!, n: counts.tables[t]![v]![g]! }));
          if (!withheld[g]) assert.ok(!leavesZero(column, sum(column.map((cell) => cell.n))), `table ${t} group ${g}`);
        });
      });
      if (!pattern.withheld.all) assert.ok(!leavesZero(pattern.all.map((hidden, v) => ({ hidden, n: counts.all[v]! })), sum(counts.all)));
      assert.deepEqual(recoverableCells(pattern), []);
      // Nothing small, nothing hidden.
      const small = (n: number) => n > 0 && n < k;
      const anySmall = counts.all.some(small) || small(counts.all.reduce((a, b) => a + b, 0)) ||
        counts.tables.some((table) => table.flat().some(small) || table[0]!.some((_, g) => small(table.reduce((a, row) => a + row[g]!, 0))));
      if (!anySmall) assert.ok(!pattern.all.some(Boolean) && !pattern.tables.some((table) => table.flat().some(Boolean)));
    }),
    { numRuns: Number(process.env.RUNS ?? 2000), seed: Number(process.env.SEED ?? 20191) },
  );
});

test('the all table alone: one small cell takes the smallest non-zero partner', () => {
  assert.deepEqual(suppressVariable({ all: [3, 0, 40, 50], tables: [] }, 5).all, [true, false, true, false]);
});

test('a variable answered by fewer than k units shows no count anywhere', () => {
  const pattern = suppressVariable({ all: [2, 1, 0], tables: [[[2], [1], [0]]] }, 5);
  assert.deepEqual(pattern.all, [true, true, true]);
  assert.deepEqual(pattern.tables[0], [[true], [true], [true]]);
});

test('an all-table complement taken for one grouping is respected by the others', () => {
  // Grouping 0 has a single group: it needs two all-table cells; grouping 1 must then protect them too.
  const counts = { all: [3, 40, 50], tables: [[[3], [40], [50]], [[1, 2], [20, 20], [25, 25]]] };
  const pattern = suppressVariable(counts, 5);
  assert.equal(pattern.all.filter(Boolean).length >= 2, true);
  assert.deepEqual(recoverableCells(pattern), []);
});

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}

test('nested groupings: a small count of a size class cannot be recomputed from the unit-type table', () => {
  // Table 0 by unit type (L, S), table 1 by size class (l1, l2 nested in L; s1, s2 in S).
  const bySize = [[2, 80, 30, 50], [20, 90, 25, 45], [22, 85, 33, 41]];
  const byType = bySize.map(([l1, l2, s1, s2]) => [l1! + l2!, s1! + s2!]);
  const counts = { all: byType.map(([l, s]) => l! + s!), tables: [byType, bySize] };
  const links = [
    { coarse: { table: 0, groups: [0] }, fine: { table: 1, groups: [0, 1] } },
    { coarse: { table: 0, groups: [1] }, fine: { table: 1, groups: [2, 3] } },
  ];
  // Alone, the cheapest cycle for (0, l1) runs through s1, and L = l1 + l2 then gives l1 = 82 − 80.
  const alone = suppressVariable(counts, 5);
  assert.ok(recoverableCells(alone, links).some((cell) => cell.table === 1 && cell.value === 0 && cell.group === 0));
  const linked = suppressVariable(counts, 5, links);
  assert.deepEqual(recoverableCells(linked, links), []);
  assert.ok(linked.tables[1]![0]![0] && !linked.withheld.all);
  assert.ok(linked.tables[0]!.flat().some(Boolean), 'the unit-type table hides cells as well');
});

/** A fine grouping (2 … 5 groups in two nests) and the coarse one that sums each nest; no missing values. */
const nestedCounts = fc
  .record({ values: fc.integer({ min: 2, max: 5 }), left: fc.integer({ min: 1, max: 3 }), right: fc.integer({ min: 1, max: 2 }) })
  .chain(({ values, left, right }) =>
    fc.record({ fine: fc.array(fc.array(count, { minLength: left + right, maxLength: left + right }), { minLength: values, maxLength: values }), left: fc.constant(left) }),
  )
  .filter(({ fine }) => fine.every((row) => row.some((n) => n > 0)) && fine[0]!.every((_, g) => fine.some((row) => row[g]! > 0)))
  .map(({ fine, left }) => {
    const coarse = fine.map((row) => [sum(row.slice(0, left)), sum(row.slice(left))]);
    const groups = fine[0]!.map((_, g) => g);
    const links = [
      { coarse: { table: 0, groups: [0] }, fine: { table: 1, groups: groups.slice(0, left) } },
      { coarse: { table: 0, groups: [1] }, fine: { table: 1, groups: groups.slice(left) } },
    ].filter((link) => coarse.some((row) => row[link.coarse.groups[0]!]! > 0));
    const keep = [0, 1].filter((g) => coarse.some((row) => row[g]! > 0));
    const remap = (g: number) => keep.indexOf(g);
    return {
      counts: { all: coarse.map(sum), tables: [coarse.map((row) => keep.map((g) => row[g]!)), fine] },
      links: links.map((link) => ({ ...link, coarse: { table: 0, groups: link.coarse.groups.map(remap) } })),
    };
  });

test('property: with nested groupings no suppressed count is recoverable from either table or their link', () => {
  fc.assert(
    fc.property(nestedCounts, fc.integer({ min: 2, max: 6 }), ({ counts, links }, k) => {
      const pattern = suppressVariable(counts, k, links);
      assert.deepEqual(recoverableCells(pattern, links), []);
      counts.tables.forEach((table, t) => table.forEach((row, v) => row.forEach((n, g) => n > 0 && n < k && assert.ok(pattern.tables[t]![v]![g]))));
    }),
    { numRuns: Number(process.env.RUNS ?? 1000), seed: Number(process.env.SEED ?? 20191) },
  );
});
