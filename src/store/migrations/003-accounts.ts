// Analyst accounts: users with a role and an Argon2id hash, and their sessions (id hashes only).
import type { Migration } from '../migrate.js';

const users = `
CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  email         text NOT NULL CONSTRAINT users_email_check CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role          text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin', 'analyst')),
  password_hash text NOT NULL CONSTRAINT users_password_hash_check CHECK (password_hash LIKE '$argon2id$%'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz,
  CONSTRAINT users_email_key UNIQUE (email)
)`;

const analystSessions = `
CREATE TABLE analyst_sessions (
  id_sha256  text PRIMARY KEY CONSTRAINT analyst_sessions_id_check CHECK (id_sha256 ~ '^[0-9a-f]{64}$'),
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
)`;

export const accounts: Migration = {
  id: '003-accounts',
  statements: [users, analystSessions, 'CREATE INDEX analyst_sessions_user_idx ON analyst_sessions (user_id)'],
};
