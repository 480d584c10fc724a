// Driver errors → coded errors, in one place (architecture anti-pattern 5). Unknown errors pass through.
import { DmError } from '../errors.js';

/** What the store knows about the failed call, for the error's parameters. */
export interface SqlErrorContext {
  readonly wave?: string;
  readonly email?: string;
}

interface SqlErrorFields {
  readonly code?: string;
  readonly constraint?: string;
  readonly detail?: string;
  readonly message?: string;
}

const BY_CONSTRAINT: Readonly<Record<string, (context: SqlErrorContext, fields: SqlErrorFields) => DmError>> = {
  waves_pkey: ({ wave = '?' }) => new DmError('DM_WAVE_EXISTS', { wave }),
  waves_id_check: ({ wave = '?' }) => new DmError('DM_WAVE_ID_INVALID', { wave }),
  waves_period_check: () => new DmError('DM_WAVE_PERIOD_INVALID', { detail: 'Das Ende liegt nicht nach dem Beginn.' }),
  waves_finite_check: () => new DmError('DM_WAVE_PERIOD_INVALID', { detail: 'Beginn und Ende müssen Zeitpunkte sein.' }),
  responses_wave_id_fkey: ({ wave = '?' }) => new DmError('DM_WAVE_NOT_FOUND', { wave }),
  invitations_wave_id_fkey: ({ wave = '?' }) => new DmError('DM_WAVE_NOT_FOUND', { wave }),
  users_email_key: ({ email = '?' }) => new DmError('DM_USER_EXISTS', { email }),
  users_email_check: ({ email = '?' }) => new DmError('DM_USER_EMAIL_INVALID', { email }),
  invitations_active_key: ({ wave = '?' }, { detail }) => {
    const ags = /, ([0-9]{8})\)/.exec(detail ?? '')?.[1];
    return new DmError('DM_INVITATION_EXISTS', { wave, detail: ags ? `AGS ${ags}` : 'mindestens eine Kommune' });
  },
};

/** German reasons for constraint violations that reject a whole write (DM_DATA_REJECTED). */
const REJECTED: Readonly<Record<string, string>> = {
  register_units_pkey: 'Ein AGS kommt im Gemeindeverzeichnis mehrfach vor',
  register_units_ags_check: 'Ein AGS hat nicht genau 8 Ziffern',
  register_units_name_check: 'Ein Name ist leer',
  register_units_state_code_check: 'Ein Länderkürzel ist unbekannt',
  register_units_district_ags_check: 'Ein Kreisschlüssel hat nicht genau 5 Ziffern',
  register_units_unit_type_check: 'Ein Gebietstyp ist unbekannt',
  register_units_population_check: 'Eine Einwohnerzahl ist negativ',
  register_units_area_km2_check: 'Eine Fläche ist negativ',
  register_units_size_class_check: 'Eine Größenklasse ist unbekannt',
  waves_title_check: 'Der Titel der Welle ist leer',
  waves_min_cell_count_check: 'Die Mindestfallzahl muss mindestens 1 sein',
  responses_ags_check: 'Ein AGS hat nicht genau 8 Ziffern',
  responses_answers_check: 'Antworten müssen ein Objekt aus Variablen sein',
  invitations_ags_check: 'Ein AGS hat nicht genau 8 Ziffern',
  invitations_code_sha256_key: 'Ein Zugangscode kommt doppelt vor',
  waves_target_check: 'Die Zielgruppe muss ein Objekt sein',
};

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03']);

export function mapSqlError(error: unknown, context: SqlErrorContext = {}): unknown {
  if (error instanceof DmError || typeof error !== 'object' || error === null) return error;
  const fields = error as SqlErrorFields;
  const code = fields.code ?? '';
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || /Connection terminated/i.test(fields.message ?? '')) {
    return new DmError('DM_DB_UNAVAILABLE', { detail: `Verbindung verloren (${fields.message ?? code})` });
  }
  const byConstraint = fields.constraint === undefined ? undefined : BY_CONSTRAINT[fields.constraint];
  if (byConstraint) return byConstraint(context, fields);
  if (code.startsWith('23') || code === '21000') return new DmError('DM_DATA_REJECTED', { detail: rejectedDetail(fields) });
  // character_not_in_repertoire / untranslatable_character: a NUL byte or broken text in a parameter.
  if (code === '22021' || code === '22P05') return new DmError('DM_DATA_REJECTED', { detail: 'Die Eingabe enthält ein Nullzeichen oder ungültige Zeichen.' });
  if ((code === '22007' || code === '22008') && context.wave !== undefined) {
    return new DmError('DM_WAVE_PERIOD_INVALID', { detail: 'Ein Datum ist nicht lesbar (erwartet: JJJJ-MM-TT).' });
  }
  return error;
}

function rejectedDetail({ code, constraint, detail }: SqlErrorFields): string {
  if (code === '21000') return 'Ein AGS kommt mehrfach vor.';
  const key = /\)=\((.*)\)/.exec(detail ?? '')?.[1];
  const reason = (constraint && REJECTED[constraint]) || `Regel „${constraint ?? code}“ verletzt`;
  return key === undefined ? `${reason}.` : `${reason} („${key}“).`;
}
