// The cell-wise weighted path (raking-projection, column-moments, weighted-cells, rao-scott-test) against a
// literal, unit-by-unit transcription of survey's svymean + svyrecvar (raking) + svychisq on random raked
// designs, beyond the fixtures of expected.json.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnMoments } from '../../src/analysis/design/column-moments.js';
import type { RakedDesign } from '../../src/analysis/design/raked-design.js';
import { raoScottTest } from '../../src/analysis/design/rao-scott-test.js';
import { rakingProjection } from '../../src/analysis/design/raking-projection.js';
import { weightedCells } from '../../src/analysis/design/weighted-cells.js';
import { xlogitInterval } from '../../src/analysis/design/xlogit-interval.js';
import type { CountCell } from '../../src/analysis/results-document.js';
import { MISSING } from '../../src/analysis/wave-data.js';
import { rakeWeights } from '../../src/analysis/weighting/rake-weights.js';
import { symmetricEigen } from './symmetric-eigen.js';

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function randomDesign(next: () => number, n: number): RakedDesign {
  const sizeClasses = ['gk5', 'gk6', 'gk7'];
  const states = ['Bayern', 'Hessen', 'Sachsen', 'Thüringen'];
  return rakeWeights({
    sizeClass: { values: sizeClasses, codes: Uint8Array.from({ length: n }, () => Math.floor(next() ** 1.5 * 3)) },
    state: { values: states, codes: Uint8Array.from({ length: n }, () => Math.floor(next() * 4)) },
    target: { sizeClasses, states, units: Float64Array.from({ length: 12 }, () => 5 + Math.floor(next() * 90)), unitTypes: [] },
  }).design;
}

/** svymean on subset(): x·w/Σw centred, raking loop (10 passes, psw per margin), n/(n−1) Σ (z − z̄)(z − z̄)ᵀ. */
function literalCovariance(design: RakedDesign, inDomain: readonly boolean[], y: readonly number[][]): number[][] {
  const n = design.respondents;
  const cols = design.states.length;
  const w = Array.from(design.cellOf, (h) => design.cellWeight[h]!);
  const v = Array.from(design.cellOf, (h) => design.cellWeightFirst[h]!);
  const total = w.reduce((sum, wi, i) => sum + (inDomain[i] ? wi : 0), 0);
  const z = y.map((column) => {
    const p = column.reduce((sum, yi, i) => sum + (inDomain[i] ? w[i]! * yi : 0), 0) / total;
    let x = column.map((yi, i) => (inDomain[i] ? (w[i]! * (yi - p)) / total : 0));
    for (let pass = 0; pass < 10; pass++) {
      for (const [psw, margin] of [
        [v, (i: number) => Math.floor(design.cellOf[i]! / cols)],
        [w, (i: number) => design.cellOf[i]! % cols],
      ] as const) {
        const sums = new Map<number, [number, number]>();
        x.forEach((xi, i) => {
          const [s, c] = sums.get(margin(i)) ?? [0, 0];
          sums.set(margin(i), [s + xi / psw[i]!, c + 1]);
        });
        x = x.map((xi, i) => xi - (psw[i]! * sums.get(margin(i))![0]) / sums.get(margin(i))![1]);
      }
    }
    const mean = x.reduce((a, b) => a + b, 0) / n;
    return x.map((xi) => xi - mean);
  });
  return z.map((zc) => z.map((zd) => (n / (n - 1)) * zc.reduce((sum, value, i) => sum + value * zd[i]!, 0)));
}

/** survey's svychisq F body on explicit matrices, ginv by eigen-decomposition. */
function literalRaoScott(p: number[], covariance: number[][], r: number, c: number, total: number, units: number) {
  const size = r * c;
  const full = (r - 1) * (c - 1);
  const contrast = (cell: number, m: number) => {
    const [a, b, i, j] = [cell % r, Math.floor(cell / r), (m % (r - 1)) + 1, Math.floor(m / (r - 1)) + 1];
    return ((a === i ? 1 : 0) - 1 / r) * ((b === j ? 1 : 0) - 1 / c);
  };
  const q = p.map((share) => (share === 0 ? 0 : 1 / share));
  const a = new Float64Array(full * full);
  const b = new Float64Array(full * full);
  for (let m = 0; m < full; m++) {
    for (let l = 0; l < full; l++) {
      for (let x = 0; x < size; x++) {
        a[m * full + l]! += (contrast(x, m) * q[x]! * contrast(x, l)) / total;
        for (let y = 0; y < size; y++) b[m * full + l]! += contrast(x, m) * q[x]! * covariance[x]![y]! * q[y]! * contrast(y, l);
      }
    }
  }
  const { values, vectors } = symmetricEigen(a, full);
  const largest = Math.max(...values.map(Math.abs));
  const delta = new Float64Array(full * full);
  values.forEach((value, k) => {
    if (Math.abs(value) <= Math.sqrt(Number.EPSILON) * largest) return;
    for (let i = 0; i < full; i++) for (let j = 0; j < full; j++) for (let s = 0; s < full; s++) delta[i * full + j]! += (vectors[i * full + k]! * vectors[s * full + k]! * b[s * full + j]!) / value;
  });
  let trace = 0;
  let square = 0;
  for (let i = 0; i < full; i++) {
    trace += delta[i * full + i]!;
    for (let j = 0; j < full; j++) square += delta[i * full + j]! * delta[j * full + i]!;
  }
  const rowSums = Array.from({ length: r }, (_, i) => p.filter((_, x) => x % r === i).reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: c }, (_, j) => p.filter((_, x) => Math.floor(x / r) === j).reduce((s, v) => s + v, 0));
  const pearson = total * p.reduce((sum, share, x) => sum + (share - rowSums[x % r]! * colSums[Math.floor(x / r)]!) ** 2 / (rowSums[x % r]! * colSums[Math.floor(x / r)]!), 0);
  const df = trace ** 2 / square;
  return { statistic: pearson / trace, df, ddf: df * (units - 1) };
}

function countsByCell(design: RakedDesign, member: (i: number, column: number) => boolean, columns: number): Float64Array {
  const cells = design.cellWeight.length;
  const counts = new Float64Array(columns * cells);
  for (let i = 0; i < design.respondents; i++) for (let k = 0; k < columns; k++) if (member(i, k)) counts[k * cells + design.cellOf[i]!]! += 1;
  return counts;
}

const near = (actual: number, expected: number, label: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${label}: ${actual} vs ${expected}`);

// Seeds 1, 2: value 2 never in group 2 (a zero cell). Seeds 3, 4: groups 1 and 2 only have value 0, a 2 × 2
// block of zero cells, so Cᵀ D⁺ C is singular (rank 3 of 4). Seeds 5, 6: two values (their own path).
for (const [seed, values] of [[1, 3], [2, 3], [3, 3], [4, 3], [5, 2], [6, 2]] as const) {
  test(`seed ${seed}: cells and Rao-Scott equal the literal unit-by-unit computation`, () => {
    const next = random(seed);
    const n = 150;
    const design = randomDesign(next, n);
    const groups = 3;
    const singular = seed === 3 || seed === 4;
    const group = Uint8Array.from({ length: n }, () => (next() < 0.05 ? MISSING : Math.floor(next() * groups)));
    const value = Uint8Array.from(group, (g) =>
      next() < 0.1 ? MISSING : singular && g > 0 ? 0 : g === 2 && values === 3 ? Math.floor(next() * 2) : Math.floor(next() * values),
    );
    const counts = countsByCell(design, (i, column) => group[i] === Math.floor(column / values) && value[i] === column % values, groups * values);
    const projection = rakingProjection(design);
    const moments = columnMoments(projection, counts, groups * values);
    const cells = weightedCells(projection, moments, ['a', 'b', 'c'], ['x', 'y', 'z'].slice(0, values)) as CountCell[];
    for (let g = 0; g < groups; g++) {
      const inDomain = Array.from(value, (code, i) => code !== MISSING && group[i] === g);
      const covariance = literalCovariance(design, inDomain, [0, 1, 2].slice(0, values).map((code) => Array.from(value, (vi) => (vi === code ? 1 : 0))));
      const units = inDomain.filter(Boolean).length;
      for (let v = 0; v < values; v++) {
        const cell = cells[g * values + v]!;
        const expected = xlogitInterval(cell.share, Math.sqrt(covariance[v]![v]!), units - 1);
        if (cell.share > 0) near(cell.ci95[0], expected[0], `ci ${g}/${v}`);
        near(cell.ci95[1], expected[1], `ci ${g}/${v}`);
      }
    }
    assertRaoScott(design, moments, group, value, groups, values, singular ? { rank: 3, full: 4 } : undefined);
  });
}

/** raoScottTest on each route (complement-traces.ts and the contrasts) against the literal svychisq. */
function assertRaoScott(
  design: RakedDesign,
  moments: ReturnType<typeof columnMoments>,
  group: Uint8Array,
  value: Uint8Array,
  groups: number,
  values: number,
  rankDeficient: { rank: number; full: number } | undefined,
): void {
  const inDomain = Array.from(value, (code, i) => code !== MISSING && group[i] !== MISSING);
  const y = Array.from({ length: groups * values }, (_, column) =>
    Array.from(value, (vi, i): number => (vi === column % values && group[i] === Math.floor(column / values) ? 1 : 0)),
  );
  const covariance = literalCovariance(design, inDomain, y);
  const w = Array.from(design.cellOf, (h) => design.cellWeight[h]!);
  const total = w.reduce((sum, wi, i) => sum + (inDomain[i] ? wi : 0), 0);
  const p = y.map((column) => column.reduce((sum, yi, i) => sum + w[i]! * yi, 0) / total);
  const expected = literalRaoScott(p, covariance, values, groups, total, inDomain.filter(Boolean).length);
  for (const traces of [undefined, 'contrasts', 'complement'] as const) {
    const ours = raoScottTest(rakingProjection(design), moments, groups, values, { traces });
    assert.ok(ours, `${traces ?? 'default'}: a test`);
    assert.deepEqual(ours.rank_deficient, rankDeficient, traces);
    near(ours.statistic, expected.statistic, `F (${traces ?? 'default'})`);
    near(ours.df, expected.df, `df (${traces ?? 'default'})`);
    near(ours.ddf, expected.ddf, `ddf (${traces ?? 'default'})`);
  }
}

// 7 values × 5 groups, large enough for the complement route by default: values 5 and 6 never in groups 3
// and 4 (a cycle of empty cells, rank 23 of 24), value 4 never in group 0 (one more empty cell, no cycle).
test('a large table with empty cells on a cycle: both routes equal the literal computation', () => {
  const next = random(11);
  const n = 600;
  const design = randomDesign(next, n);
  const [groups, values] = [5, 7];
  const group = Uint8Array.from({ length: n }, () => (next() < 0.05 ? MISSING : Math.floor(next() * groups)));
  const value = Uint8Array.from(group, (g) => {
    if (next() < 0.1) return MISSING;
    const allowed = [0, 1, 2, 3, 4, 5, 6].filter((v) => !(g >= 3 && v >= 5) && !(g === 0 && v === 4));
    return allowed[Math.floor(next() * allowed.length)]!;
  });
  const counts = countsByCell(design, (i, column) => group[i] === Math.floor(column / values) && value[i] === column % values, groups * values);
  const moments = columnMoments(rakingProjection(design), counts, groups * values);
  assertRaoScott(design, moments, group, value, groups, values, { rank: 23, full: 24 });
});

// The moments' Σ z0² − 2 c·s + cᵀΦc cancels to rounding here (width ~1e-9 where the unit-by-unit sum gives
// ~1e-15): far inside statistics.md's 1e-6, and never negative under the root.
test('a share the raking fixes (a size class of all units) gets an interval of width 0 up to rounding, never NaN', () => {
  const design = randomDesign(random(7), 120);
  const cols = design.states.length;
  const sizeClasses = design.sizeClasses.length;
  const counts = countsByCell(design, (i, column) => Math.floor(design.cellOf[i]! / cols) === column, sizeClasses);
  const projection = rakingProjection(design);
  const moments = columnMoments(projection, counts, sizeClasses);
  const cells = weightedCells(projection, moments, ['all'], design.sizeClasses) as CountCell[];
  const inDomain = Array.from(design.cellOf, () => true);
  const y = design.sizeClasses.map((_, k) => Array.from(design.cellOf, (h) => (Math.floor(h / cols) === k ? 1 : 0)));
  const covariance = literalCovariance(design, inDomain, y);
  for (const [k, cell] of cells.entries()) {
    assert.ok(covariance[k]![k]! < 1e-20, `literal variance ${covariance[k]![k]}`);
    assert.ok(cell.ci95.every(Number.isFinite));
    assert.ok(cell.ci95[1] - cell.ci95[0] < 1e-7 * cell.share, `${cell.value}: ${cell.ci95.join(' – ')}`);
  }
});

test('a grouping the raking cell determines: moments over its groups’ cells alone equal those over every cell', () => {
  const next = random(7);
  const n = 200;
  const design = randomDesign(next, n);
  const cols = design.states.length;
  const groups = design.sizeClasses.length;
  const values = 3;
  const value = Uint8Array.from({ length: n }, () => (next() < 0.1 ? MISSING : Math.floor(next() * values)));
  const sizeClassOf = (i: number) => Math.floor(design.cellOf[i]! / cols);
  const counts = countsByCell(design, (i, column) => sizeClassOf(i) === Math.floor(column / values) && value[i] === column % values, groups * values);
  // Size class k holds the raking cells k · states … k · states + states − 1.
  const start = Int32Array.from({ length: groups + 1 }, (_, k) => k * cols);
  const groupCells = { start, cells: Int32Array.from({ length: groups * cols }, (_, h) => h) };
  const projection = rakingProjection(design);
  const full = columnMoments(projection, counts, groups * values);
  const all = countsByCell(design, (i, column) => value[i] === column, values);
  const restricted = columnMoments(projection, all, groups * values, undefined, { width: values, groupCells });
  for (const key of ['units', 'sums', 'squares', 'coefficients', 'scores'] as const) {
    const scale = Math.max(...full[key].map(Math.abs));
    full[key].forEach((expected, i) => assert.ok(Math.abs(restricted[key][i]! - expected) <= 1e-12 * scale, `${key}[${i}]: ${restricted[key][i]} vs ${expected}`));
  }
  assert.ok(full.coefficients.some((c) => c !== 0));
});
