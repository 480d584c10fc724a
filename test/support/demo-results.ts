// The demo wave (seeded, deterministic) as WaveData and its unweighted results document, shared by the
// report tests.
import { readFileSync } from 'node:fs';
import { analyzeWave } from '../../src/analysis/analyze-wave.js';
import { buildWaveData } from '../../src/analysis/build-wave-data.js';
import type { ResultsDocument } from '../../src/analysis/results-document.js';
import type { WaveData } from '../../src/analysis/wave-data.js';
import { generateDemoWave } from '../../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../../src/formats/register-csv.js';
import { instrument2019 } from '../../src/instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../../src/register/unit.js';
import type { Figure } from '../evaluate-figures.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

let cached: { data: WaveData; results: ResultsDocument; register: readonly RegisterUnit[] } | undefined;

export function demoResults(): { data: WaveData; results: ResultsDocument; register: readonly RegisterUnit[] } {
  if (!cached) {
    const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
    const demo = generateDemoWave(register.units);
    const data = buildWaveData(instrument2019, '2019-demo', demo.units, demo.responses);
    cached = { data, results: analyzeWave(data), register: register.units };
  }
  return cached;
}

export const publishedFigures = (): Figure[] => (JSON.parse(read('test/fixtures/published-figures.json')) as { figures: Figure[] }).figures;
