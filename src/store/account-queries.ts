// The store's SQL for analyst accounts and their sessions (migration 003). Postgres dialect.

const USER_COLUMNS = `id, email, role, created_at AS "createdAt", disabled_at AS "disabledAt"`;

export const ACCOUNT_QUERIES = {
  insertUser: `INSERT INTO users (email, role, password_hash) VALUES ($1, $2, $3) RETURNING ${USER_COLUMNS}`,
  userByEmail: `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE email = $1`,
  users: `SELECT ${USER_COLUMNS} FROM users ORDER BY email`,
  disableUser: `
    UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE email = $1 RETURNING ${USER_COLUMNS}`,
  deleteUserSessions: `DELETE FROM analyst_sessions WHERE user_id = $1`,
  deleteOtherSessions: `DELETE FROM analyst_sessions WHERE user_id = $1 AND id_sha256 IS DISTINCT FROM $2 RETURNING id_sha256`,

  purgeExpiredSessions: `DELETE FROM analyst_sessions WHERE expires_at < now()`,
  insertSession: `INSERT INTO analyst_sessions (id_sha256, user_id, expires_at) VALUES ($1, $2, $3::timestamptz)`,
  // Live and used within $2 minutes (idle timeout, migration 008). A use is recorded at most once a minute,
  // so that reading pages writes nothing most of the time (an idle session may end up to a minute early).
  session: `
    WITH live AS (
      SELECT s.id_sha256, s.last_seen_at, s.expires_at, u.id, u.email, u.role, u.created_at
      FROM analyst_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_sha256 = $1 AND s.expires_at > now() AND u.disabled_at IS NULL
        AND s.last_seen_at > now() - make_interval(mins => $2::int)
    ), used AS (
      UPDATE analyst_sessions s SET last_seen_at = now() FROM live
      WHERE s.id_sha256 = live.id_sha256 AND live.last_seen_at < now() - interval '1 minute'
    )
    SELECT jsonb_build_object('id', id, 'email', email, 'role', role,
        'createdAt', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'disabledAt', NULL) AS user,
      expires_at AS "expiresAt"
    FROM live`,
  deleteSession: `DELETE FROM analyst_sessions WHERE id_sha256 = $1`,
} as const;

/** Two-factor login and lockout (migration 008). */
export const TWO_FACTOR_QUERIES = {
  state: `
    SELECT totp_secret AS "totpSecret", totp_enabled_at AS "totpEnabledAt", totp_last_step AS "totpLastStep",
      failed_logins AS "failedLogins", locked_until AS "lockedUntil",
      (SELECT count(*) FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "recoveryCodesLeft"
    FROM users u WHERE id = $1`,
  startSetup: `UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL RETURNING id`,
  pendingSecret: `SELECT totp_secret AS secret FROM users WHERE id = $1 AND totp_enabled_at IS NULL AND totp_secret IS NOT NULL FOR UPDATE`,
  plainSecrets: `SELECT id, totp_secret AS secret FROM users WHERE totp_secret ~ '^[A-Z2-7]{32}$' ORDER BY id FOR UPDATE`,
  replaceSecret: `UPDATE users SET totp_secret = $3 WHERE id = $1 AND totp_secret = $2`,
  enable: `
    UPDATE users SET totp_enabled_at = now(), totp_last_step = $3
    WHERE id = $1 AND totp_secret = $2 AND totp_enabled_at IS NULL RETURNING email`,
  deleteRecoveryCodes: `DELETE FROM recovery_codes WHERE user_id = $1`,
  insertRecoveryCodes: `INSERT INTO recovery_codes (user_id, code_sha256) SELECT $1, jsonb_array_elements_text($2::jsonb)`,
  useStep: `
    UPDATE users SET totp_last_step = $2
    WHERE id = $1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
  useRecoveryCode: `
    UPDATE recovery_codes r SET used_at = now() FROM users u
    WHERE u.id = r.user_id AND r.user_id = $1 AND r.code_sha256 = $2 AND r.used_at IS NULL AND u.totp_enabled_at IS NOT NULL
    RETURNING u.email, (SELECT count(*) FROM recovery_codes c WHERE c.user_id = $1 AND c.used_at IS NULL) - 1 AS "left"`,
  disable: `
    UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, failed_logins = 0, locked_until = NULL
    WHERE email = $1 RETURNING ${USER_COLUMNS}`,
  recordFailure: `
    UPDATE users SET
      failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
      locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
    WHERE id = $1 RETURNING email, failed_logins = 0 AS locked`,
  clearFailures: `UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
} as const;
