// The benchmark's peer (bench/analysis-duckdb.ts) must count what our analysis counts, or its times
// compare unlike work: every DuckDB formulation against our tables on a sample of a synthetic wave's variables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { FORMULATIONS, loadDuckWave, tallyOf, WEIGHTED_FORMULATIONS } from '../bench/analysis-duckdb.js';
import { syntheticWave } from '../bench/analysis-wave.js';
import { rakedDesign, weightedCountingTally } from '../bench/analysis-weighted.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const { units } = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));

test('every DuckDB formulation of the benchmark counts what our unweighted and our weighted analysis count', async () => {
  const { data, respondents } = syntheticWave(412, units);
  // Every 9th variable: 20 of them, with 2, 3, 5 and 7 values.
  const sample = data.variables.flatMap((_, v) => (v % 9 === 0 ? [v] : []));
  const names = new Set(sample.map((v) => data.variables[v]!.name));
  const { cells, total } = tallyOf(analyzeWave(data).tables.filter((table) => names.has(table.variable)));
  const weighted = weightedCountingTally(data, rakedDesign(data, units, respondents), sample.map((v) => data.variables[v]!));
  assert.equal(weighted.total, total, 'per raking cell too, each unit once per table');
  assert.ok(weighted.cells > cells, 'split by raking cell');
  const wave = await loadDuckWave(data);
  try {
    for (const { name, run } of FORMULATIONS) assert.deepEqual(await run(wave, sample), { cells, total }, name);
    for (const { name, run } of WEIGHTED_FORMULATIONS) assert.deepEqual(await run(wave, sample), weighted, name);
  } finally {
    wave.close();
  }
});
