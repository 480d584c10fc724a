// The store's SQL, Postgres dialect, identical for PGlite and PostgreSQL. Columns are aliased to the
// port's camelCase names so rows need no mapping; JSON arrays come in as one jsonb parameter.

export const UNIT_COLUMNS = `ags, name, state_code AS "stateCode", state, district_ags AS "districtAgs", district,
  unit_type AS "unitType", source_type AS "sourceType", population, area_km2 AS "areaKm2",
  size_class AS "sizeClass", synthetic`;

export const WAVE_COLUMNS = `id, title, instrument_version AS "instrumentVersion", opens_at AS "opensAt",
  closes_at AS "closesAt", status, demo, min_cell_count AS "minCellCount", target, created_at AS "createdAt",
  published_at AS "publishedAt"`;

export const RESPONSE_COLUMNS = `wave_id AS "waveId", ags, status, revision, answers, source, created_at AS "createdAt",
  updated_at AS "updatedAt", submitted_at AS "submittedAt",
  CASE WHEN receipt_sha256 IS NULL THEN NULL ELSE jsonb_build_object('sha256', receipt_sha256,
    'at', to_char(receipt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END AS receipt`;

/** $1: jsonb array of units with snake_case keys, $2: synthetic. */
const INSERT_UNITS = `
  INSERT INTO register_units AS u (ags, name, state_code, state, district_ags, district, unit_type, source_type,
    population, area_km2, size_class, synthetic)
  SELECT i.ags, i.name, i.state_code, i.state, i.district_ags, i.district, i.unit_type, i.source_type,
    i.population, i.area_km2, i.size_class, $2
  FROM jsonb_to_recordset($1::jsonb) AS i(ags text, name text, state_code text, state text, district_ags text,
    district text, unit_type text, source_type text, population integer, area_km2 numeric, size_class text)`;

/**
 * Units of the wave's target population (statistics.md: real units of the unit types that occur among
 * the respondents) plus every responding unit, so synthetic demo respondents are counted too.
 */
const monitorPopulation = (responses: string): string => `
  WITH r AS (${responses}),
  population AS (
    SELECT u.ags, u.state_code, u.size_class FROM register_units u
    WHERE (NOT u.synthetic AND u.unit_type IN (SELECT ru.unit_type FROM register_units ru JOIN r USING (ags)))
       OR u.ags IN (SELECT ags FROM r)
  )`;

/** The wave's current responses, or (published) those of its publication, all submitted. */
const MONITORED = {
  current: 'SELECT ags, status FROM responses WHERE wave_id = $1',
  published: `SELECT ags, 'submitted' AS status FROM published_responses WHERE wave_id = $1`,
} as const;

const monitorBy = (column: 'state_code' | 'size_class', orderBy: string, source: keyof typeof MONITORED): string => `${monitorPopulation(MONITORED[source])}
  SELECT p.${column} AS key, count(r.ags) AS responses, count(r.ags) FILTER (WHERE r.status = 'submitted') AS submitted
  FROM population p LEFT JOIN r USING (ags)
  GROUP BY p.${column} ORDER BY ${orderBy}`;

export const QUERIES = {
  deleteRealUnits: `WITH d AS (DELETE FROM register_units WHERE NOT synthetic RETURNING 1) SELECT count(*) AS n FROM d`,
  insertUnits: INSERT_UNITS,
  upsertSyntheticUnits: `${INSERT_UNITS}
    ON CONFLICT (ags) DO UPDATE SET name = EXCLUDED.name, state_code = EXCLUDED.state_code, state = EXCLUDED.state,
      district_ags = EXCLUDED.district_ags, district = EXCLUDED.district, unit_type = EXCLUDED.unit_type,
      source_type = EXCLUDED.source_type, population = EXCLUDED.population, area_km2 = EXCLUDED.area_km2,
      size_class = EXCLUDED.size_class
    WHERE u.synthetic
    RETURNING ags`,
  upsertRegisterMeta: `
    INSERT INTO register_meta (singleton, reference_date, population_date, source)
    VALUES (true, $1::date, $2::date, $3)
    ON CONFLICT (singleton) DO UPDATE SET reference_date = EXCLUDED.reference_date,
      population_date = EXCLUDED.population_date, source = EXCLUDED.source, imported_at = now()`,
  registerInfo: `
    SELECT reference_date AS "referenceDate", population_date AS "populationDate", source, imported_at AS "importedAt",
      (SELECT count(*) FROM register_units WHERE NOT synthetic) AS "unitCount",
      (SELECT count(*) FROM register_units WHERE synthetic) AS "syntheticCount"
    FROM register_meta`,
  allAgs: `SELECT ags FROM register_units`,
  allUnits: `SELECT ${UNIT_COLUMNS} FROM register_units ORDER BY ags`,
  unitsByAgs: `SELECT ${UNIT_COLUMNS} FROM register_units
    WHERE ags IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY ags`,

  insertWave: `
    INSERT INTO waves (id, title, instrument_version, opens_at, closes_at, demo, min_cell_count, target)
    VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7, $8::jsonb)
    RETURNING ${WAVE_COLUMNS}`,
  wave: `SELECT ${WAVE_COLUMNS} FROM waves WHERE id = $1`,
  waveForUpdate: `SELECT ${WAVE_COLUMNS} FROM waves WHERE id = $1 FOR UPDATE`,
  waveForShare: `SELECT id FROM waves WHERE id = $1 FOR SHARE`,
  waves: `SELECT ${WAVE_COLUMNS} FROM waves ORDER BY created_at, id`,
  setWaveStatus: `UPDATE waves SET status = $2, closed_at = CASE WHEN $2 = 'closed' THEN now() END WHERE id = $1 RETURNING ${WAVE_COLUMNS}`,
  /** $1 wave, $2 text[] of answer keys left out. Replaces the wave's publication with its submitted responses. */
  clearPublication: `DELETE FROM published_responses WHERE wave_id = $1`,
  copyPublication: `WITH copied AS (INSERT INTO published_responses (wave_id, ags, answers)
      SELECT wave_id, ags, answers - $2::text[] FROM responses WHERE wave_id = $1 AND status = 'submitted' RETURNING ags)
    SELECT count(*)::int AS n FROM copied`,
  markPublished: `UPDATE waves SET published_at = now() WHERE id = $1 RETURNING ${WAVE_COLUMNS}`,
  publishedResponses: `SELECT ags, answers FROM published_responses WHERE wave_id = $1 ORDER BY ags`,
  deleteWave: `DELETE FROM waves WHERE id = $1`,

  /** $1 wave, $2 status, $3 source, $4 jsonb [{ags, answers}]. Revision 1 means inserted by this write. */
  saveResponses: `
    WITH saved AS (
      INSERT INTO responses AS r (wave_id, ags, status, answers, source, submitted_at)
      SELECT $1, i.ags, $2::text, i.answers, $3::text, CASE WHEN $2::text = 'submitted' THEN now() END
      FROM jsonb_to_recordset($4::jsonb) AS i(ags text, answers jsonb)
      ON CONFLICT (wave_id, ags) DO UPDATE SET
        answers = EXCLUDED.answers, status = EXCLUDED.status, source = EXCLUDED.source,
        revision = r.revision + 1, updated_at = now(),
        submitted_at = CASE WHEN EXCLUDED.status = 'submitted' THEN coalesce(r.submitted_at, now()) END
      RETURNING r.revision
    )
    SELECT count(*) FILTER (WHERE revision = 1) AS inserted, count(*) FILTER (WHERE revision > 1) AS updated
    FROM saved`,
  responses: `SELECT ${RESPONSE_COLUMNS} FROM responses WHERE wave_id = $1 ORDER BY ags`,
  monitorByState: monitorBy('state_code', 'min(p.ags)', 'current'),
  monitorBySizeClass: monitorBy('size_class', 'key', 'current'),
  monitorTotal: `
    SELECT 'total' AS key, count(*) AS responses, count(*) FILTER (WHERE status = 'submitted') AS submitted
    FROM responses WHERE wave_id = $1`,
  publishedMonitorByState: monitorBy('state_code', 'min(p.ags)', 'published'),
  publishedMonitorBySizeClass: monitorBy('size_class', 'key', 'published'),
  publishedMonitorTotal: `SELECT 'total' AS key, count(*) AS responses, count(*) AS submitted FROM published_responses WHERE wave_id = $1`,

  appendAudit: `INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb)`,
  auditLog: `SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id DESC LIMIT $1`,
  auditChain: `SELECT id, prev_hash, hash,
      hash = audit_log_entry_hash(prev_hash, id, at, actor, action, subject, details) AS intact
    FROM audit_log ORDER BY id`,
} as const;
