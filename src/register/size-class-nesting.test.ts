import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sizeClassFor } from './size-class.js';
import { SIZE_CLASS_NESTING } from './size-class-nesting.js';
import { SIZE_CLASSES, UNIT_TYPES } from './unit.js';

test('size classes partition unit types: every (type, population) falls into its own nest, every class and type once', () => {
  for (const unitType of UNIT_TYPES) {
    for (const population of [0, 9_999, 10_000, 24_999, 50_000, 149_999, 150_000, 250_000, 400_000, 4_000_000]) {
      const nest = SIZE_CLASS_NESTING.find((candidate) => candidate.unitTypes.includes(unitType))!;
      assert.ok(nest.sizeClasses.includes(sizeClassFor(unitType, population)), `${unitType} ${population}`);
    }
  }
  assert.deepEqual(SIZE_CLASS_NESTING.flatMap((nest) => nest.sizeClasses).sort(), [...SIZE_CLASSES].sort());
  assert.deepEqual(SIZE_CLASS_NESTING.flatMap((nest) => nest.unitTypes).sort(), [...UNIT_TYPES].sort());
});
