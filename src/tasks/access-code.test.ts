import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessCodeHash, generateAccessCode, generateSessionId, normalizeAccessCode } from './access-code.js';

test('access codes: 28 Crockford symbols in groups, forgiving when typed', () => {
  const codes = new Set(Array.from({ length: 1000 }, generateAccessCode));
  assert.equal(codes.size, 1000);
  for (const code of codes) assert.match(code, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  const code = [...codes][0]!;
  assert.equal(normalizeAccessCode(` ${code.toLowerCase()} `), code.replace(/-/g, ''));
  assert.equal(normalizeAccessCode('O1IL'.repeat(7)), '0111'.repeat(7));
  assert.equal(normalizeAccessCode('U'.repeat(28)), null);
  assert.equal(normalizeAccessCode('ABC'), null);
  assert.match(accessCodeHash('X'), /^[0-9a-f]{64}$/);
  assert.match(generateSessionId(), /^[A-Za-z0-9_-]{43}$/);
});
