// AnalysisThreads gives exactly weightedTables' tables, in order, whatever the threads claim; a helper
// thread that dies leaves its variables to the calling thread, one that fails makes the job fail.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadFixture } from '../../test/reference/load-fixture.js';
import { weightedTables } from '../analysis/design/weighted-tables.js';
import { rakeWeights } from '../analysis/weighting/rake-weights.js';
import { AnalysisThreads } from './analysis-threads.js';

const fixtures = ['small', 'medium'].map((name) => {
  const fixture = loadFixture(name);
  const { design } = rakeWeights({ sizeClass: fixture.sizeClass, state: fixture.state, target: fixture.target });
  return { name, data: fixture.data, design, serial: JSON.stringify(weightedTables(fixture.data, design)) };
});
const started: AnalysisThreads[] = [];
const start = (...args: Parameters<typeof AnalysisThreads.start>): AnalysisThreads => {
  const threads = AnalysisThreads.start(...args);
  started.push(threads);
  return threads;
};
after(() => Promise.all(started.map((threads) => threads.close())));

for (const count of [1, 2, 3]) {
  test(`${count} thread(s): the tables of weightedTables, job after job and for concurrent jobs`, async () => {
    const threads = start({ threads: count });
    for (let round = 0; round < 3; round++) {
      for (const { name, data, design, serial } of fixtures) assert.equal(JSON.stringify(await threads.weightedTables(data, design)), serial, `${name}, round ${round}`);
    }
    const together = await Promise.all(fixtures.map(({ data, design }) => threads.weightedTables(data, design)));
    together.forEach((tables, i) => assert.equal(JSON.stringify(tables), fixtures[i]!.serial));
  });
}

test('a chosen subset of variables, in the order given', async () => {
  const threads = start();
  const { data, design } = fixtures[1]!;
  const chosen = [...data.variables].reverse();
  assert.equal(JSON.stringify(await threads.weightedTables(data, design, chosen)), JSON.stringify(weightedTables(data, design, chosen)));
});

/** The medium fixture's variables 100 times over (≈ 0.2 s): a ready helper surely claims some of them. */
const long = (() => {
  const { data, design } = fixtures[1]!;
  const variables = Array.from({ length: 100 }, () => data.variables).flat();
  return { data, design, variables, serial: JSON.stringify(weightedTables(data, design, variables)) };
})();

test('a helper thread that dies mid-job: its variables are computed on the calling thread', async () => {
  let exited = (_code: number): void => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const threads = start({ threads: 2, workerUrl: new URL('../../test/support/dying-analysis-worker.js', import.meta.url), onHelperExit: (code) => exited(code) });
  await threads.ready();
  const { data, design, variables, serial } = long;
  for (let round = 0; round < 2; round++) assert.equal(JSON.stringify(await threads.weightedTables(data, design, variables)), serial);
  assert.equal(await exit, 3);
});

test('ready() once the helper listens; close() ends it without reporting it as lost', async () => {
  const exits: number[] = [];
  const threads = AnalysisThreads.start({ onHelperExit: (code) => exits.push(code) });
  await threads.ready();
  const { data, design, serial } = fixtures[0]!;
  assert.equal(JSON.stringify(await threads.weightedTables(data, design)), serial);
  await threads.close();
  assert.deepEqual(exits, []);
});

test('a helper thread whose analysis fails: the job fails with its message, the next job too', async () => {
  const threads = start({ threads: 2, workerUrl: new URL('../../test/support/failing-analysis-worker.js', import.meta.url) });
  await threads.ready();
  const { data, design, variables } = long;
  await assert.rejects(threads.weightedTables(data, design, variables), /Analyse im Hilfsthread fehlgeschlagen/);
  await assert.rejects(threads.weightedTables(data, design, variables), /Analyse im Hilfsthread fehlgeschlagen/);
});

test('a job that fails on the calling thread fails with its message; the next job is whole again', async () => {
  const threads = start();
  const { data, design, variables, serial } = long;
  const tooMany = { ...design, cellWeight: new Float64Array(255) };
  await assert.rejects(threads.weightedTables(data, tooMany, variables), /255 Gewichtungszellen: höchstens 254/);
  assert.equal(JSON.stringify(await threads.weightedTables(data, design, variables)), serial);
});
