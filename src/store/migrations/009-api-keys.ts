// API keys per analyst (issue 10 "JSON API"): the key itself is never stored, only its SHA-256; revocable,
// optionally expiring; the last use is recorded.
import type { Migration } from '../migrate.js';

const table = `
CREATE TABLE api_keys (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL CONSTRAINT api_keys_name_check CHECK (length(name) BETWEEN 1 AND 100),
  key_sha256   text NOT NULL UNIQUE CONSTRAINT api_keys_key_check CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
)`;

export const apiKeys: Migration = {
  id: '009-api-keys',
  statements: [table, 'CREATE INDEX api_keys_user_idx ON api_keys (user_id)'],
};
