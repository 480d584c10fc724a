// Personal data (issue 11 "GDPR"): per wave how long contact data is kept after the wave closes, when it
// closed, and when its contact data was deleted. Kept out of the Wave type: only the privacy tasks read it.
import type { Migration } from '../migrate.js';

export const privacy: Migration = {
  id: '007-privacy',
  statements: [
    `ALTER TABLE waves
       ADD COLUMN closed_at timestamptz,
       ADD COLUMN contact_retention_days integer NOT NULL DEFAULT 365
         CONSTRAINT waves_contact_retention_check CHECK (contact_retention_days BETWEEN 0 AND 3650),
       ADD COLUMN contacts_purged_at timestamptz`,
    `UPDATE waves SET closed_at = coalesce(closes_at, created_at) WHERE status = 'closed'`,
  ],
};
