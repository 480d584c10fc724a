// The survey part of SqlStore (migration 002), as functions over one connection or transaction.
import { DmError } from '../errors.js';
import type { FlatResponse } from '../instrument/model.js';
import type { SqlClient } from './sql-client.js';
import { SURVEY_QUERIES as S } from './survey-queries.js';
import type { AuditEntry, NewInvitation, ResponseWrite, ResponseWriteResult, StoredResponse } from './store.js';

export type Audit = (db: SqlClient, entry: AuditEntry) => Promise<void>;

export async function issueInvitations(
  tx: SqlClient,
  audit: Audit,
  waveId: string,
  invitations: readonly NewInvitation[],
  options: { readonly actor: string; readonly replaceActive: boolean },
): Promise<{ issued: number; revoked: number }> {
  await requireWave(tx, waveId);
  const ags = JSON.stringify(invitations.map((invitation) => invitation.ags));
  const revoked = options.replaceActive ? ((await tx.query<{ n: number }>(S.revokeInvitations, [waveId, ags]))[0]?.n ?? 0) : 0;
  const rows = JSON.stringify(invitations.map((i) => ({ ags: i.ags, code_sha256: i.codeSha256 })));
  const issued = (await tx.query<{ n: number }>(S.insertInvitations, [waveId, rows]))[0]?.n ?? 0;
  await audit(tx, { actor: options.actor, action: 'invitations.issue', subject: waveId, details: { issued, revoked } });
  return { issued, revoked };
}

export async function revokeInvitations(
  tx: SqlClient,
  audit: Audit,
  waveId: string,
  ags: readonly string[],
  actor: string,
): Promise<number> {
  await requireWave(tx, waveId);
  const [row] = await tx.query<{ n: number; sessions: number }>(S.revokeInvitations, [waveId, JSON.stringify(ags)]);
  const details = { revoked: row?.n ?? 0, sessions: row?.sessions ?? 0, ags: [...ags] };
  await audit(tx, { actor, action: 'invitations.revoke', subject: waveId, details });
  return row?.n ?? 0;
}

/** See Store.writeResponse. */
export async function writeResponse(
  tx: SqlClient,
  audit: Audit,
  waveId: string,
  ags: string,
  write: ResponseWrite,
): Promise<ResponseWriteResult> {
  const [wave] = await tx.query<{ status: string; inPeriod: boolean }>(S.waveAnswerable, [waveId]);
  if (!wave) throw new DmError('DM_WAVE_NOT_FOUND', { wave: waveId });
  if (wave.status !== 'open' || !wave.inPeriod) throw new DmError('DM_SURVEY_CLOSED', { wave: waveId });
  const params = [waveId, ags, JSON.stringify(write.answers), write.submitSha256 ?? null];
  const [saved] =
    write.baseRevision === 0
      ? await tx.query<StoredResponse>(S.insertWebResponse, params)
      : await tx.query<StoredResponse>(S.updateWebResponse, [...params, write.baseRevision]);
  if (!saved) return conflict(tx, waveId, ags, write.baseRevision);
  await tx.query(S.insertRevision, [waveId, ags, saved.revision, JSON.stringify(saved.answers), saved.status, write.actor]);
  const action = write.submitSha256 === undefined ? 'response.save' : 'response.submit';
  const details = { ...write.details, revision: saved.revision, status: saved.status };
  await audit(tx, { actor: write.actor, action, subject: `${waveId}/${ags}`, details });
  return { kind: 'saved', response: saved };
}

async function conflict(tx: SqlClient, waveId: string, ags: string, baseRevision: number): Promise<ResponseWriteResult> {
  const [current] = await tx.query<StoredResponse>(S.responseFor, [waveId, ags]);
  const [base] =
    baseRevision === 0 ? [{ answers: {} }] : await tx.query<{ answers: FlatResponse }>(S.revisionAnswers, [waveId, ags, baseRevision]);
  return { kind: 'conflict', current: current ?? null, base: base?.answers ?? null };
}

async function requireWave(db: SqlClient, waveId: string): Promise<void> {
  const found = await db.query('SELECT 1 FROM waves WHERE id = $1 FOR SHARE', [waveId]);
  if (found.length === 0) throw new DmError('DM_WAVE_NOT_FOUND', { wave: waveId });
}
