import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INSTRUMENT_VERSIONS, instrumentByVersion } from './instrument-by-version.js';
import { instrument2019 } from './waves/instrument-2019.js';

test('instrumentByVersion knows 2019 and nothing else', () => {
  assert.deepEqual(INSTRUMENT_VERSIONS, ['2019']);
  assert.equal(instrumentByVersion('2019'), instrument2019);
  assert.equal(instrumentByVersion('2020'), undefined);
  assert.equal(instrumentByVersion('constructor'), undefined);
  assert.equal(instrumentByVersion('__proto__'), undefined);
});
