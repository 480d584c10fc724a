import assert from 'node:assert/strict';
import { test } from 'node:test';
import { districtUnitType, municipalityUnitType } from './unit-type-for.js';

test('unit types from the register: known Destatis types map, city states are kreisfreie Städte', () => {
  assert.equal(municipalityUnitType('Stadt', 'NW'), 'kreisangehoerige_gemeinde');
  assert.equal(municipalityUnitType('Stadt', 'HB'), 'kreisfreie_stadt');
  assert.equal(municipalityUnitType('Kreisfreie Stadt', 'BY'), 'kreisfreie_stadt');
  assert.equal(districtUnitType('Landkreis'), 'landkreis');
  assert.equal(districtUnitType('Stadtkreis'), null);
});

test('unit types from the register: unknown types, including names of Object.prototype, are unknown', () => {
  for (const type of ['Amt', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    assert.equal(municipalityUnitType(type, 'NW'), undefined, type);
    assert.equal(municipalityUnitType(type, 'BE'), undefined, type);
    assert.equal(districtUnitType(type), undefined, type);
  }
});
