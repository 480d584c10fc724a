// The store's SQL for API keys (migration 009). Postgres dialect.

const KEY_COLUMNS = `k.id, k.name, u.email, u.role, k.created_at AS "createdAt", k.expires_at AS "expiresAt",
  k.revoked_at AS "revokedAt", k.last_used_at AS "lastUsedAt"`;

export const API_KEY_QUERIES = {
  insert: `
    WITH k AS (INSERT INTO api_keys (user_id, name, key_sha256, expires_at) VALUES ($1, $2, $3, $4::timestamptz) RETURNING *)
    SELECT ${KEY_COLUMNS} FROM k JOIN users u ON u.id = k.user_id`,
  list: `SELECT ${KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id ORDER BY k.id`,
  revoke: `
    WITH k AS (UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
    SELECT ${KEY_COLUMNS} FROM k JOIN users u ON u.id = k.user_id`,
  // Live: not revoked, not expired, its account not disabled; the use is recorded.
  use: `
    UPDATE api_keys k SET last_used_at = now() FROM users u
    WHERE u.id = k.user_id AND k.key_sha256 = $1 AND k.revoked_at IS NULL
      AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.disabled_at IS NULL
    RETURNING k.id AS "keyId", jsonb_build_object('id', u.id, 'email', u.email, 'role', u.role,
        'createdAt', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'disabledAt', NULL) AS user`,
} as const;
