// The synthetic demo wave (PRODUCT.md "Demo data"): deterministic, pseudonymous, valid, KGSt-like mix.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatDemoRegisterCsv } from '../src/demo/format-demo-register-csv.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { SIZE_CLASS_QUOTAS } from '../src/demo/sample-templates.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { checkResponse } from '../src/instrument/check-response.js';
import { flatVariables } from '../src/instrument/flat-variables.js';
import type { FlatResponse } from '../src/instrument/model.js';
import { routeResponse } from '../src/instrument/routing.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { sizeClassFor } from '../src/register/size-class.js';
import type { RegisterUnit } from '../src/register/unit.js';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv')).units;
const demo = generateDemoWave(register);

// Changes whenever the generator, its seed, the register or the instrument's variables change: review, then re-pin.
const DIGEST = '86e75124a5885f84b2714a1019931013dfe2e541413e0a0f8a637c943a4b97cd';

describe('generateDemoWave', () => {
  test('is deterministic: the same register and seed give the same wave', () => {
    assert.deepEqual(generateDemoWave(register), demo);
    assert.equal(createHash('sha256').update(JSON.stringify(demo)).digest('hex'), DIGEST);
  });

  test('another seed gives another wave', () => {
    assert.notDeepEqual(generateDemoWave(register, 7).responses, demo.responses);
  });

  test('412 synthetic units, one response each, in the same order', () => {
    assert.equal(demo.units.length, 412);
    assert.deepEqual(demo.responses.map((r) => r.ags), demo.units.map((u) => u.ags));
    assert.equal(new Set(demo.units.map((u) => u.ags)).size, 412);
    assert.ok(demo.units.every((u) => u.synthetic));
  });

  test('no demo unit carries the AGS or the name of a real one', () => {
    const realAgs = new Set(register.map((u) => u.ags));
    const realNames = new Set(register.flatMap((u) => [u.name, u.name.split(', ')[0], u.district]));
    assert.deepEqual(demo.units.filter((u) => realAgs.has(u.ags) || realNames.has(u.name) || realNames.has(u.district)), []);
    assert.ok(demo.units.every((u) => /^Muster(stadt|gemeinde|kreis) \d{3}$/.test(u.name)));
  });

  test('keys are well formed: Land prefix, Kreis = first five digits, size class from population', () => {
    const prefixOf = new Map(register.map((u) => [u.stateCode, u.ags.slice(0, 2)]));
    for (const unit of demo.units) {
      assert.match(unit.ags, /^\d{2}8\d{5}$/);
      assert.equal(unit.ags.slice(0, 2), prefixOf.get(unit.stateCode));
      assert.equal(unit.districtAgs, unit.ags.slice(0, 5));
      assert.equal(unit.sizeClass, sizeClassFor(unit.unitType, unit.population));
      if (unit.unitType !== 'kreisangehoerige_gemeinde') assert.ok(unit.ags.endsWith('000'));
    }
  });

  test('every demo unit matches at least two real units on Land × type × size class', () => {
    const cell = (u: RegisterUnit) => `${u.stateCode}|${u.unitType}|${u.sizeClass}`;
    const sizes = new Map<string, number>();
    for (const unit of register) sizes.set(cell(unit), (sizes.get(cell(unit)) ?? 0) + 1);
    assert.deepEqual(demo.units.filter((u) => (sizes.get(cell(u)) ?? 0) < 2).map(cell), []);
  });

  test('the mix resembles KGSt members: large units and Landkreise over-represented', () => {
    const large = (units: readonly RegisterUnit[]) => units.filter((u) => u.population >= 100_000).length / units.length;
    assert.ok(large(demo.units) > 5 * large(register), `${large(demo.units)} vs ${large(register)}`);
    const perClass = Object.fromEntries(Object.keys(SIZE_CLASS_QUOTAS).map((c) => [c, demo.units.filter((u) => u.sizeClass === c).length]));
    assert.deepEqual(perClass, SIZE_CLASS_QUOTAS);
    const districts = demo.units.filter((u) => u.unitType === 'landkreis').length / 412;
    assert.ok(districts >= 0.25 && districts <= 0.3, String(districts));
  });
});

describe('demo answers', () => {
  test('every response passes checkResponse; filled cells only, in questionnaire order', () => {
    const names = flatVariables(instrument2019).map((v) => v.name);
    for (const { ags, answers } of demo.responses) {
      assert.deepEqual(checkResponse(instrument2019, answers), [], ags);
      assert.deepEqual(Object.keys(answers), names.filter((name) => name in answers), ags);
      assert.ok(Object.values(answers).every((value) => value !== ''), ags);
    }
  });

  test('every question asked is answered, apart from the planned item non-response', () => {
    const unanswered = (answers: FlatResponse) => {
      const routing = routeResponse(instrument2019, answers);
      return flatVariables(instrument2019)
        .filter((v) => v.kind !== 'text' && v.kind !== 'email' && routing.get(v.name) === 'asked' && answers[v.name] === undefined)
        .map((v) => v.questionId);
    };
    const missing = demo.responses.flatMap(({ answers }) => unanswered(answers));
    const perQuestion = Object.fromEntries([...new Set(missing)].map((q) => [q, missing.filter((m) => m === q).length]));
    assert.deepEqual(perQuestion, {
      respondent_role: 6,
      strategy_ozg: 5,
      fim_helpfulness: 2,
      data_instruments: 8,
      training: 6,
      fiber: 3,
      broadband_grade: 6,
      peer_exchange: 3,
    });
  });

  test('at most three strategy fields and goals', () => {
    for (const prefix of ['strategy_fields__', 'strategy_goals__']) {
      const counts = demo.responses.map(({ answers }) => Object.entries(answers).filter(([k, v]) => k.startsWith(prefix) && v === '1').length);
      assert.ok(counts.every((n) => n <= 3), prefix);
    }
  });

  test('contact addresses only with consent, and never deliverable', () => {
    for (const { answers } of demo.responses) {
      assert.equal(answers['contact_email'] !== undefined, answers['peer_exchange'] === 'ja');
      if (answers['contact_email']) assert.match(answers['contact_email'], /^kontakt\d{3}@muster(stadt|gemeinde|kreis)\.example$/);
    }
  });

  test('a small share of item non-response, and a few comments', () => {
    const unanswered = demo.responses.filter(({ answers }) =>
      ['respondent_role', 'broadband_grade', 'peer_exchange', 'training__fachverfahren', 'data_instruments__offenlegung'].some((k) => answers[k] === undefined),
    );
    assert.ok(unanswered.length > 0 && unanswered.length < 0.1 * 412, String(unanswered.length));
    const comments = demo.responses.filter(({ answers }) => answers['comments'] !== undefined).length;
    assert.ok(comments > 0 && comments < 0.1 * 412, String(comments));
  });
});

describe('formatDemoRegisterCsv', () => {
  test('writes the columns of gemeinden.csv, one row per unit, sorted by AGS', () => {
    const lines = formatDemoRegisterCsv(demo.units).split('\n');
    assert.equal(lines[0], read('data/gemeinden.csv').split('\n')[0]);
    assert.equal(lines.length, 414); // header, 412 rows, final newline
    const ags = lines.slice(1, -1).map((line) => line.split(',')[0] ?? '');
    assert.deepEqual(ags, [...ags].sort());
  });

  test('quotes cells with commas or quotes (RFC 4180)', () => {
    const unit = { ...(demo.units[0] as RegisterUnit), name: 'Muster, "Stadt"', areaKm2: 12.5 };
    assert.match(formatDemoRegisterCsv([unit]), /,"Muster, ""Stadt""",.*,12\.50\n$/);
  });
});
