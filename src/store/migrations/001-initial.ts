// Register, waves, responses and the append-only audit log.
import type { Migration } from '../migrate.js';

const registerUnits = `
CREATE TABLE register_units (
  ags          text PRIMARY KEY CONSTRAINT register_units_ags_check CHECK (ags ~ '^[0-9]{8}$'),
  name         text NOT NULL CONSTRAINT register_units_name_check CHECK (name <> ''),
  state_code   text NOT NULL CONSTRAINT register_units_state_code_check
                 CHECK (state_code IN ('SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH')),
  state        text NOT NULL,
  district_ags text NOT NULL CONSTRAINT register_units_district_ags_check CHECK (district_ags ~ '^[0-9]{5}$'),
  district     text NOT NULL,
  unit_type    text NOT NULL CONSTRAINT register_units_unit_type_check
                 CHECK (unit_type IN ('kreisfreie_stadt','kreisangehoerige_gemeinde','landkreis')),
  source_type  text NOT NULL,
  population   integer NOT NULL CONSTRAINT register_units_population_check CHECK (population >= 0),
  area_km2     numeric NOT NULL CONSTRAINT register_units_area_km2_check CHECK (area_km2 >= 0),
  size_class   text NOT NULL CONSTRAINT register_units_size_class_check
                 CHECK (size_class IN ('gk1','gk2','gk3','gk4','gk5','gk6','gk7','lk1','lk2','lk3')),
  synthetic    boolean NOT NULL DEFAULT false
)`;

const registerMeta = `
CREATE TABLE register_meta (
  singleton       boolean PRIMARY KEY DEFAULT true CONSTRAINT register_meta_singleton_check CHECK (singleton),
  reference_date  date NOT NULL,
  population_date date NOT NULL,
  source          text NOT NULL,
  imported_at     timestamptz NOT NULL DEFAULT now()
)`;

const waves = `
CREATE TABLE waves (
  id                 text PRIMARY KEY CONSTRAINT waves_id_check CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  title              text NOT NULL CONSTRAINT waves_title_check CHECK (title <> ''),
  instrument_version text NOT NULL,
  opens_at           timestamptz,
  closes_at          timestamptz,
  status             text NOT NULL DEFAULT 'draft' CONSTRAINT waves_status_check CHECK (status IN ('draft','open','closed')),
  demo               boolean NOT NULL DEFAULT false,
  min_cell_count     integer NOT NULL DEFAULT 5 CONSTRAINT waves_min_cell_count_check CHECK (min_cell_count >= 1),
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT waves_period_check CHECK (closes_at > opens_at),
  CONSTRAINT waves_finite_check CHECK (isfinite(opens_at) AND isfinite(closes_at))
)`;

const responses = `
CREATE TABLE responses (
  wave_id      text NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  ags          text NOT NULL CONSTRAINT responses_ags_check CHECK (ags ~ '^[0-9]{8}$'),
  status       text NOT NULL CONSTRAINT responses_status_check CHECK (status IN ('draft','submitted')),
  revision     integer NOT NULL DEFAULT 1 CONSTRAINT responses_revision_check CHECK (revision >= 1),
  answers      jsonb NOT NULL CONSTRAINT responses_answers_check CHECK (jsonb_typeof(answers) = 'object'),
  source       text NOT NULL CONSTRAINT responses_source_check CHECK (source IN ('import','web','demo')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  PRIMARY KEY (wave_id, ags),
  CONSTRAINT responses_submitted_check CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
)`;

const auditLog = `
CREATE TABLE audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  subject text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
)`;

const rejectAuditChange = `
CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP USING ERRCODE = 'DMA01';
END
$$`;

export const initial: Migration = {
  id: '001-initial',
  statements: [
    registerUnits,
    registerMeta,
    waves,
    responses,
    'CREATE INDEX responses_ags_idx ON responses (ags)',
    auditLog,
    rejectAuditChange,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,
  ],
};
