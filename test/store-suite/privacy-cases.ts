// Conformance cases: retention of contact data, its deletion (answers and every revision), the record of one unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DmError } from '../../src/errors.js';
import { type OpenFixture, register, unit, withStore } from './store-fixture.js';

const wave = { id: 'w', title: 'Test', instrumentVersion: '2019' };
const contact = { peer_exchange: 'ja', contact_email: 'cdo@kreis.example', strategy_status: 'vorhanden' };

export function privacyCases(open: OpenFixture): void {
  test('privacy: retention defaults to 365 days; closing stamps the wave, reopening clears it', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      assert.deepEqual(await store.contactRetention(), [{ waveId: 'w', closedAt: null, retentionDays: 365, purgedAt: null }]);
      await store.setContactRetention('w', 30, 'admin@test');
      await store.setWaveStatus('w', 'open');
      await store.setWaveStatus('w', 'closed');
      const [closed] = await store.contactRetention();
      assert.equal(closed?.retentionDays, 30);
      assert.ok(closed?.closedAt && Date.parse(closed.closedAt) <= Date.now());
      await store.setWaveStatus('w', 'open');
      assert.equal((await store.contactRetention())[0]?.closedAt, null);
      await assert.rejects(store.setContactRetention('nope', 30, 'a'), (error: unknown) => error instanceof DmError && error.code === 'DM_WAVE_NOT_FOUND');
      await assert.rejects(store.setContactRetention('w', -1, 'a'));
      assert.equal((await store.auditLog()).find((entry) => entry.action !== 'wave.publish')?.action, 'privacy.retention');
    }));

  test('privacy: purging deletes the keys from answers and every revision — one unit, then the whole wave', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      await store.setWaveStatus('w', 'open');
      await store.saveResponses('w', [{ ags: '01001000', answers: contact }, { ags: '01002000', answers: contact }], { status: 'submitted', source: 'import', actor: 'a' });
      await store.writeResponse('w', '01001000', { baseRevision: 1, answers: contact, actor: 'respondent:01001000:x', details: {} });
      assert.equal(await store.purgeContacts('w', ['contact_email'], { actor: 'respondent:01001000:x', ags: '01001000' }), 1);
      const [one, two] = await store.responsesForWave('w');
      assert.deepEqual(one?.answers, { peer_exchange: 'ja', strategy_status: 'vorhanden' });
      assert.equal(two?.answers.contact_email, 'cdo@kreis.example');
      assert.equal(await store.revisionAnswers('w', '01001000', 2).then((answers) => answers?.contact_email), undefined);
      assert.equal((await store.contactRetention())[0]?.purgedAt, null, 'one unit does not mark the wave');
      assert.equal(await store.purgeContacts('w', ['contact_email'], { actor: 'system' }), 1);
      assert.ok((await store.responsesForWave('w')).every((response) => !('contact_email' in response.answers)));
      assert.ok((await store.contactRetention())[0]?.purgedAt);
      const [entry] = await store.auditLog(1);
      assert.deepEqual({ action: entry?.action, details: entry?.details }, { action: 'privacy.delete', details: { keys: ['contact_email'], responses: 1 } });
      assert.doesNotMatch(JSON.stringify(await store.auditLog()), /cdo@kreis/, 'the audit log never holds the values');
    }));

  test('privacy: purging also reaches a publication that holds the keys', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      await store.setWaveStatus('w', 'open');
      await store.saveResponses('w', [{ ags: '01001000', answers: contact }], { status: 'submitted', source: 'import', actor: 'a' });
      await store.setWaveStatus('w', 'closed', { omitKeys: [], actor: 'a' });
      assert.equal((await store.publishedResponses('w'))[0]?.answers.contact_email, 'cdo@kreis.example');
      await store.purgeContacts('w', ['contact_email'], { actor: 'system' });
      assert.deepEqual((await store.publishedResponses('w'))[0]?.answers, { peer_exchange: 'ja', strategy_status: 'vorhanden' });
    }));

  test('privacy: the record of one unit holds its register entry, responses, revisions, invitations and audit entries; the read is audited', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register([unit('01001000'), unit('01002000')]));
      await store.createWave(wave);
      await store.setWaveStatus('w', 'open');
      await store.issueInvitations('w', [{ ags: '01001000', codeSha256: 'b'.repeat(64) }], { actor: 'a', replaceActive: false });
      await store.writeResponse('w', '01001000', { baseRevision: 0, answers: contact, actor: 'respondent:01001000:x', details: {} });
      await store.saveResponses('w', [{ ags: '01002000', answers: { strategy_status: 'geplant' } }], { status: 'submitted', source: 'import', actor: 'a' });
      const record = await store.unitRecord('01001000', 'admin@test');
      assert.equal(record.unit?.ags, '01001000');
      assert.deepEqual(record.responses.map((r) => [r.waveId, r.answers.contact_email]), [['w', 'cdo@kreis.example']]);
      assert.deepEqual(record.revisions.map((r) => r.revision), [1]);
      assert.deepEqual(record.invitations.map((i) => [i.waveId, i.revokedAt, i.sessions]), [['w', null, 0]]);
      assert.doesNotMatch(JSON.stringify(record), /b{64}/, 'no code hash');
      assert.ok(record.audit.some((entry) => entry.subject === 'w/01001000'));
      assert.ok(record.audit.every((entry) => !entry.subject.endsWith('01002000')));
      const [read] = await store.auditLog(1);
      assert.deepEqual([read?.actor, read?.action, read?.subject], ['admin@test', 'privacy.read', 'unit/01001000']);
    }));
}
