import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFormBody } from './form-body.js';
import { tokenBucket } from './rate-limit.js';

const post = (body: string | Uint8Array, type = 'application/x-www-form-urlencoded; charset=UTF-8') =>
  new Request('http://localhost/', { method: 'POST', body: body as BodyInit, headers: { 'Content-Type': type } });

test('form bodies: repeated names, + and percent-encoded UTF-8', async () => {
  const fields = await parseFormBody(post('a=1&a=2&b=Gr%C3%BC%C3%9Fe+%E2%80%9Ex%E2%80%9C&c=&d&e=%F0%9F%98%80'));
  assert.deepEqual([...fields], [['a', ['1', '2']], ['b', ['Grüße „x“']], ['c', ['']], ['d', ['']], ['e', ['😀']]]);
  assert.deepEqual([...(await parseFormBody(post('')))], []);
});

test('form bodies: broken UTF-8, bad escapes, control characters and other types are DM_BAD_REQUEST', async () => {
  for (const body of ['a=%FF', 'a=%C3', 'a=%ED%A0%80', 'a=%4', 'a=%00', 'a=%1B', Uint8Array.from([0x61, 0x3d, 0xfe])]) {
    await assert.rejects(parseFormBody(post(body)), { code: 'DM_BAD_REQUEST', status: 400 }, String(body));
  }
  await assert.rejects(parseFormBody(post('{"a":1}', 'application/json')), { code: 'DM_BAD_REQUEST' });
  await assert.rejects(parseFormBody(post('a=1&'.repeat(1001))), { code: 'DM_BAD_REQUEST', message: /1000 Felder/ });
  assert.deepEqual([...(await parseFormBody(post('a=Zeile%0D%0A2%09x')))], [['a', ['Zeile\r\n2\tx']]]);
});

test('token bucket: a burst, then one per interval, per key', () => {
  let now = 0;
  const limit = tokenBucket(2, 1000, () => now);
  assert.equal(limit.take('a').ok, true);
  assert.equal(limit.take('a').ok, true);
  assert.deepEqual(limit.take('a'), { ok: false, retryAfterSeconds: 1 });
  assert.equal(limit.take('b').ok, true);
  now = 1000;
  assert.equal(limit.take('a').ok, true);
  assert.equal(limit.take('a').ok, false);
});
