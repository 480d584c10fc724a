import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Instrument } from './model.js';
import { deriveDeclared, deriveVariables } from './derive-variables.js';
import { exampleResponse2019 } from './waves/example-response-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';

const derive = (changes: Record<string, string | undefined>) => deriveVariables({ ...exampleResponse2019, ...changes });
const nineComponents = ['formularserver', 'epayment', 'servicekonto', 'eid', 'de_mail', 'postfach', 'suche', 'app', 'chatbot'];

test('every derived variable of the instrument, for a complete response', () => {
  assert.deepEqual(deriveVariables(exampleResponse2019), {
    egov_count: '4',
    egov_band: '3+',
    vg_strategy: 'hat',
    vg_egov: 'true',
    community_count: '2',
    community_band: '2+',
    vg_community: 'true',
    fim_helpful__leistungen: 'true',
    fim_helpful__datenfelder: 'false',
    fim_helpful__prozesse: 'false',
    data_high__bestandsaufnahme: 'true',
    data_high__offenlegung: 'false',
    data_high__bereitstellung: 'false',
    data_use_count: '2',
    chefsache_admin: 'true',
    chefsache_community: 'false',
    chefsache: 'true',
    fiber_engaged: 'true',
    broadband_good: 'true',
  });
  assert.deepEqual(Object.keys(deriveVariables({})), instrument2019.derived.map((d) => d.id));
});

test('an empty response derives only missing values, never a silent zero', () => {
  assert.ok(Object.values(deriveVariables({})).every((value) => value === null));
});

test('values lie in the declared domains', () => {
  const derived = deriveVariables(exampleResponse2019);
  const instrument: Instrument = instrument2019;
  for (const variable of instrument.derived) {
    const value = (derived as Readonly<Record<string, string | null>>)[variable.id];
    assert.ok(value !== undefined && (value === null || variable.values.includes(value)), variable.id);
  }
});

test('egov_count: the nine Basiskomponenten, dms not counted; strict missing', () => {
  const all = Object.fromEntries(nineComponents.map((c) => [`components__${c}`, 'im_einsatz']));
  assert.equal(derive({ ...all, components__dms: 'nein' }).egov_count, '9');
  assert.equal(derive({ components__dms: '' }).egov_count, '4');
  const none = Object.fromEntries(nineComponents.map((c) => [`components__${c}`, 'nein']));
  assert.deepEqual(pick(derive(none), 'egov_count', 'egov_band', 'vg_egov'), ['0', '0', 'false']);
  assert.deepEqual(pick(derive({ ...none, components__app: 'im_einsatz' }), 'egov_band', 'vg_egov'), ['1-2', 'false']);
  assert.deepEqual(pick(derive({ ...none, components__app: 'im_einsatz', components__eid: 'im_einsatz' }), 'egov_band'), ['1-2']);
  assert.deepEqual(pick(derive({ components__eid: '' }), 'egov_count', 'egov_band', 'vg_egov'), [null, null, null]);
});

test('vg_strategy groups', () => {
  assert.equal(derive({ strategy_status: 'in_entwicklung' }).vg_strategy, 'entwickelt');
  assert.equal(derive({ strategy_status: 'geplant' }).vg_strategy, 'ohne');
  assert.equal(derive({ strategy_status: 'kein_thema' }).vg_strategy, 'ohne');
  assert.equal(derive({ strategy_status: '' }).vg_strategy, null);
});

test('community_count: an item counts when any support is given; missing when any cell of any item is', () => {
  assert.deepEqual(pick(derive({ community_support__lokale_wirtschaft__finanziell: '0', community_support__lokale_wirtschaft__keine: '1' }), 'community_count', 'community_band', 'vg_community'), ['1', '1', 'false']);
  assert.deepEqual(pick(derive({ community_support__iot__keine: '' }), 'community_count', 'community_band', 'vg_community'), [null, null, null]);
  assert.equal(derive({ community_support__iot__keine: '0' }).community_count, '2');
});

test('fim_helpful: base fim_known = ja and the item answered; nicht_genutzt is false', () => {
  assert.deepEqual(pick(derive({ fim_known: 'nein' }), 'fim_helpful__leistungen', 'fim_helpful__datenfelder'), [null, null]);
  assert.equal(derive({ fim_helpfulness__leistungen: '' }).fim_helpful__leistungen, null);
  assert.equal(derive({ fim_helpfulness__prozesse: 'eher_hilfreich' }).fim_helpful__prozesse, 'true');
  assert.equal(derive({}).fim_helpful__datenfelder, 'false');
});

test('data_high: weiss_nicht is in the base as false; empty is missing', () => {
  assert.equal(derive({ data_instruments__offenlegung: 'intensiv' }).data_high__offenlegung, 'true');
  assert.equal(derive({}).data_high__offenlegung, 'false');
  assert.equal(derive({ data_instruments__offenlegung: '' }).data_high__offenlegung, null);
});

test('data_use_count excludes keine and needs every data_uses column', () => {
  assert.equal(
    derive({ data_uses__optimierung: '0', data_uses__steuerung: '0', data_uses__keine: '1' }).data_use_count,
    '0',
  );
  assert.equal(derive({ data_uses__keine: '' }).data_use_count, null);
  assert.equal(derive({ data_uses__keine: undefined }).data_use_count, null);
});

test('chefsache: admin or community, missing if either is missing', () => {
  assert.deepEqual(pick(derive({ responsible_admin__cio: '0' }), 'chefsache_admin', 'chefsache'), ['false', 'false']);
  assert.deepEqual(pick(derive({ responsible_community__cdo: '1' }), 'chefsache_community', 'chefsache'), ['true', 'true']);
  assert.deepEqual(pick(derive({ responsible_community__niemand: '' }), 'chefsache_admin', 'chefsache_community', 'chefsache'), ['true', null, null]);
  assert.deepEqual(pick(derive({ responsible_admin__fachbereiche: '' }), 'chefsache_admin', 'chefsache'), [null, null]);
});

test('fiber_engaged and broadband_good', () => {
  assert.equal(derive({ fiber__foerdermittel_einwerben: 'geplant' }).fiber_engaged, 'false');
  assert.equal(derive({ fiber__eigener_ausbau: '' }).fiber_engaged, null);
  assert.equal(derive({ broadband_grade: '1' }).broadband_good, 'true');
  assert.equal(derive({ broadband_grade: '3' }).broadband_good, 'false');
  assert.equal(derive({ broadband_grade: '' }).broadband_good, null);
});

test('fast enough for 1e6 rows (100,000 responses well under 5 s)', () => {
  const start = performance.now();
  for (let i = 0; i < 100_000; i += 1) deriveVariables(exampleResponse2019);
  assert.ok(performance.now() - start < 5000);
});

function pick(values: Readonly<Record<string, string | null>>, ...ids: string[]): (string | null | undefined)[] {
  return ids.map((id) => values[id]);
}

test('deriveDeclared: only the derivations a version keeps; without its inputs a kept one is null, never guessed', () => {
  const kept = instrument2019.derived.filter((d) => ['vg_egov', 'egov_count', 'chefsache'].includes(d.id));
  const version: Instrument = { ...instrument2019, version: 'test', derived: kept };
  assert.deepEqual(deriveDeclared(version, exampleResponse2019), { egov_count: '4', vg_egov: 'true', chefsache: 'true' });
  assert.deepEqual(deriveDeclared(version, { ...exampleResponse2019, components__eid: '' }), { egov_count: null, vg_egov: null, chefsache: 'true' });
  assert.deepEqual(deriveDeclared(instrument2019, exampleResponse2019), deriveVariables(exampleResponse2019));
});
