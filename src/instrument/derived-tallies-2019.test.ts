import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildWaveData } from '../analysis/build-wave-data.js';
import { MISSING } from '../analysis/wave-data.js';
import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { generateDemoWave2021 } from '../demo/generate-demo-wave-2021.js';
import { parseRegisterCsv } from '../formats/register-csv.js';
import { DERIVED_TALLIES_2019 } from './derived-tallies-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('every declared tally holds for every demo respondent: count = parts that hold, 0 exactly where "keine", missing with its parts', () => {
  const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
  const demo2019 = generateDemoWave(register.units);
  const waves = [demo2019, generateDemoWave2021(register.units, demo2019)];
  assert.deepEqual(Object.keys(DERIVED_TALLIES_2019).sort(), ['community_count', 'data_use_count', 'egov_count']);
  for (const [w, demo] of waves.entries()) {
    const data = buildWaveData(instrument2019, `demo-${w}`, demo.units, demo.responses);
    const byName = new Map(data.variables.map((variable) => [variable.name, variable]));
    for (const [name, tally] of Object.entries(DERIVED_TALLIES_2019)) {
      const count = byName.get(name)!;
      const parts = tally.parts.map(({ variable, value }) => ({ column: byName.get(variable)!, code: byName.get(variable)!.values.indexOf(value) }));
      assert.ok(parts.length >= 4 && parts.every(({ column, code }) => column && code !== -1), name);
      let counted = 0;
      for (let i = 0; i < data.n; i++) {
        const c = count.codes[i]!;
        const held = parts.filter(({ column, code }) => column.codes[i] === code).length;
        if (c === MISSING) {
          assert.equal(held, 0, `${name} respondent ${i}: missing, but parts hold`);
          continue;
        }
        assert.equal(Number(count.values[c]), held, `${name} respondent ${i}`);
        if (tally.none) {
          const none = byName.get(tally.none.variable)!;
          assert.equal(none.values[none.codes[i]!] === tally.none.value, held === 0, `${name} respondent ${i}: keine`);
        }
        counted += held;
      }
      assert.ok(counted > 0, name);
    }
  }
});
