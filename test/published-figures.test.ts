// Every statement of published-figures.json holds on the demo wave: once by our own evaluator (one
// subtest per figure id) and once by the independent checker tools/check-figures.py on the CSV files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatDemoRegisterCsv } from '../src/demo/format-demo-register-csv.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { formatResponsesCsv } from '../src/formats/responses-csv.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import type { FlatResponse } from '../src/instrument/model.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { chiSquareUpperTail, evaluateFigures, type Figure } from './evaluate-figures.js';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const figuresPath = join(root, 'test/fixtures/published-figures.json');
const figures = (JSON.parse(readFileSync(figuresPath, 'utf8')) as { figures: Figure[] }).figures;
const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
const demo = generateDemoWave(register.units);
const population = new Map(demo.units.map((unit) => [unit.ags, unit.population]));
const results = evaluateFigures(figures, demo.responses, population);

describe('published figures on the demo wave', () => {
  test('the register loads without issues', () => assert.deepEqual(register.issues, []));
  for (const result of results) {
    test(result.id, () => assert.ok(result.holds, `${result.id}: got ${JSON.stringify(result.got)}`));
  }
});

test('tools/check-figures.py agrees on the CSV files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-figures-'));
  try {
    writeFileSync(join(dir, 'responses.csv'), formatResponsesCsv(instrument2019, demo.responses));
    writeFileSync(join(dir, 'register.csv'), formatDemoRegisterCsv(demo.units));
    const out = execFileSync('python3', [join(root, 'tools/check-figures.py'), join(dir, 'responses.csv'), figuresPath, join(dir, 'register.csv')], {
      encoding: 'utf8',
    });
    assert.match(out, new RegExp(`figures: ${figures.length}/${figures.length} hold\\n$`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the evaluator itself', () => {
  const only = (id: string) => figures.filter((figure) => figure.id === id);
  const changed = (change: (answers: FlatResponse) => FlatResponse) =>
    demo.responses.map(({ ags, answers }) => ({ ags, answers: change(answers) }));

  test('notices a share that no longer holds', () => {
    let moved = 0;
    const broken = changed((answers) => (answers['strategy_status'] === 'geplant' && moved++ < 20 ? { ...answers, strategy_status: 'vorhanden' } : answers));
    assert.equal(evaluateFigures(only('strategy_has'), broken, population)[0]?.holds, false); // 78 / 412
  });

  test('notices an association', () => {
    const broken = changed((answers) => ({ ...answers, broadband_grade: answers['components__formularserver'] === 'im_einsatz' ? '1' : '5' }));
    assert.equal(evaluateFigures(only('broadband_egov_independent'), broken, population)[0]?.holds, false);
  });

  test('chi-square upper tail matches the 5 % critical values', () => {
    assert.ok(Math.abs(chiSquareUpperTail(3.841458820694124, 1) - 0.05) < 1e-9);
    assert.ok(Math.abs(chiSquareUpperTail(11.070497693516351, 5) - 0.05) < 1e-9);
  });
});
