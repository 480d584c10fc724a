import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Instrument, Question } from './model.js';
import { isItemAsked, isQuestionAsked, routeResponse } from './routing.js';
import { instrument2019 } from './waves/instrument-2019.js';

const instrument: Instrument = instrument2019;
const question = (id: string): Question => {
  const found = instrument.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  assert.ok(found, id);
  return found;
};

test('strategy questions are asked only for vorhanden / in_entwicklung', () => {
  const fields = question('strategy_fields');
  assert.equal(isQuestionAsked(instrument, fields, { strategy_status: 'vorhanden' }), true);
  assert.equal(isQuestionAsked(instrument, fields, { strategy_status: 'in_entwicklung' }), true);
  assert.equal(isQuestionAsked(instrument, fields, { strategy_status: 'geplant' }), false);
  assert.equal(isQuestionAsked(instrument, fields, { strategy_status: '' }), false);
  assert.equal(isQuestionAsked(instrument, fields, {}), false);
  assert.equal(isQuestionAsked(instrument, question('strategy_status'), {}), true);
});

test('operator items are asked per component in use', () => {
  const operator = question('operator');
  const flat = { components__epayment: 'im_einsatz', components__eid: 'geplant' };
  assert.equal(isItemAsked(instrument, operator, 'epayment', flat), true);
  assert.equal(isItemAsked(instrument, operator, 'eid', flat), false);
  assert.equal(isItemAsked(instrument, operator, 'app', flat), false);
  assert.equal(isItemAsked(instrument, question('components'), 'app', flat), true);
});

test('routeResponse covers every flat variable', () => {
  const routing = routeResponse(instrument, { components__dms: 'im_einsatz', fim_known: 'nein', peer_exchange: 'ja' });
  assert.equal(routing.size, 161);
  assert.equal(routing.get('respondent_role'), 'asked');
  assert.equal(routing.get('strategy_fields__verwaltung'), 'not_asked');
  assert.equal(routing.get('strategy_ozg'), 'not_asked');
  assert.equal(routing.get('operator__dms__land'), 'asked');
  assert.equal(routing.get('operator__app__land'), 'not_asked');
  assert.equal(routing.get('fim_helpfulness__leistungen'), 'not_asked');
  assert.equal(routing.get('contact_email'), 'asked');
  assert.equal(routing.get('comments'), 'asked');
});

test('a condition on a question that is itself not asked does not hold (chained show-if)', () => {
  const chained: Instrument = {
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
          { id: 'a', type: 'single', label: 'A', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
          { id: 'b', type: 'single', label: 'B', showIf: { variable: 'a', in: ['x'] }, options: [{ id: 'x', label: 'X' }] },
          { id: 'c', type: 'text', label: 'C', maxLength: 10, showIf: { variable: 'b', in: ['x'] } },
        ],
      },
    ],
  };
  assert.equal(routeResponse(chained, { a: 'x', b: 'x' }).get('c'), 'asked');
  assert.equal(routeResponse(chained, { a: 'y', b: 'x' }).get('c'), 'not_asked');
});
