import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildWaveData } from '../analysis/build-wave-data.js';
import { MISSING } from '../analysis/wave-data.js';
import { generateDemoWave } from '../demo/generate-demo-wave.js';
import { generateDemoWave2021 } from '../demo/generate-demo-wave-2021.js';
import { parseRegisterCsv } from '../formats/register-csv.js';
import { DERIVED_UNIONS_2019 } from './derived-unions-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('every declared union holds for every demo respondent: the flag is its value exactly where some part holds', () => {
  const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
  const demo2019 = generateDemoWave(register.units);
  const waves = [demo2019, generateDemoWave2021(register.units, demo2019)];
  const names = Object.keys(DERIVED_UNIONS_2019);
  for (const name of ['chefsache', 'chefsache_admin', 'chefsache_community', 'fiber_engaged', 'responsible_admin__niemand', 'data_uses__keine', 'community_support__wlan__keine']) {
    assert.ok(names.includes(name), name);
  }
  for (const [w, demo] of waves.entries()) {
    const data = buildWaveData(instrument2019, `demo-${w}`, demo.units, demo.responses);
    const byName = new Map(data.variables.map((variable) => [variable.name, variable]));
    for (const [name, union] of Object.entries(DERIVED_UNIONS_2019)) {
      const flag = byName.get(name)!;
      const code = flag.values.indexOf(union.value);
      const parts = union.parts.map(({ variable, value }) => ({ column: byName.get(variable)!, code: byName.get(variable)!.values.indexOf(value) }));
      assert.ok(code !== -1 && parts.length >= 2 && parts.every(({ column, code: part }) => column && part !== -1), name);
      const none = union.none && { column: byName.get(union.none.variable)!, code: byName.get(union.none.variable)!.values.indexOf(union.none.value) };
      assert.ok(!none || (none.column && none.code !== -1), `${name}: none`);
      let held = 0;
      let nobody = 0;
      for (let i = 0; i < data.n; i++) {
        if (flag.codes[i] === MISSING) continue;
        const any = parts.some(({ column, code: part }) => column.codes[i] === part);
        assert.equal(flag.codes[i] === code, any, `${name} respondent ${i}`);
        held += any ? 1 : 0;
        if (none && none.column.codes[i] === none.code) {
          assert.ok(!any, `${name} respondent ${i}: the exclusive answer with a part`);
          nobody++;
        }
      }
      assert.ok(held > 0 && held < data.n, name);
      assert.ok(!none || nobody > 0, `${name}: nobody answered the exclusive option`);
    }
  }
});
