// SQL for imported instrument versions (migration 006).
export const INSTRUMENT_VERSION_QUERIES = {
  insert: `INSERT INTO instrument_versions (version, document, imported_by) VALUES ($1, $2::jsonb, $3) ON CONFLICT (version) DO NOTHING RETURNING version`,
  byVersion: `SELECT version, document, imported_at AS "importedAt", imported_by AS "importedBy" FROM instrument_versions WHERE version = $1`,
  list: `SELECT version, document, imported_at AS "importedAt", imported_by AS "importedBy" FROM instrument_versions ORDER BY imported_at, version`,
} as const;
