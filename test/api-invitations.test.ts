// Invitations through the JSON API: issue codes for the target population or listed units (codes only in
// the reply, hashes in the store), list without codes, re-issue and revoke — with the CLI's errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accessCodeHash, normalizeAccessCode } from '../src/tasks/access-code.js';
import { type ApiFixture, apiFixture } from './api-fixture.js';

let f: ApiFixture;
before(async () => {
  f = await apiFixture();
  await f.store.createWave({ id: 'einladung', title: 'Einladungen per API', instrumentVersion: '2019', target: { stateCodes: ['NW'] } });
  await f.store.createWave({ id: 'ohneziel', title: 'Ohne Zielgruppe', instrumentVersion: '2019' });
});
after(() => f.close());

const invite = (body: unknown, wave = 'einladung', key?: string) =>
  f.call('POST', `/api/v1/waves/${wave}/invitations`, { body: JSON.stringify(body), type: 'application/json', ...(key ? { key } : {}) });
const storedFor = (code: string) => f.store.invitationByCode(accessCodeHash(normalizeAccessCode(code)!));

test('listed units: 201 with the code and link once; the store keeps only the hash; again → 409; outside the target → 422', async () => {
  const reply = await invite({ ags: ['05111000'] });
  assert.equal(reply.status, 201);
  assert.deepEqual([reply.json.issued, reply.json.revoked, reply.json.active, reply.json.letters.length], [1, 0, 1, 1]);
  const [letter] = reply.json.letters;
  assert.deepEqual([letter.ags, letter.name], ['05111000', 'Düsseldorf']);
  assert.equal(letter.link, `http://localhost/umfrage/${letter.code}`);
  assert.equal((await storedFor(letter.code))?.ags, '05111000');
  const [entry] = await f.store.auditLog(1);
  assert.equal(entry?.actor, 'user:ana@test.example');
  const twice = await invite({ ags: ['05111000'] });
  assert.deepEqual([twice.status, twice.json.code], [409, 'DM_INVITATION_EXISTS']);
  assert.match(twice.json.message, /AGS 05111000/);
  const outside = await invite({ ags: ['05113000', '01001000'] });
  assert.deepEqual([outside.status, outside.json.code, outside.json.message], [
    422,
    'DM_NOT_IN_TARGET',
    'AGS 01001000 gehört nicht zur Zielgruppe der Welle „einladung“; eingeladen werden nur Kommunen der Zielgruppe (wave target). Es wurde nichts gespeichert.',
  ]);
  assert.equal((await f.store.invitations('einladung')).length, 1, 'nobody else was invited');
});

test('{} invites the rest of the target population; a second {} issues nothing', async () => {
  const rest = await invite({}, 'einladung', f.adminKey);
  assert.equal(rest.status, 201);
  assert.deepEqual(rest.json.letters.map((letter: { ags: string }) => letter.ags).sort(), ['05113000', '05158000']);
  assert.equal(rest.json.active, 3);
  const none = await invite({});
  assert.deepEqual([none.status, none.json], [201, { issued: 0, revoked: 0, active: 3, letters: [] }]);
});

test('reissue: a listed unit gets a new code, the old one stops working; unknown invitations → 404', async () => {
  const old = (await f.store.invitations('einladung')).find((invitation) => invitation.ags === '05113000');
  const again = await invite({ ags: ['05113000'], reissue: true });
  assert.deepEqual([again.status, again.json.issued, again.json.revoked, again.json.active], [201, 1, 1, 3]);
  assert.equal((await storedFor(again.json.letters[0].code))?.ags, '05113000');
  assert.notEqual((await f.store.invitations('einladung')).find((invitation) => invitation.id === old?.id)?.revokedAt, null);
  const missing = await invite({ ags: ['01001000'], reissue: true });
  assert.deepEqual([missing.status, missing.json.code], [404, 'DM_INVITATION_NOT_FOUND']);
});

test('list: every invitation with status, no codes, paginated', async () => {
  const all = await f.call('GET', '/api/v1/waves/einladung/invitations');
  assert.equal(all.status, 200);
  assert.deepEqual(all.json.page, { limit: 100, offset: 0, total: 4 });
  assert.deepEqual(
    all.json.items.map((item: { ags: string; status: string; name: string }) => [item.ags, item.status, item.name]),
    [['05111000', 'active', 'Düsseldorf'], ['05113000', 'revoked', 'Essen'], ['05113000', 'active', 'Essen'], ['05158000', 'active', 'Kreis Mettmann']],
  );
  assert.doesNotMatch(all.text, /code|umfrage\//i);
  const page = await f.call('GET', '/api/v1/waves/einladung/invitations?limit=1&offset=3');
  assert.deepEqual([page.json.items.length, page.json.items[0].ags, page.json.page.total], [1, '05158000', 4]);
  const unknown = await f.call('GET', '/api/v1/waves/gibtsnicht/invitations');
  assert.deepEqual([unknown.status, unknown.json.code], [404, 'DM_WAVE_NOT_FOUND']);
});

test('revoke: all or nothing; a unit without an active invitation → 404 and nothing revoked', async () => {
  const bad = await f.call('POST', '/api/v1/waves/einladung/invitations/revoke', { body: JSON.stringify({ ags: ['05158000', '01001000'] }), type: 'application/json' });
  assert.deepEqual([bad.status, bad.json.code], [404, 'DM_INVITATION_NOT_FOUND']);
  const active = async () => (await f.store.invitations('einladung')).filter((invitation) => invitation.revokedAt === null).length;
  assert.equal(await active(), 3);
  const revoked = await f.call('POST', '/api/v1/waves/einladung/invitations/revoke', { body: JSON.stringify({ ags: ['05158000'] }), type: 'application/json' });
  assert.deepEqual([revoked.status, revoked.json], [200, { revoked: 1 }]);
  assert.equal(await active(), 2);
});

test('errors: a wave without target population → 409, malformed AGS and unknown fields → 422, wrong content type → 415', async () => {
  const noTarget = await invite({}, 'ohneziel');
  assert.deepEqual([noTarget.status, noTarget.json.code], [409, 'DM_TARGET_MISSING']);
  const malformed = await invite({ ags: ['5111000'], farbe: 'blau' });
  assert.deepEqual([malformed.status, malformed.json.code], [422, 'DM_REQUEST_INVALID']);
  assert.deepEqual(malformed.json.issues.map((issue: { path: unknown }) => issue.path), [['body', 'ags', 0], ['body', 'farbe']]);
  const empty = await f.call('POST', '/api/v1/waves/einladung/invitations/revoke', { body: JSON.stringify({ ags: [] }), type: 'application/json' });
  assert.deepEqual([empty.status, empty.json.issues[0].path], [422, ['body', 'ags']]);
  const form = await f.call('POST', '/api/v1/waves/einladung/invitations', { body: 'ags=05111000', type: 'application/x-www-form-urlencoded' });
  assert.equal(form.status, 415);
});
