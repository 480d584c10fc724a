import { readFileSync } from 'node:fs';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { crosstabs } from '../src/analysis/crosstabs.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { syntheticWave } from './analysis-wave.js';
import { loadWeightedAnalysis } from './analysis-weighted.js';
const { units } = parseRegisterCsv(readFileSync(new URL('../data/gemeinden.csv', import.meta.url), 'utf8'), readFileSync(new URL('../data/kreise.csv', import.meta.url), 'utf8'));
const weighted = await loadWeightedAnalysis();
const n = Number(process.argv[2] ?? 412);
const reps = Number(process.argv[3] ?? 20);
const mode = process.argv[4] ?? 'all';
const { data, respondents } = syntheticWave(n, units);
function time(label: string, f: () => unknown) {
  f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label, n, 'median ms', ts[ts.length >> 1]!.toFixed(2), 'min', ts[0]!.toFixed(2));
}
if (mode === 'all' || mode === 'u') { time('crosstabs', () => crosstabs(data)); time('unweighted', () => analyzeWave(data)); }
if ((mode === 'all' || mode === 'w') && typeof weighted === 'function') time('weighted', () => weighted(data, units, respondents));
