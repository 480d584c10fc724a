// Conformance cases: the online survey (migration 002) — target population, invitations, respondent
// sessions, conditional response writes with revisions, receipts and the invitation monitor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '../../src/store/store.js';
import { ISO_TIMESTAMP, type OpenFixture, register, unit, withStore } from './store-fixture.js';

const nw = { stateCode: 'NW', state: 'Nordrhein-Westfalen' } as const;
const units = [
  unit('01001001', { sizeClass: 'gk7' }),
  unit('01001002', { sizeClass: 'gk6' }),
  unit('05111000', { ...nw, unitType: 'kreisfreie_stadt', sizeClass: 'gk2' }),
  unit('05111001', { ...nw, sizeClass: 'gk5' }),
  unit('05158000', { ...nw, unitType: 'landkreis', sizeClass: 'lk1' }),
];
const hash = (n: number) => n.toString(16).padStart(64, '0');
const wave = { id: 'w', title: 'Test', instrumentVersion: '2019' };
const actor = 'respondent:01001001';

async function openWave(store: Store, extra: Record<string, unknown> = {}): Promise<void> {
  await store.createWave({ ...wave, ...extra });
  await store.setWaveStatus('w', 'open');
}

export function surveyCases(open: OpenFixture): void {
  test('survey: target population narrows by every given list; synthetic units only in demo waves', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register(units));
      await store.replaceSyntheticUnits([unit('01999001', { synthetic: true })]);
      await store.createWave(wave);
      assert.equal((await store.getWave('w'))?.target, null);
      assert.deepEqual(await store.targetUnits('w'), []);
      const ags = async () => (await store.targetUnits('w')).map((u) => u.ags);
      await store.setWaveTarget('w', {}, 'analyst');
      assert.deepEqual(await ags(), units.map((u) => u.ags));
      await store.setWaveTarget('w', { stateCodes: ['NW'] }, 'analyst');
      assert.deepEqual(await ags(), ['05111000', '05111001', '05158000']);
      const target = { stateCodes: ['NW'], unitTypes: ['kreisangehoerige_gemeinde', 'landkreis'] } as const;
      const updated = await store.setWaveTarget('w', target, 'analyst');
      assert.deepEqual(updated.target, target);
      assert.deepEqual(await ags(), ['05111001', '05158000']);
      await store.setWaveTarget('w', { sizeClasses: ['gk6', 'gk7'], ags: ['01001002', '05111001'] }, 'analyst');
      assert.deepEqual(await ags(), ['01001002']);
      const [entry] = await store.auditLog(1);
      assert.equal(entry?.action, 'wave.target');
      await store.createWave({ id: 'demo', title: 'Demo', instrumentVersion: '2019', demo: true, target: { stateCodes: ['SH'] } });
      assert.deepEqual((await store.targetUnits('demo')).map((u) => u.ags), ['01001001', '01001002', '01999001']);
      await assert.rejects(store.setWaveTarget('nope', {}, 'a'), { code: 'DM_WAVE_NOT_FOUND' });
      await assert.rejects(store.targetUnits('nope'), { code: 'DM_WAVE_NOT_FOUND' });
    }));

  test('survey: invitations are issued all or nothing, one active per unit; re-issue revokes the old one', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      const first = [{ ags: '01001001', codeSha256: hash(1) }, { ags: '01001002', codeSha256: hash(2) }];
      assert.deepEqual(await store.issueInvitations('w', first, { actor: 'a', replaceActive: false }), { issued: 2, revoked: 0 });
      const again = [{ ags: '05111000', codeSha256: hash(3) }, { ags: '01001002', codeSha256: hash(4) }];
      await assert.rejects(store.issueInvitations('w', again, { actor: 'a', replaceActive: false }), {
        code: 'DM_INVITATION_EXISTS',
        message: /01001002/,
      });
      assert.equal((await store.invitations('w')).length, 2);
      const found = await store.invitationByCode(hash(2));
      assert.deepEqual({ ...found, id: 0, issuedAt: '' }, { id: 0, waveId: 'w', ags: '01001002', issuedAt: '', revokedAt: null });
      assert.match(found!.issuedAt, ISO_TIMESTAMP);
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      await store.createRespondentSession({ idSha256: hash(100), invitationId: found!.id, expiresAt });
      assert.equal((await store.respondentSession(hash(100)))?.ags, '01001002');
      assert.deepEqual(await store.issueInvitations('w', [{ ags: '01001002', codeSha256: hash(5) }], { actor: 'a', replaceActive: true }), {
        issued: 1,
        revoked: 1,
      });
      assert.match((await store.invitationByCode(hash(2)))?.revokedAt ?? '', ISO_TIMESTAMP);
      assert.equal(await store.respondentSession(hash(100)), null, 're-issue ends the old sessions');
      assert.deepEqual((await store.invitations('w')).map((i) => [i.ags, i.revokedAt === null]), [
        ['01001001', true],
        ['01001002', false],
        ['01001002', true],
      ]);
      assert.equal(await store.revokeInvitations('w', ['01001001', '09999999'], 'a'), 1);
      assert.equal(await store.revokeInvitations('w', ['01001001'], 'a'), 0);
      assert.equal((await store.auditLog(1))[0]?.action, 'invitations.revoke');
      await assert.rejects(store.issueInvitations('nope', first, { actor: 'a', replaceActive: false }), { code: 'DM_WAVE_NOT_FOUND' });
      assert.equal(await store.invitationByCode(hash(99)), null);
    }));

  test('survey: sessions expire, end with their invitation and can be deleted', () =>
    withStore(open, async ({ store }) => {
      await store.createWave(wave);
      await store.issueInvitations('w', [{ ags: '01001001', codeSha256: hash(1) }], { actor: 'a', replaceActive: false });
      const invitationId = (await store.invitationByCode(hash(1)))!.id;
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await store.createRespondentSession({ idSha256: hash(10), invitationId, expiresAt: later });
      await store.createRespondentSession({ idSha256: hash(11), invitationId, expiresAt: new Date(Date.now() - 1000).toISOString() });
      const session = await store.respondentSession(hash(10));
      assert.deepEqual({ ...session, expiresAt: '' }, { invitationId, waveId: 'w', ags: '01001001', expiresAt: '' });
      assert.equal(session?.expiresAt, later);
      assert.equal(await store.respondentSession(hash(11)), null);
      await store.deleteRespondentSession(hash(10));
      assert.equal(await store.respondentSession(hash(10)), null);
    }));

  test('survey: writes are conditional on the revision; a stale one writes nothing and returns both sides', () =>
    withStore(open, async ({ store }) => {
      await openWave(store);
      const first = await store.writeResponse('w', '01001001', { baseRevision: 0, answers: { strategy_status: 'geplant' }, actor });
      assert.equal(first.kind, 'saved');
      assert.equal(first.kind === 'saved' && first.response.revision, 1);
      assert.equal(first.kind === 'saved' && first.response.status, 'draft');
      assert.equal(first.kind === 'saved' && first.response.source, 'web');
      const second = await store.writeResponse('w', '01001001', {
        baseRevision: 1,
        answers: { strategy_status: 'vorhanden' },
        actor,
        details: { changed: ['strategy_status'] },
      });
      assert.equal(second.kind === 'saved' && second.response.revision, 2);
      const auditBefore = (await store.auditLog()).length;
      const stale = await store.writeResponse('w', '01001001', { baseRevision: 1, answers: { strategy_status: 'kein_thema' }, actor });
      assert.equal(stale.kind, 'conflict');
      assert.deepEqual(stale.kind === 'conflict' && stale.base, { strategy_status: 'geplant' });
      assert.equal(stale.kind === 'conflict' && stale.current?.revision, 2);
      assert.deepEqual(stale.kind === 'conflict' && stale.current?.answers, { strategy_status: 'vorhanden' });
      const fresh = await store.writeResponse('w', '01001001', { baseRevision: 0, answers: {}, actor });
      assert.equal(fresh.kind, 'conflict', 'a second first save is a conflict too');
      assert.equal((await store.auditLog()).length, auditBefore, 'a conflict writes nothing');
      assert.equal((await store.responseFor('w', '01001001'))?.revision, 2);
      const [entry] = await store.auditLog(1);
      assert.deepEqual(
        { actor: entry?.actor, action: entry?.action, subject: entry?.subject, details: entry?.details },
        { actor, action: 'response.save', subject: 'w/01001001', details: { changed: ['strategy_status'], revision: 2, status: 'draft' } },
      );
      assert.equal(await store.responseFor('w', '09999999'), null);
      assert.deepEqual(await store.revisionAnswers('w', '01001001', 1), { strategy_status: 'geplant' });
      assert.equal(await store.revisionAnswers('w', '01001001', 3), null);
    }));

  test('survey: submission sets status and receipt; later saves keep them; imports do not have a base', () =>
    withStore(open, async ({ store }) => {
      await openWave(store);
      await store.writeResponse('w', '01001001', { baseRevision: 0, answers: { fim_known: 'ja' }, actor });
      const submitted = await store.writeResponse('w', '01001001', { baseRevision: 1, answers: { fim_known: 'ja' }, submitSha256: hash(7), actor });
      assert.equal(submitted.kind, 'saved');
      const response = submitted.kind === 'saved' ? submitted.response : assert.fail();
      assert.equal(response.status, 'submitted');
      assert.equal(response.receipt?.sha256, hash(7));
      assert.match(response.receipt?.at ?? '', ISO_TIMESTAMP);
      assert.match(response.submittedAt ?? '', ISO_TIMESTAMP);
      assert.equal((await store.auditLog(1))[0]?.action, 'response.submit');
      const edited = await store.writeResponse('w', '01001001', { baseRevision: 2, answers: { fim_known: 'nein' }, actor });
      assert.equal(edited.kind === 'saved' && edited.response.status, 'submitted');
      assert.deepEqual(edited.kind === 'saved' && edited.response.receipt, response.receipt);
      await store.saveResponses('w', [{ ags: '01001001', answers: { fim_known: 'ja' } }], { status: 'submitted', source: 'import', actor: 'a' });
      assert.equal((await store.writeResponse('w', '01001001', { baseRevision: 4, answers: {}, actor })).kind, 'saved');
      const stale = await store.writeResponse('w', '01001001', { baseRevision: 4, answers: {}, actor });
      assert.equal(stale.kind === 'conflict' && stale.base, null, 'revision 4 came from an import: no recorded base');
      assert.equal((await store.responsesForWave('w'))[0]?.receipt?.sha256, hash(7));
    }));

  test('survey: nothing is written unless the wave is open and within its period', () =>
    withStore(open, async ({ store }) => {
      const write = { baseRevision: 0, answers: { fim_known: 'ja' }, actor };
      await store.createWave(wave);
      await assert.rejects(store.writeResponse('w', '01001001', write), { code: 'DM_SURVEY_CLOSED', status: 409 });
      await store.setWaveStatus('w', 'open');
      await store.setWaveStatus('w', 'closed');
      await assert.rejects(store.writeResponse('w', '01001001', write), { code: 'DM_SURVEY_CLOSED' });
      const past = { opensAt: '2019-01-01T00:00:00Z', closesAt: '2019-02-01T00:00:00Z' };
      await store.createWave({ ...wave, id: 'past', ...past });
      await store.setWaveStatus('past', 'open');
      await assert.rejects(store.writeResponse('past', '01001001', write), { code: 'DM_SURVEY_CLOSED' });
      await store.createWave({ ...wave, id: 'future', opensAt: '2999-01-01T00:00:00Z' });
      await store.setWaveStatus('future', 'open');
      await assert.rejects(store.writeResponse('future', '01001001', write), { code: 'DM_SURVEY_CLOSED' });
      await assert.rejects(store.writeResponse('nope', '01001001', write), { code: 'DM_WAVE_NOT_FOUND' });
      assert.equal((await store.auditLog()).filter((e) => e.action.startsWith('response.')).length, 0);
      for (const id of ['w', 'past', 'future']) assert.deepEqual(await store.responsesForWave(id), []);
    }));

  test('survey: the invitation monitor lists each active invitation with its status and last activity', () =>
    withStore(open, async ({ store }) => {
      await store.replaceRegister(register(units));
      await openWave(store);
      const invitations = ['01001001', '01001002', '05111000', '09999999'].map((ags, i) => ({ ags, codeSha256: hash(i + 1) }));
      await store.issueInvitations('w', invitations, { actor: 'a', replaceActive: false });
      await store.revokeInvitations('w', ['05111000'], 'a');
      await store.writeResponse('w', '01001001', { baseRevision: 0, answers: {}, actor });
      await store.writeResponse('w', '01001002', { baseRevision: 0, answers: {}, submitSha256: hash(9), actor });
      const rows = await store.invitedUnits('w');
      assert.deepEqual(
        rows.map(({ ags, name, stateCode, sizeClass, status }) => ({ ags, name, stateCode, sizeClass, status })),
        [
          { ags: '01001001', name: 'Gemeinde 01001001', stateCode: 'SH', sizeClass: 'gk7', status: 'in_progress' },
          { ags: '01001002', name: 'Gemeinde 01001002', stateCode: 'SH', sizeClass: 'gk6', status: 'submitted' },
          { ags: '09999999', name: null, stateCode: null, sizeClass: null, status: 'not_started' },
        ],
      );
      assert.match(rows[0]?.lastActivity ?? '', ISO_TIMESTAMP);
      assert.equal(rows[2]?.lastActivity, null);
      assert.match(rows[2]?.invitedAt ?? '', ISO_TIMESTAMP);
    }));
}
