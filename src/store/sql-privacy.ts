// The privacy part of SqlStore (migration 007), as functions over one connection or transaction.
import { DmError } from '../errors.js';
import { PRIVACY_QUERIES as P } from './privacy-queries.js';
import { textArrayParam } from './text-array-param.js';
import type { SqlClient } from './sql-client.js';
import type { Audit } from './sql-survey.js';
import type { RegisterUnit } from '../register/unit.js';
import type { UnitRecord } from './store.js';

export async function setContactRetention(tx: SqlClient, audit: Audit, waveId: string, days: number, actor: string): Promise<void> {
  const updated = await tx.query(P.setRetention, [waveId, days]);
  if (updated.length === 0) throw new DmError('DM_WAVE_NOT_FOUND', { wave: waveId });
  await audit(tx, { actor, action: 'privacy.retention', subject: waveId, details: { days } });
}

/** Removes the answer keys from the current answers, every saved revision and the publication; the whole wave when `ags` is absent. */
export async function purgeContacts(
  tx: SqlClient,
  audit: Audit,
  waveId: string,
  keys: readonly string[],
  options: { readonly actor: string; readonly ags?: string },
): Promise<number> {
  const exists = await tx.query('SELECT 1 FROM waves WHERE id = $1 FOR UPDATE', [waveId]);
  if (exists.length === 0) throw new DmError('DM_WAVE_NOT_FOUND', { wave: waveId });
  const params = [waveId, textArrayParam(keys), options.ags ?? null];
  const [row] = await tx.query<{ n: number }>(P.purgeResponses, params);
  await tx.query(P.purgeRevisions, params);
  await tx.query(P.purgePublished, params);
  if (options.ags === undefined) await tx.query(P.markPurged, [waveId]);
  const subject = options.ags === undefined ? waveId : `${waveId}/${options.ags}`;
  await audit(tx, { actor: options.actor, action: 'privacy.delete', subject, details: { keys: [...keys], responses: row?.n ?? 0 } });
  return row?.n ?? 0;
}

/** Everything stored about one unit (Art. 15 DSGVO); the read itself is audited in the same transaction. */
export async function unitRecord(tx: SqlClient, audit: Audit, ags: string, unit: RegisterUnit | null, actor: string): Promise<UnitRecord> {
  const [responses, revisions, invitations, auditEntries] = [
    await tx.query<UnitRecord['responses'][number]>(P.unitResponses, [ags]),
    await tx.query<UnitRecord['revisions'][number]>(P.unitRevisions, [ags]),
    await tx.query<UnitRecord['invitations'][number]>(P.unitInvitations, [ags]),
    await tx.query<UnitRecord['audit'][number]>(P.unitAudit, [ags]),
  ];
  await audit(tx, { actor, action: 'privacy.read', subject: `unit/${ags}`, details: { ags } });
  return { ags, unit, responses, revisions, invitations, audit: auditEntries };
}
