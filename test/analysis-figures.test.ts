// Every statement of published-figures.json holds on the demo wave when computed by the analysis engine
// (issue 4 "The seed, reproduced"), and each number equals the flat-response evaluator's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildWaveData } from '../src/analysis/build-wave-data.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { evaluateFigures, type Figure } from './evaluate-figures.js';
import { evaluateFiguresOnEngine } from './support/engine-figures.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const figures = (JSON.parse(read('test/fixtures/published-figures.json')) as { figures: Figure[] }).figures;
const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
const demo = generateDemoWave(register.units);
const data = buildWaveData(instrument2019, '2019-demo', demo.units, demo.responses);
const engine = evaluateFiguresOnEngine(figures, data);
const flat = new Map(evaluateFigures(figures, demo.responses, new Map(demo.units.map((u) => [u.ags, u.population]))).map((r) => [r.id, r]));

describe('published figures through the analysis engine', () => {
  test('one result per figure', () => assert.equal(engine.length, figures.length));
  for (const result of engine) {
    test(result.id, () => {
      assert.ok(result.holds, `${result.id}: got ${JSON.stringify(result.got)}`);
      const numbers = [result.got].flat();
      const reference = [flat.get(result.id)!.got].flat();
      numbers.forEach((got, i) => assert.ok(Math.abs(got - reference[i]!) < 1e-9, `${result.id}: engine ${got}, flat evaluator ${reference[i]}`));
    });
  }
});
