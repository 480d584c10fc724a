// Rao-Scott's traces through the pivoted Cholesky g-inverse equal those through the Moore–Penrose
// pseudo-inverse from an eigen-decomposition (symmetric-eigen.ts, EISPACK tred2/tql2), and solve's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pseudoInverseTraces } from '../../src/analysis/design/pseudo-inverse-traces.js';
import { solveTraces } from '../../src/analysis/design/solve-traces.js';
import { symmetricEigen } from './symmetric-eigen.js';

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
}

/** X Xᵀ and X M Mᵀ Xᵀ for X of size × rank: B's null space contains A's, as for CᵀD⁺VD⁺C. */
function pair(size: number, rank: number, seed: number): { a: Float64Array; b: Float64Array } {
  const next = random(seed);
  const x = Float64Array.from({ length: size * rank }, next);
  const m = Float64Array.from({ length: rank * rank }, next);
  const xm = new Float64Array(size * rank);
  for (let i = 0; i < size; i++) for (let j = 0; j < rank; j++) for (let k = 0; k < rank; k++) xm[i * rank + j]! += x[i * rank + k]! * m[k * rank + j]!;
  const gram = (y: Float64Array) => {
    const out = new Float64Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) for (let k = 0; k < rank; k++) out[i * size + j]! += y[i * rank + k]! * y[j * rank + k]!;
    return out;
  };
  return { a: gram(x), b: gram(xm) };
}

function eigenTraces(a: Float64Array, b: Float64Array, size: number): { trace: number; traceOfSquare: number; rank: number } {
  const { values, vectors } = symmetricEigen(a, size);
  const largest = Math.max(...values.map(Math.abs));
  const pinv = new Float64Array(size * size);
  let rank = 0;
  values.forEach((value, k) => {
    if (Math.abs(value) <= Math.sqrt(Number.EPSILON) * largest) return;
    rank++;
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) pinv[i * size + j]! += (vectors[i * size + k]! * vectors[j * size + k]!) / value;
  });
  const delta = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) for (let k = 0; k < size; k++) delta[i * size + j]! += pinv[i * size + k]! * b[k * size + j]!;
  let trace = 0;
  let traceOfSquare = 0;
  for (let i = 0; i < size; i++) {
    trace += delta[i * size + i]!;
    for (let j = 0; j < size; j++) traceOfSquare += delta[i * size + j]! * delta[j * size + i]!;
  }
  return { trace, traceOfSquare, rank };
}

const near = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-8 * Math.abs(expected);

for (const [size, rank] of [[1, 1], [4, 4], [6, 4], [12, 9], [30, 21], [40, 40]] as const) {
  test(`${size} × ${size} of rank ${rank}`, () => {
    const { a, b } = pair(size, rank, size * 100 + rank);
    const ours = pseudoInverseTraces(a, b, size);
    const reference = eigenTraces(a, b, size);
    assert.equal(ours.rank, rank);
    assert.equal(reference.rank, rank);
    assert.ok(near(ours.trace, reference.trace) && near(ours.traceOfSquare, reference.traceOfSquare), JSON.stringify({ ours, reference }));
    const solved = solveTraces(a, b, size);
    if (rank < size) assert.equal(solved, null);
    else assert.ok(solved && near(solved.trace, reference.trace) && near(solved.traceOfSquare, reference.traceOfSquare));
  });
}

test('symmetric eigen-decomposition reconstructs its matrix', () => {
  const { a } = pair(25, 20, 5);
  const { values, vectors } = symmetricEigen(a, 25);
  for (let i = 0; i < 25; i++) {
    for (let j = 0; j < 25; j++) {
      let sum = 0;
      for (let k = 0; k < 25; k++) sum += vectors[i * 25 + k]! * values[k]! * vectors[j * 25 + k]!;
      assert.ok(Math.abs(sum - a[i * 25 + j]!) < 1e-12);
    }
  }
});
