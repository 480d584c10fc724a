import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlatResponse, Instrument } from './model.js';
import type { Issue } from './issues.js';
import { checkResponse, dropNotAsked } from './check-response.js';
import { exampleResponse2019 } from './waves/example-response-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';

const check = (changes: Record<string, string | undefined>): Issue[] =>
  checkResponse(instrument2019, { ...exampleResponse2019, ...changes });

test('the example response and an empty response have no issues', () => {
  assert.deepEqual(checkResponse(instrument2019, exampleResponse2019), []);
  assert.deepEqual(checkResponse(instrument2019, {}), []);
  assert.deepEqual(check({ strategy_fields__verwaltung: '', comments: undefined }), []);
});

test('unknown_variable', () => {
  assert.deepEqual(check({ strategy_colour: 'blau' }), [
    { code: 'unknown_variable', path: [], params: { variable: 'strategy_colour' } },
  ]);
});

test('unknown_option for single and grid-single', () => {
  assert.deepEqual(check({ strategy_status: 'xyz' }).at(0), {
    code: 'unknown_option',
    path: ['strategy_status'],
    params: { question: 'strategy_status', variable: 'strategy_status', value: 'xyz' },
  });
  assert.deepEqual(check({ components__eid: 'vielleicht' }), [
    {
      code: 'unknown_option',
      path: ['components', 'eid'],
      params: { question: 'components', item: 'eid', variable: 'components__eid', value: 'vielleicht' },
    },
  ]);
  assert.equal(check({ broadband_grade: '7' })[0]?.code, 'unknown_option');
});

test('invalid_flag', () => {
  assert.deepEqual(check({ data_uses__keine: 'ja' }), [
    { code: 'invalid_flag', path: ['data_uses'], params: { question: 'data_uses', variable: 'data_uses__keine', value: 'ja' } },
  ]);
  assert.equal(check({ operator__dms__land: '2' })[0]?.code, 'invalid_flag');
});

test('exclusive_with_others, also per grid-multi item', () => {
  assert.deepEqual(check({ data_uses__keine: '1' }), [
    {
      code: 'exclusive_with_others',
      path: ['data_uses'],
      params: { question: 'data_uses', variable: 'data_uses__keine', option: 'keine', others: 'optimierung, steuerung' },
    },
  ]);
  assert.deepEqual(check({ community_support__startups__finanziell: '1' }), [
    {
      code: 'exclusive_with_others',
      path: ['community_support', 'startups'],
      params: {
        question: 'community_support',
        item: 'startups',
        variable: 'community_support__startups__keine',
        option: 'keine',
        others: 'finanziell',
      },
    },
  ]);
});

test('too_many_options names the first option beyond the maximum', () => {
  assert.deepEqual(check({ strategy_fields__partizipation: '1' }), [
    {
      code: 'too_many_options',
      path: ['strategy_fields'],
      params: { question: 'strategy_fields', variable: 'strategy_fields__partizipation', max: 3, count: 4 },
    },
  ]);
  assert.deepEqual(check({ strategy_goals__sonstiges: '1' }), []);
});

test('not_asked_but_answered for questions and grid items', () => {
  assert.deepEqual(check({ strategy_status: 'kein_thema' }).map((i) => [i.code, i.path, i.params?.variable]), [
    ['not_asked_but_answered', ['strategy_fields'], 'strategy_fields__verwaltung'],
    ['not_asked_but_answered', ['strategy_goals'], 'strategy_goals__effizienz'],
    ['not_asked_but_answered', ['strategy_links'], 'strategy_links__it_strategie'],
    ['not_asked_but_answered', ['strategy_ozg'], 'strategy_ozg'],
  ]);
  assert.deepEqual(check({ operator__app__land: '1' }), [
    {
      code: 'not_asked_but_answered',
      path: ['operator', 'app'],
      params: { question: 'operator', item: 'app', variable: 'operator__app__land', value: '1' },
    },
  ]);
  assert.equal(check({ peer_exchange: 'nein' })[0]?.code, 'not_asked_but_answered');
  // A faulty routing answer is the one issue: its dependants are not also reported as "not asked".
  assert.deepEqual(check({ strategy_status: 'vielleicht' }).map((i) => [i.code, i.params?.variable]), [['unknown_option', 'strategy_status']]);
  assert.deepEqual(check({ components__formularserver: 'bald' }).map((i) => [i.code, i.params?.variable]), [['unknown_option', 'components__formularserver']]);
  // a grid reports per item, since routing may differ per item
  assert.deepEqual(check({ fim_known: '' }).map((i) => i.path), [
    ['fim_helpfulness', 'leistungen'],
    ['fim_helpfulness', 'datenfelder'],
    ['fim_helpfulness', 'prozesse'],
  ]);
  assert.deepEqual(check({ peer_exchange: 'nein', contact_email: '' }), []);
});

test('invalid_email', () => {
  for (const bad of ['digital', 'a@b', 'a@@b.de', '.a@b.de', 'a..b@c.de', 'a b@c.de', `${'a'.repeat(250)}@b.de`]) {
    assert.deepEqual(check({ contact_email: bad }), [
      { code: 'invalid_email', path: ['contact_email'], params: { question: 'contact_email', variable: 'contact_email', value: bad } },
    ], bad);
  }
  for (const good of ['it-leitung@stadt-musterstadt.de', 'vorname.nachname+digital@kreis.example', 'info@müllheim.de']) {
    assert.deepEqual(check({ contact_email: good }), [], good);
  }
});

test('text_too_long counts code points', () => {
  assert.deepEqual(check({ comments: '😀'.repeat(2000) }), []);
  assert.deepEqual(check({ comments: 'ä'.repeat(2001) }), [
    { code: 'text_too_long', path: ['comments'], params: { question: 'comments', variable: 'comments', max: 2000, length: 2001 } },
  ]);
});

test('control_character: a text with U+0000 or another C0 control is refused, tab and line breaks are text', () => {
  assert.deepEqual(check({ comments: 'Zeile 1\r\nZeile 2\tEnde' }), []);
  assert.deepEqual(check({ comments: 'a\u0000b' }), [
    { code: 'control_character', path: ['comments'], params: { question: 'comments', variable: 'comments', character: 'U+0000' } },
  ]);
});

const withNumber: Instrument = {
  id: 't',
  version: 't',
  title: 't',
  registerFields: [],
  derived: [],
  sections: [
    {
      id: 's',
      title: 's',
      questions: [
        { id: 'staff', type: 'number', label: 'Beschäftigte', min: 0, max: 1000, integer: true },
        { id: 'share', type: 'number', label: 'Anteil', min: -1, max: 1, integer: false },
      ],
    },
  ],
};

test('not_a_number and number_out_of_range', () => {
  const codes = (flat: FlatResponse) => checkResponse(withNumber, flat).map((i) => i.code);
  assert.deepEqual(codes({ staff: '12', share: '-0.5' }), []);
  assert.deepEqual(codes({ staff: '12.5' }), ['not_a_number']);
  assert.deepEqual(codes({ share: 'viel' }), ['not_a_number']);
  assert.deepEqual(codes({ staff: '1001' }), ['number_out_of_range']);
  assert.deepEqual(checkResponse(withNumber, { share: '-2' })[0]?.params, {
    question: 'share',
    variable: 'share',
    value: '-2',
    min: -1,
    max: 1,
  });
});

test('dropNotAsked removes stale answers of questions and grid items not asked', () => {
  const changed = { ...exampleResponse2019, strategy_status: 'geplant', components__epayment: 'nein', peer_exchange: 'nein' };
  const kept = dropNotAsked(instrument2019, changed);
  assert.equal(kept['strategy_status'], 'geplant');
  assert.equal(kept['strategy_fields__verwaltung'], undefined);
  assert.equal('strategy_ozg' in kept, false);
  assert.equal('operator__epayment__privater_dienstleister' in kept, false);
  assert.equal(kept['operator__formularserver__eigene_it'], '1');
  assert.equal('contact_email' in kept, false);
  assert.equal(kept['comments'], exampleResponse2019['comments']);
  assert.deepEqual(checkResponse(instrument2019, kept), []);
});
