import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionFilters } from './question-filters.js';
import { instrument2019 } from './waves/instrument-2019.js';

test('every filtered variable of 2019 with its show-if: question conditions, per-item conditions, options', () => {
  const filters = questionFilters(instrument2019);
  assert.deepEqual(filters.get('fim_helpfulness__leistungen'), [{ variable: 'fim_known', in: ['ja'] }]);
  assert.deepEqual(filters.get('operator__epayment__land'), [{ variable: 'components__epayment', in: ['im_einsatz'] }]);
  assert.deepEqual(filters.get('contact_email'), [{ variable: 'peer_exchange', in: ['ja'] }]);
  assert.ok([...filters.keys()].some((name) => filters.get(name)![0]!.variable === 'strategy_status'));
  // Unfiltered questions have none; no variable filters itself.
  assert.equal(filters.get('fim_known'), undefined);
  assert.equal(filters.get('strategy_status'), undefined);
  for (const [name, conditions] of filters) assert.ok(conditions.every((condition) => condition.variable !== name), name);
});
