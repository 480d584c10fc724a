// What the public sees of a wave is fixed when it is first closed (docs/disclosure.md, "Veröffentlichungsstand"):
// a copy of its submitted responses without the personal variables, and when it was made. Responses imported
// or changed later reach the analysts at once, the public only through an explicit republication: otherwise
// the difference between the old and the new public tables would show the added municipality's answers.
// Waves closed before this migration get their copy at the first public read (tasks/publication.ts).
import type { Migration } from '../migrate.js';

export const publications: Migration = {
  id: '011-publications',
  statements: [
    'ALTER TABLE waves ADD COLUMN published_at timestamptz',
    `CREATE TABLE published_responses (
  wave_id text NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  ags     text NOT NULL CONSTRAINT published_responses_ags_check CHECK (ags ~ '^[0-9]{8}$'),
  answers jsonb NOT NULL CONSTRAINT published_responses_answers_check CHECK (jsonb_typeof(answers) = 'object'),
  PRIMARY KEY (wave_id, ags)
)`,
  ],
};
