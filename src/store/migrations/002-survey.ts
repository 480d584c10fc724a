// Online survey: target population per wave, invitations (code hashes only), respondent sessions (id
// hashes only), every web revision of a response, and the submission receipt.
import type { Migration } from '../migrate.js';

const SHA256_HEX = `'^[0-9a-f]{64}$'`;

const waveTarget = `
ALTER TABLE waves ADD COLUMN target jsonb
  CONSTRAINT waves_target_check CHECK (target IS NULL OR jsonb_typeof(target) = 'object')`;

const responseReceipt = `
ALTER TABLE responses
  ADD COLUMN receipt_sha256 text CONSTRAINT responses_receipt_sha256_check CHECK (receipt_sha256 ~ ${SHA256_HEX}),
  ADD COLUMN receipt_at timestamptz,
  ADD CONSTRAINT responses_receipt_check CHECK ((receipt_sha256 IS NULL) = (receipt_at IS NULL))`;

const invitations = `
CREATE TABLE invitations (
  id          bigserial PRIMARY KEY,
  wave_id     text NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  ags         text NOT NULL CONSTRAINT invitations_ags_check CHECK (ags ~ '^[0-9]{8}$'),
  code_sha256 text NOT NULL CONSTRAINT invitations_code_sha256_check CHECK (code_sha256 ~ ${SHA256_HEX}),
  issued_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz,
  CONSTRAINT invitations_code_sha256_key UNIQUE (code_sha256)
)`;

const respondentSessions = `
CREATE TABLE respondent_sessions (
  id_sha256     text PRIMARY KEY CONSTRAINT respondent_sessions_id_check CHECK (id_sha256 ~ ${SHA256_HEX}),
  invitation_id bigint NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
)`;

const responseRevisions = `
CREATE TABLE response_revisions (
  wave_id  text NOT NULL,
  ags      text NOT NULL,
  revision integer NOT NULL,
  answers  jsonb NOT NULL,
  status   text NOT NULL,
  actor    text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wave_id, ags, revision),
  FOREIGN KEY (wave_id, ags) REFERENCES responses (wave_id, ags) ON DELETE CASCADE
)`;

export const survey: Migration = {
  id: '002-survey',
  statements: [
    waveTarget,
    responseReceipt,
    invitations,
    // One active invitation per unit and wave; revoked ones stay for the record.
    'CREATE UNIQUE INDEX invitations_active_key ON invitations (wave_id, ags) WHERE revoked_at IS NULL',
    respondentSessions,
    'CREATE INDEX respondent_sessions_invitation_idx ON respondent_sessions (invitation_id)',
    responseRevisions,
  ],
};
