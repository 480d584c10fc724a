// Tamper-evident audit log (issue 11): every entry carries the SHA-256 of its predecessor's hash and its own
// content, so that changing, removing or inserting an entry breaks the chain from there on. Entries are
// chained in commit order: the trigger takes a transaction-scoped lock, then numbers the entry.
import type { Migration } from '../migrate.js';

/** The hashed content: JSON array text (unambiguous) with the timestamp in UTC to the microsecond. */
const entryHash = `
CREATE FUNCTION audit_log_entry_hash(prev text, id bigint, at timestamptz, actor text, action text, subject text, details jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(prev, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action, subject, details)::text, 'UTF8')), 'hex')
$$`;

/** New entries are chained; rows that arrive with a hash (restore of a backup) keep it and are checked by verify. */
const chain = `
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  IF NEW.hash IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('dm:audit:' || current_schema()));
  NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.audit_log', 'id'));
  SELECT hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, '');
  NEW.hash := audit_log_entry_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.details);
  RETURN NEW;
END
$$`;

/** Entries written before this migration, chained in id order. */
const backfill = `
DO $$
DECLARE
  entry record;
  previous text := '';
BEGIN
  FOR entry IN SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id LOOP
    UPDATE audit_log SET prev_hash = previous,
      hash = audit_log_entry_hash(previous, entry.id, entry.at, entry.actor, entry.action, entry.subject, entry.details)
      WHERE id = entry.id RETURNING hash INTO previous;
  END LOOP;
END
$$`;

export const auditChain: Migration = {
  id: '005-audit-chain',
  statements: [
    'ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text',
    entryHash,
    'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
    backfill,
    'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only',
    'ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL',
    chain,
    'CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()',
  ],
};
