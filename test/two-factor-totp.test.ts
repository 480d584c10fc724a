// The TOTP core (RFC 6238 via otpauth): the RFC's SHA-1 test vectors at 6 digits, the ±1 step window,
// the otpauth:// URI and its QR code, recovery codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode } from 'uqr';
import { qrCodeSvg } from '../src/tasks/two-factor-qr.js';
import { generateRecoveryCode, normalizeRecoveryCode, timeStep, totpCode, totpSetup, totpStep } from '../src/tasks/two-factor.js';

// RFC 6238 appendix B: the ASCII key "12345678901234567890", base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('RFC 6238 SHA-1 test vectors (the 6-digit codes are the last 6 of the 8-digit ones)', () => {
  for (const [seconds, eight] of RFC_VECTORS) {
    const time = new Date(seconds * 1000);
    assert.equal(totpCode(RFC_SECRET, time), eight.slice(2), `T = ${seconds}`);
    assert.equal(totpStep(RFC_SECRET, eight.slice(2), time), Math.floor(seconds / 30));
  }
});

test('a code is valid one step before and after its own, not two; only six digits count', () => {
  const at = new Date(1_111_111_111_000);
  const code = totpCode(RFC_SECRET, at);
  const step = timeStep(at);
  assert.equal(totpStep(RFC_SECRET, code, new Date(at.getTime() + 30_000)), step, 'clock 30 s ahead');
  assert.equal(totpStep(RFC_SECRET, code, new Date(at.getTime() - 30_000)), step, 'clock 30 s behind');
  assert.equal(totpStep(RFC_SECRET, code, new Date(at.getTime() + 60_000)), null, 'expired');
  assert.equal(totpStep(RFC_SECRET, code, new Date(at.getTime() - 60_000)), null, 'not yet valid');
  for (const bad of ['', '05047', '0504711', '05047a', ' 050471', '０５０４７１']) assert.equal(totpStep(RFC_SECRET, bad, at), null, bad);
});

test('setup: otpauth:// URI with issuer and account; QR code as an accessible inline SVG without script', () => {
  const setup = totpSetup(RFC_SECRET, 'bea@example.de');
  assert.equal(setup.uri, `otpauth://totp/Kommunaler%20Digitalmonitor:bea%40example.de?issuer=Kommunaler%20Digitalmonitor&secret=${RFC_SECRET}&algorithm=SHA1&digits=6&period=30`);
  assert.match(setup.qrSvg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="QR-Code zum Einrichten der Authenticator-App" width="(\d+)" height="\1" viewBox="0 0 (\d+) \2"/);
  assert.doesNotMatch(setup.qrSvg, /<script|on\w+=/);
  assert.ok(setup.qrSvg.length < 12_000, `${setup.qrSvg.length} characters`);
});

test('recovery codes: 16 Crockford symbols (80 bits) in groups; typed forms normalise, others are null', () => {
  const codes = Array.from({ length: 200 }, generateRecoveryCode);
  assert.equal(new Set(codes).size, 200);
  for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.equal(normalizeRecoveryCode('7kq2-m9xd 4hbe-owtr'), '7KQ2M9XD4HBE0WTR');
  assert.equal(normalizeRecoveryCode('ilIL-0000-0000-0000'), '1111000000000000');
  for (const bad of ['', '7KQ2-M9XD-4HBE', '7KQ2-M9XD-4HBE-0WTRX', 'UUUU-0000-0000-0000', '123456', 'x'.repeat(100)]) assert.equal(normalizeRecoveryCode(bad), null, bad);
});

test('the QR code SVG draws exactly the dark modules of the encoded matrix (4 modules quiet zone)', () => {
  const text = totpSetup(RFC_SECRET, 'bea@example.de').uri;
  const svg = qrCodeSvg(text, 'QR');
  const { size, data } = encode(text, { border: 4, ecc: 'M' });
  const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) for (let i = 0; i < Number(w); i++) drawn[Number(y)]![Number(x) + i] = true;
  assert.deepEqual(drawn, data);
  assert.ok(data[3]!.every((dark) => !dark) && data[4]!.slice(4, 11).every(Boolean), 'quiet zone, then a finder pattern');
});
