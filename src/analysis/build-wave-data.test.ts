import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlatResponse } from '../instrument/model.js';
import { exampleResponse2019 } from '../instrument/waves/example-response-2019.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../register/unit.js';
import { buildWaveData } from './build-wave-data.js';
import { GROUPING_NAMES, tableVariables } from './table-variables.js';
import { MISSING, type WaveData } from './wave-data.js';

const unit = (ags: string, overrides: Partial<RegisterUnit> = {}): RegisterUnit => ({
  ags,
  name: `Musterstadt ${ags}`,
  stateCode: 'NW',
  state: 'Nordrhein-Westfalen',
  districtAgs: ags.slice(0, 5),
  district: 'Musterkreis',
  unitType: 'kreisangehoerige_gemeinde',
  sourceType: 'Stadt',
  population: 30_000,
  areaKm2: 50,
  sizeClass: 'gk5',
  synthetic: true,
  ...overrides,
});

const without = (answers: FlatResponse, drop: (name: string) => boolean): FlatResponse =>
  Object.fromEntries(Object.entries(answers).filter(([name]) => !drop(name)));

function build(responses: readonly FlatResponse[], units = responses.map((_, i) => unit(`0599900${i}`)), extraBy: string[] = []): WaveData {
  return buildWaveData(instrument2019, 'test', units, responses.map((answers, i) => ({ ags: `0599900${i}`, answers })), extraBy);
}

function valueOf(data: WaveData, name: string, respondent = 0): string | null {
  const variable = [...data.variables, ...data.groupings].find((candidate) => candidate.name === name);
  assert.ok(variable, name);
  const code = variable.codes[respondent]!;
  return code === MISSING ? null : variable.values[code]!;
}

test('variables: categorical flat ones in questionnaire order, then derived; no e-mail, text or register fields', () => {
  const data = build([exampleResponse2019]);
  const names = data.variables.map((v) => v.name);
  assert.equal(names[0], 'respondent_role');
  assert.ok(names.includes('strategy_fields__verwaltung') && names.includes('operator__dms__weiss_nicht') && names.includes('components__dms'));
  assert.ok(!names.includes('contact_email') && !names.includes('comments') && !names.includes('size_class') && !names.includes('ags'));
  assert.deepEqual(names.slice(-instrument2019.derived.length), instrument2019.derived.map((d) => d.id));
  assert.deepEqual(names, tableVariables(instrument2019).map((v) => v.name));
  assert.deepEqual(data.groupings.map((g) => g.name), [...GROUPING_NAMES]);
});

test('codes of the example response: single, multi option, grid item, grid-multi option, derived', () => {
  const data = build([exampleResponse2019]);
  assert.equal(valueOf(data, 'strategy_status'), 'vorhanden');
  assert.equal(valueOf(data, 'strategy_fields__verwaltung'), '1');
  assert.equal(valueOf(data, 'strategy_fields__sonstiges'), '0');
  assert.equal(valueOf(data, 'components__servicekonto'), 'geplant');
  assert.equal(valueOf(data, 'operator__postfach__land'), '1');
  assert.equal(valueOf(data, 'egov_count'), '4');
  assert.equal(valueOf(data, 'community_count'), '2');
  assert.equal(valueOf(data, 'data_use_count'), '2');
  assert.equal(valueOf(data, 'vg_egov'), 'true');
  assert.equal(valueOf(data, 'fim_helpful__datenfelder'), 'false');
  assert.deepEqual(data.variables.find((v) => v.name === 'vg_egov')?.values, ['false', 'true']);
  assert.deepEqual(data.variables.find((v) => v.name === 'egov_count')?.values, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
});

test('register groupings: size class, German Land name, unit type; population per respondent', () => {
  const data = build([exampleResponse2019, exampleResponse2019], [
    unit('05999000', { sizeClass: 'lk2', unitType: 'landkreis', population: 200_000 }),
    unit('05999001', { state: 'Bayern', stateCode: 'BY' }),
  ]);
  assert.equal(valueOf(data, 'size_class', 0), 'lk2');
  assert.equal(valueOf(data, 'unit_type', 0), 'landkreis');
  assert.equal(valueOf(data, 'state', 1), 'Bayern');
  assert.deepEqual([...data.population], [200_000, 30_000]);
});

test('a respondent missing from the register has missing register groupings, population 0', () => {
  const data = build([exampleResponse2019], []);
  assert.equal(valueOf(data, 'state'), null);
  assert.equal(valueOf(data, 'size_class'), null);
  assert.equal(data.population[0], 0);
});

test('a multi option is missing unless every column of its question is filled', () => {
  const data = build([{ ...exampleResponse2019, strategy_goals__sonstiges: '' }]);
  assert.equal(valueOf(data, 'strategy_goals__effizienz'), null);
  assert.equal(valueOf(data, 'strategy_fields__verwaltung'), '1');
});

test('a grid-multi option is missing unless every column of its item is filled, item by item', () => {
  const data = build([{ ...exampleResponse2019, community_support__wlan__keine: '' }]);
  assert.equal(valueOf(data, 'community_support__wlan__logistisch'), null);
  assert.equal(valueOf(data, 'community_support__startups__keine'), '1');
  assert.equal(valueOf(data, 'community_count'), null); // strict rule for derived values
  assert.equal(valueOf(data, 'vg_community'), null);
});

test('not asked is missing, even where a stale answer is stored', () => {
  const notAsked = { ...exampleResponse2019, strategy_status: 'kein_thema', components__epayment: 'nein', fim_known: 'nein' };
  const data = build([notAsked]);
  assert.equal(valueOf(data, 'strategy_fields__verwaltung'), null);
  assert.equal(valueOf(data, 'strategy_ozg'), null);
  assert.equal(valueOf(data, 'operator__epayment__privater_dienstleister'), null);
  assert.equal(valueOf(data, 'operator__formularserver__eigene_it'), '1');
  assert.equal(valueOf(data, 'fim_helpfulness__leistungen'), null);
  assert.equal(valueOf(data, 'fim_helpful__leistungen'), null);
});

test('not answered is missing, and so is every derived value that depends on it', () => {
  const data = build([without(exampleResponse2019, (name) => name === 'components__chatbot' || name === 'broadband_grade')]);
  assert.equal(valueOf(data, 'components__chatbot'), null);
  assert.equal(valueOf(data, 'egov_count'), null);
  assert.equal(valueOf(data, 'egov_band'), null);
  assert.equal(valueOf(data, 'vg_egov'), null);
  assert.equal(valueOf(data, 'broadband_good'), null);
  assert.equal(valueOf(data, 'components__formularserver'), 'im_einsatz');
});

test('--by adds table variables as groupings once; default groupings are not repeated', () => {
  const data = build([exampleResponse2019], undefined, ['chefsache', 'state', 'broadband_grade', 'chefsache']);
  assert.deepEqual(data.groupings.map((g) => g.name), [...GROUPING_NAMES, 'chefsache', 'broadband_grade']);
  assert.equal(data.groupings[6], data.variables.find((v) => v.name === 'chefsache'));
  assert.throws(() => build([exampleResponse2019], undefined, ['lieblingsfarbe']), RangeError);
});
