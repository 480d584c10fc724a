// The store's SQL for the online survey (migration 002): target population, invitations, sessions,
// conditional response writes. Postgres dialect, identical for PGlite and PostgreSQL.
import { RESPONSE_COLUMNS, UNIT_COLUMNS, WAVE_COLUMNS } from './sql-store-queries.js';

const INVITATION_COLUMNS = `id, wave_id AS "waveId", ags, issued_at AS "issuedAt", revoked_at AS "revokedAt"`;

/** One list of the target narrows when present: AND across lists, OR within one. */
const inTarget = (key: string, column: string) =>
  `(w.target -> '${key}' IS NULL OR u.${column} IN (SELECT jsonb_array_elements_text(w.target -> '${key}')))`;

/** $4: receipt hash or null (save only). */
const SUBMIT = `$4::text IS NOT NULL`;

export const SURVEY_QUERIES = {
  // register_units and waves share no column name, so the unit columns need no table prefix.
  setWaveTarget: `UPDATE waves SET target = $2::jsonb WHERE id = $1 RETURNING ${WAVE_COLUMNS}`,
  targetUnits: `
    SELECT ${UNIT_COLUMNS} FROM register_units u JOIN waves w ON w.id = $1
    WHERE w.target IS NOT NULL AND (NOT u.synthetic OR w.demo)
      AND ${inTarget('unitTypes', 'unit_type')} AND ${inTarget('stateCodes', 'state_code')}
      AND ${inTarget('sizeClasses', 'size_class')} AND ${inTarget('ags', 'ags')}
    ORDER BY u.ags`,

  /** $1 wave, $2 jsonb array of AGS. Ends the sessions of what it revokes. */
  revokeInvitations: `
    WITH revoked AS (
      UPDATE invitations SET revoked_at = now()
      WHERE wave_id = $1 AND revoked_at IS NULL AND ags IN (SELECT jsonb_array_elements_text($2::jsonb))
      RETURNING id
    ), ended AS (
      DELETE FROM respondent_sessions s USING revoked r WHERE s.invitation_id = r.id RETURNING 1
    )
    SELECT (SELECT count(*) FROM revoked) AS n, (SELECT count(*) FROM ended) AS sessions`,
  /** $1 wave, $2 jsonb [{ags, code_sha256}]. */
  insertInvitations: `
    WITH inserted AS (
      INSERT INTO invitations (wave_id, ags, code_sha256)
      SELECT $1, i.ags, i.code_sha256 FROM jsonb_to_recordset($2::jsonb) AS i(ags text, code_sha256 text)
      RETURNING 1
    )
    SELECT count(*) AS n FROM inserted`,
  invitations: `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE wave_id = $1 ORDER BY ags, id`,
  invitationByCode: `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE code_sha256 = $1`,
  invitedUnits: `
    SELECT i.ags, u.name, u.state_code AS "stateCode", u.size_class AS "sizeClass", i.issued_at AS "invitedAt",
      CASE WHEN r.status IS NULL THEN 'not_started' WHEN r.status = 'submitted' THEN 'submitted' ELSE 'in_progress' END
        AS status,
      r.updated_at AS "lastActivity"
    FROM invitations i
      LEFT JOIN register_units u ON u.ags = i.ags
      LEFT JOIN responses r ON r.wave_id = i.wave_id AND r.ags = i.ags
    WHERE i.wave_id = $1 AND i.revoked_at IS NULL
    ORDER BY i.ags`,

  purgeExpiredSessions: `DELETE FROM respondent_sessions WHERE expires_at < now()`,
  insertSession: `INSERT INTO respondent_sessions (id_sha256, invitation_id, expires_at) VALUES ($1, $2, $3::timestamptz)`,
  session: `
    SELECT s.invitation_id AS "invitationId", i.wave_id AS "waveId", i.ags, s.expires_at AS "expiresAt"
    FROM respondent_sessions s JOIN invitations i ON i.id = s.invitation_id
    WHERE s.id_sha256 = $1 AND s.expires_at > now() AND i.revoked_at IS NULL`,
  deleteSession: `DELETE FROM respondent_sessions WHERE id_sha256 = $1`,

  /** Locks the wave against a concurrent close (which takes FOR UPDATE) until the write commits. */
  waveAnswerable: `
    SELECT status, (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR now() <= closes_at) AS "inPeriod"
    FROM waves WHERE id = $1 FOR SHARE`,
  responseFor: `SELECT ${RESPONSE_COLUMNS} FROM responses WHERE wave_id = $1 AND ags = $2`,
  /** $1 wave, $2 ags, $3 answers, $4 receipt hash or null. Nothing when the unit already has a response. */
  insertWebResponse: `
    INSERT INTO responses (wave_id, ags, status, answers, source, submitted_at, receipt_sha256, receipt_at)
    VALUES ($1, $2, CASE WHEN ${SUBMIT} THEN 'submitted' ELSE 'draft' END, $3::jsonb, 'web',
      CASE WHEN ${SUBMIT} THEN now() END, $4::text, CASE WHEN ${SUBMIT} THEN now() END)
    ON CONFLICT (wave_id, ags) DO NOTHING
    RETURNING ${RESPONSE_COLUMNS}`,
  /** As insertWebResponse, $5 the base revision: nothing when the stored revision differs. */
  updateWebResponse: `
    UPDATE responses AS r SET answers = $3::jsonb, source = 'web', revision = r.revision + 1, updated_at = now(),
      status = CASE WHEN ${SUBMIT} THEN 'submitted' ELSE r.status END,
      submitted_at = CASE WHEN ${SUBMIT} THEN coalesce(r.submitted_at, now()) ELSE r.submitted_at END,
      receipt_sha256 = coalesce($4::text, r.receipt_sha256),
      receipt_at = CASE WHEN ${SUBMIT} THEN now() ELSE r.receipt_at END
    WHERE r.wave_id = $1 AND r.ags = $2 AND r.revision = $5
    RETURNING ${RESPONSE_COLUMNS}`,
  insertRevision: `
    INSERT INTO response_revisions (wave_id, ags, revision, answers, status, actor)
    VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
  revisionAnswers: `SELECT answers FROM response_revisions WHERE wave_id = $1 AND ags = $2 AND revision = $3`,
} as const;
