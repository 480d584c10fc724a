// SQL of the privacy tasks (sql-privacy.ts): retention, deletion of contact data, the record of one unit.

export const PRIVACY_QUERIES = {
  retention: `SELECT id AS "waveId", closed_at AS "closedAt", contact_retention_days AS "retentionDays",
      contacts_purged_at AS "purgedAt" FROM waves ORDER BY created_at, id`,
  setRetention: `UPDATE waves SET contact_retention_days = $2 WHERE id = $1 RETURNING id`,
  /** $1 wave, $2 text[] of answer keys, $3 one AGS or null for the whole wave. */
  purgeResponses: `WITH changed AS (
      UPDATE responses SET answers = answers - $2::text[]
      WHERE wave_id = $1 AND ($3::text IS NULL OR ags = $3) AND answers ?| $2::text[] RETURNING ags)
    SELECT count(*)::int AS n FROM changed`,
  purgeRevisions: `UPDATE response_revisions SET answers = answers - $2::text[]
    WHERE wave_id = $1 AND ($3::text IS NULL OR ags = $3) AND answers ?| $2::text[]`,
  /** Publications leave the personal variables out; this keeps it so should one ever carry them. */
  purgePublished: `UPDATE published_responses SET answers = answers - $2::text[]
    WHERE wave_id = $1 AND ($3::text IS NULL OR ags = $3) AND answers ?| $2::text[]`,
  markPurged: `UPDATE waves SET contacts_purged_at = now() WHERE id = $1`,
  unitResponses: `SELECT wave_id AS "waveId", status, revision, answers, source, created_at AS "createdAt",
      updated_at AS "updatedAt", submitted_at AS "submittedAt", receipt_sha256 AS "receiptSha256"
    FROM responses WHERE ags = $1 ORDER BY wave_id`,
  unitRevisions: `SELECT wave_id AS "waveId", revision, answers, status, actor, saved_at AS "savedAt"
    FROM response_revisions WHERE ags = $1 ORDER BY wave_id, revision`,
  unitInvitations: `SELECT i.wave_id AS "waveId", i.issued_at AS "issuedAt", i.revoked_at AS "revokedAt",
      (SELECT count(*)::int FROM respondent_sessions s WHERE s.invitation_id = i.id) AS sessions
    FROM invitations i WHERE i.ags = $1 ORDER BY i.wave_id, i.issued_at`,
  /** Entries about the unit: its responses ("wave/ags"), revocations listing it, or actions by its respondents. */
  unitAudit: `SELECT id, at, actor, action, subject, details FROM audit_log
    WHERE subject LIKE '%/' || $1 OR actor LIKE 'respondent:' || $1 || '%' OR details -> 'ags' ? $1 ORDER BY id`,
} as const;
