import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepFreeze } from './deep-freeze.js';

test('deepFreeze freezes nested objects and arrays and returns the same reference', () => {
  const value = { a: [{ b: 1 }], c: { d: ['x'] } };
  const frozen = deepFreeze(value);
  assert.equal(frozen, value);
  assert.ok(Object.isFrozen(frozen));
  assert.ok(Object.isFrozen(frozen.a));
  assert.ok(Object.isFrozen(frozen.a[0]));
  assert.ok(Object.isFrozen(frozen.c.d));
  assert.throws(() => {
    (frozen.c.d as string[]).push('y');
  }, TypeError);
});

test('deepFreeze leaves primitives alone', () => {
  assert.equal(deepFreeze(3), 3);
  assert.equal(deepFreeze(null), null);
});
