// Two-factor login and lockout (issue 11 "Two-factor login"): per account a TOTP secret (pending until
// confirmed), the last accepted time step (a code is never accepted twice), consecutive failed logins and
// a lock; one-time recovery codes as SHA-256 only; sessions remember their last request (idle timeout).
import type { Migration } from '../migrate.js';

const users = `
ALTER TABLE users
  ADD COLUMN totp_secret text CONSTRAINT users_totp_secret_check CHECK (totp_secret ~ '^[A-Z2-7]{32}$'),
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint CONSTRAINT users_totp_last_step_check CHECK (totp_last_step >= 0),
  ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CONSTRAINT users_failed_logins_check CHECK (failed_logins >= 0),
  ADD COLUMN locked_until timestamptz,
  ADD CONSTRAINT users_totp_enabled_check CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)`;

const recoveryCodes = `
CREATE TABLE recovery_codes (
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_sha256 text NOT NULL CONSTRAINT recovery_codes_code_check CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  used_at     timestamptz,
  PRIMARY KEY (user_id, code_sha256)
)`;

export const twoFactor: Migration = {
  id: '008-two-factor',
  statements: [users, recoveryCodes, 'ALTER TABLE analyst_sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()'],
};
