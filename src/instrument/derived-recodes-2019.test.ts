import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildWaveData } from '../analysis/build-wave-data.js';
import { MISSING } from '../analysis/wave-data.js';
import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../formats/register-csv.js';
import { DERIVED_RECODES_2019 } from './derived-recodes-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('every declared recode holds for every demo respondent: same missing, derived value = recode of the source', () => {
  const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
  const demo = generateDemoWave(register.units);
  const data = buildWaveData(instrument2019, '2019-demo', demo.units, demo.responses);
  const byName = new Map(data.variables.map((variable) => [variable.name, variable]));
  for (const [name, recode] of Object.entries(DERIVED_RECODES_2019)) {
    const derived = byName.get(name)!;
    const source = byName.get(recode.variable)!;
    assert.deepEqual(Object.keys(recode.values).sort(), [...source.values].sort(), `${name}: every value of ${recode.variable}`);
    assert.ok(Object.values(recode.values).every((value) => derived.values.includes(value)), name);
    let answered = 0;
    for (let i = 0; i < data.n; i++) {
      const [s, d] = [source.codes[i]!, derived.codes[i]!];
      assert.equal(s === MISSING, d === MISSING, `${name} respondent ${i}`);
      if (s === MISSING) continue;
      answered++;
      assert.equal(recode.values[source.values[s]!], derived.values[d], `${name} respondent ${i}`);
    }
    assert.ok(answered > 0, name);
  }
});
