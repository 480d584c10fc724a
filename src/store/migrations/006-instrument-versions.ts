// Instrument versions imported from files (issue 9): one row per version, the validated document as JSON.
// Published versions are immutable: the table refuses updates.
import type { Migration } from '../migrate.js';

const versions = `
CREATE TABLE instrument_versions (
  version     text PRIMARY KEY CONSTRAINT instrument_versions_version_check CHECK (version ~ '^[0-9a-z][0-9a-z._-]{0,39}$'),
  document    jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL
)`;

const immutable = `
CREATE FUNCTION instrument_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'instrument version % is published and immutable', OLD.version USING ERRCODE = 'check_violation';
END
$$`;

export const instrumentVersions: Migration = {
  id: '006-instrument-versions',
  statements: [
    versions,
    immutable,
    'CREATE TRIGGER instrument_versions_no_update BEFORE UPDATE ON instrument_versions FOR EACH ROW EXECUTE FUNCTION instrument_versions_immutable()',
  ],
};
