// The only place where coded errors are defined (architecture habit 6). docs/errors.md lists every code;
// test/errors-doc.test.ts keeps the two in sync.
import type { Issue } from './instrument/issues.js';

interface ErrorSpec {
  readonly status: number;
  readonly exitCode: number;
  readonly message: (params: Readonly<Record<string, string | number>>) => string;
}

/** Exit codes: 1 general, 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 database unavailable. */
export const ERROR_CODES = {
  DM_USAGE: { status: 400, exitCode: 2, message: (p) => `Aufruf fehlerhaft: ${p.detail}` },
  DM_CONFIG_INVALID: { status: 500, exitCode: 2, message: (p) => `Konfiguration ungültig: ${p.detail}` },
  DM_FILE_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `Datei nicht gefunden: ${p.path}` },
  DM_FILE_UNREADABLE: { status: 400, exitCode: 3, message: (p) => `Datei kann nicht gelesen werden: ${p.path} (${p.detail})` },
  DM_FILE_UNWRITABLE: {
    status: 500,
    exitCode: 3,
    message: (p) => `Ausgabe kann nicht geschrieben werden: ${p.path} (${p.detail}). Es wurde nichts geschrieben.`,
  },
  DM_IMPORT_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Import abgelehnt: ${p.count} Fehler in ${p.file}. Es wurde nichts geschrieben.`,
  },
  DM_REGISTER_EMPTY: {
    status: 409,
    exitCode: 5,
    message: () => 'Das Gemeindeverzeichnis ist leer. Bitte zuerst „import-register“ ausführen.',
  },
  DM_INSTRUMENT_NOT_FOUND: {
    status: 404,
    exitCode: 4,
    message: (p) => `Fragebogen-Version „${p.version}“ gibt es nicht.`,
  },
  DM_WAVE_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `Welle „${p.wave}“ gibt es nicht.` },
  DM_WAVE_EXISTS: { status: 409, exitCode: 5, message: (p) => `Welle „${p.wave}“ gibt es bereits.` },
  DM_WAVE_ID_INVALID: {
    status: 400,
    exitCode: 3,
    message: (p) =>
      `Wellen-Kennung „${p.wave}“ ist ungültig: erlaubt sind 1 bis 40 Zeichen aus Kleinbuchstaben, Ziffern, „-“ und „_“.`,
  },
  DM_WAVE_PERIOD_INVALID: {
    status: 400,
    exitCode: 3,
    message: (p) => `Zeitraum ungültig: ${p.detail}`,
  },
  DM_WAVE_STATUS: {
    status: 409,
    exitCode: 5,
    message: (p) => `Welle „${p.wave}“ ist „${statusDe(p.status)}“ und kann nicht auf „${statusDe(p.target)}“ gesetzt werden.`,
  },
  DM_DB_LOCKED: {
    status: 503,
    exitCode: 6,
    message: (p) =>
      `Die Datenbank in „${p.dir}“ wird bereits von einem anderen Prozess (PID ${p.pid}) benutzt. Bitte diesen beenden oder DATABASE_URL setzen.`,
  },
  DM_DB_UNAVAILABLE: {
    status: 503,
    exitCode: 6,
    message: (p) => `Datenbank nicht erreichbar: ${p.detail}`,
  },
  DM_DATA_REJECTED: {
    status: 422,
    exitCode: 3,
    message: (p) => `Daten abgelehnt: ${p.detail} Es wurde nichts geschrieben.`,
  },
  DM_WAVE_NO_RESPONSES: {
    status: 409,
    exitCode: 5,
    message: (p) => `Welle „${p.wave}“ hat keine abgeschickten Antworten; es gibt nichts auszuwerten.`,
  },
  DM_ANALYZE_BY_UNKNOWN: {
    status: 400,
    exitCode: 3,
    message: (p) =>
      `Gruppierung „${p.detail}“ (--by) gibt es nicht. Möglich sind vg_strategy, vg_egov, vg_community, size_class, state, unit_type und jede Tabellenvariable des Fragebogens (flache Variablen: „digitalmonitor instrument --variables“; dazu die abgeleiteten wie egov_count, chefsache).`,
  },
  DM_TARGET_INVALID: { status: 400, exitCode: 3, message: (p) => `Zielgruppe ungültig: ${p.detail}` },
  DM_TARGET_MISSING: {
    status: 409,
    exitCode: 5,
    message: (p) => `Welle „${p.wave}“ hat noch keine Zielgruppe. Bitte zuerst „digitalmonitor wave target ${p.wave} …“ ausführen.`,
  },
  DM_INVITATION_EXISTS: {
    status: 409,
    exitCode: 5,
    message: (p) => `Für ${p.detail} gibt es in Welle „${p.wave}“ schon eine aktive Einladung. Neu ausstellen mit --reissue.`,
  },
  DM_INVITATION_NOT_FOUND: {
    status: 404,
    exitCode: 4,
    message: (p) => `Für ${p.detail} gibt es in Welle „${p.wave}“ keine aktive Einladung.`,
  },
  DM_CODE_UNKNOWN: {
    status: 404,
    exitCode: 4,
    message: () => 'Dieser Zugangscode ist nicht gültig. Bitte prüfen Sie den Code aus Ihrem Einladungsschreiben.',
  },
  DM_CODE_REVOKED: {
    status: 403,
    exitCode: 5,
    message: () => 'Dieser Zugangscode wurde widerrufen. Bitte verwenden Sie den Code aus Ihrem neuesten Einladungsschreiben.',
  },
  DM_SESSION_REQUIRED: {
    status: 403,
    exitCode: 2,
    message: () =>
      'Ihre Sitzung ist abgelaufen oder ungültig. Bitte öffnen Sie den persönlichen Link aus Ihrem Einladungsschreiben erneut. Es wurde nichts gespeichert.',
  },
  DM_SURVEY_NOT_OPEN: {
    status: 403,
    exitCode: 5,
    message: (p) => `Die Befragung „${p.wave}“ ist derzeit nicht geöffnet. Antworten sind nur im Befragungszeitraum möglich.`,
  },
  DM_SURVEY_CLOSED: {
    status: 409,
    exitCode: 5,
    message: (p) => `Die Befragung „${p.wave}“ ist nicht (mehr) geöffnet. Ihre Eingabe wurde nicht gespeichert.`,
  },
  DM_RATE_LIMITED: {
    status: 429,
    exitCode: 5,
    message: (p) => `Zu viele Versuche. Bitte warten Sie ${p.detail} Sekunden und versuchen Sie es dann erneut.`,
  },
  DM_CSRF_REJECTED: {
    status: 403,
    exitCode: 2,
    message: () =>
      'Die Anfrage kam nicht von dieser Seite und wurde abgelehnt (Schutz vor gefälschten Anfragen). Bitte laden Sie das Formular neu. Es wurde nichts gespeichert.',
  },
  DM_BAD_REQUEST: { status: 400, exitCode: 3, message: (p) => `Die Anfrage ist fehlerhaft: ${p.detail} Es wurde nichts gespeichert.` },
  DM_BODY_TOO_LARGE: {
    status: 413,
    exitCode: 3,
    message: (p) => `Die Anfrage ist zu groß (erlaubt sind höchstens ${p.detail}). Es wurde nichts gespeichert.`,
  },
  DM_METHOD_NOT_ALLOWED: {
    status: 405,
    exitCode: 2,
    message: (p) => `Die Methode ${p.detail} ist für diese Adresse nicht erlaubt.`,
  },
  DM_WEIGHTING_IMPOSSIBLE: {
    status: 409,
    exitCode: 5,
    message: (p) => `Gewichtung nicht möglich: ${p.detail}`,
  },
  DM_WAVE_NOT_CLOSED: {
    status: 409,
    exitCode: 5,
    message: (p) => `Welle „${p.wave}“ ist nicht geschlossen: veröffentlicht wird erst nach „wave close“.`,
  },
  DM_REPORT_NOT_PUBLIC: {
    status: 403,
    exitCode: 5,
    message: (p) => `Bericht, Ergebnisse und offene Daten der Welle „${p.wave}“ werden erst nach Abschluss der Befragung veröffentlicht.`,
  },
  DM_USER_EXISTS: { status: 409, exitCode: 5, message: (p) => `Ein Konto für „${p.email}“ gibt es bereits.` },
  DM_USER_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `Ein Konto für „${p.email}“ gibt es nicht.` },
  DM_USER_EMAIL_INVALID: { status: 400, exitCode: 3, message: (p) => `„${p.email}“ ist keine gültige E-Mail-Adresse.` },
  DM_PASSWORD_INVALID: { status: 400, exitCode: 3, message: (p) => `Passwort ungültig: ${p.detail}` },
  DM_LOGIN_FAILED: {
    status: 401,
    exitCode: 5,
    message: () => 'E-Mail-Adresse, Passwort oder Bestätigungscode ist falsch, oder das Konto ist gesperrt. Bitte erneut versuchen.',
  },
  DM_LOGIN_REQUIRED: { status: 401, exitCode: 2, message: () => 'Bitte melden Sie sich zuerst an (/anmelden).' },
  DM_FORBIDDEN: {
    status: 403,
    exitCode: 2,
    message: (p) => `Für diese Seite oder Aktion fehlt Ihrem Konto die Berechtigung${p.role === undefined ? '' : ` (nötig: Rolle „${p.role}“)`}.`,
  },
  DM_TOTP_INVALID: {
    status: 400,
    exitCode: 3,
    message: () =>
      'Der Bestätigungscode ist falsch, abgelaufen oder wurde schon benutzt. Bitte den aktuellen 6-stelligen Code aus der Authenticator-App eingeben. Es wurde nichts geändert.',
  },
  DM_ACCOUNT_LOCKED: {
    status: 429,
    exitCode: 2,
    message: (p) => `Zu viele falsche Codes in Folge: Das Konto ist vorübergehend gesperrt. Bitte in ${p.minutes} Minuten erneut versuchen. Es wurde nichts geändert.`,
  },
  DM_TWO_FACTOR_ACTIVE: { status: 409, exitCode: 5, message: () => 'Die Zwei-Faktor-Anmeldung ist für dieses Konto bereits eingeschaltet. Es wurde nichts geändert.' },
  DM_SECRET_KEY_MISSING: {
    status: 503,
    exitCode: 2,
    message: () =>
      'Die Zwei-Faktor-Geheimnisse sind verschlüsselt gespeichert, aber DIGITALMONITOR_SECRET_KEY ist nicht gesetzt. Den Schlüssel setzen, mit dem sie verschlüsselt wurden, oder die Zwei-Faktor-Anmeldung mit „user reset-2fa <e-mail>“ zurücksetzen.',
  },
  DM_SECRET_KEY_MISMATCH: {
    status: 503,
    exitCode: 2,
    message: () =>
      'Das Zwei-Faktor-Geheimnis lässt sich mit DIGITALMONITOR_SECRET_KEY nicht entschlüsseln (anderer Schlüssel als beim Einrichten, oder die Daten wurden verändert). Den ursprünglichen Schlüssel setzen oder die Zwei-Faktor-Anmeldung mit „user reset-2fa <e-mail>“ zurücksetzen.',
  },
  DM_TWO_FACTOR_INACTIVE: {
    status: 409,
    exitCode: 5,
    message: () => 'Die Zwei-Faktor-Anmeldung ist für dieses Konto nicht (mehr) in Einrichtung oder nicht eingeschaltet. Bitte die Seite neu laden. Es wurde nichts geändert.',
  },
  DM_PROFILE_AGS_INVALID: {
    status: 404,
    exitCode: 3,
    message: (p) => `AGS „${p.detail}“ ist ungültig: erwartet werden 8 Ziffern (Kreise: Kreisschlüssel und 000).`,
  },
  DM_PROFILE_NOT_RESPONDED: {
    status: 404,
    exitCode: 4,
    message: (p) => `Für ${p.detail} gibt es in Welle „${p.wave}“ keinen abgeschickten Fragebogen – ein Digitalprofil gibt es nur für teilnehmende Kommunen.`,
  },
  DM_PROFILE_NOT_IN_REGISTER: {
    status: 409,
    exitCode: 5,
    message: (p) =>
      `Die Kommune mit dem AGS ${p.detail} hat in Welle „${p.wave}“ geantwortet, fehlt aber im Gemeindeverzeichnis: Ohne Land, Größenklasse und Gebietsart gibt es keine Vergleichsgruppen. Ein Gemeindeverzeichnis mit dieser Kommune einlesen (import-register).`,
  },
  DM_PROFILE_TOO_FEW: {
    status: 409,
    exitCode: 5,
    message: (p) =>
      `In Welle „${p.wave}“ ${Number(p.count) === 1 ? 'hat erst 1 Kommune' : `haben erst ${p.count} Kommunen`} geantwortet. Digitalprofile mit Vergleichswerten gibt es ab ${p.detail} Antworten, damit keine einzelne Kommune erkennbar wird. Bitte später erneut versuchen.`,
  },
  DM_PROFILE_NO_SCORING: {
    status: 409,
    exitCode: 5,
    message: (p) => `Für die Fragebogen-Version „${p.version}“ ist keine Bewertung für das Digitalprofil festgelegt (src/profile/scoring.ts).`,
  },
  DM_MAIL_FAILED: { status: 502, exitCode: 1, message: (p) => `E-Mail-Versand fehlgeschlagen: ${p.detail}` },
  DM_MAIL_NOT_CONFIGURED: {
    status: 409,
    exitCode: 2,
    message: () => 'Für den E-Mail-Versand fehlt SMTP_URL (z. B. smtp://benutzer:passwort@mail.example.de:587).',
  },
  DM_CONTACTS_INVALID: { status: 422, exitCode: 3, message: (p) => `Kontaktdatei abgelehnt: ${p.detail} Es wurde nichts versandt.` },
  DM_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `Nicht gefunden: ${p.path}` },
  DM_BACKUP_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Die Datei ${p.path} ist keine vollständige Sicherung des Digitalmonitors (${p.detail}). Es wurde nichts geändert.`,
  },
  DM_BACKUP_VERSION: {
    status: 409,
    exitCode: 5,
    message: (p) =>
      `Die Sicherung passt nicht zu dieser Datenbank: sie hat den Stand „${p.found}“, die Datenbank „${p.expected}“. Bitte mit derselben Version des Digitalmonitors zurückspielen. Es wurde nichts geändert.`,
  },
  DM_BACKUP_TARGET_NOT_EMPTY: {
    status: 409,
    exitCode: 5,
    message: (p) =>
      `Zurückspielen nur in eine leere Datenbank: die Tabelle „${p.table}“ enthält ${p.rows} Zeilen. Bitte einen neuen Datenordner (--db) oder eine leere Datenbank angeben. Es wurde nichts geändert.`,
  },
  DM_AUDIT_CHAIN_BROKEN: {
    status: 409,
    exitCode: 5,
    message: (p) => `Das Protokoll wurde verändert: ${p.detail}`,
  },
  DM_TREND_WAVE_TWICE: {
    status: 400,
    exitCode: 3,
    message: (p) => `Welle „${p.wave}“ ist in --waves mehrfach genannt; jede Welle darf nur einmal vorkommen.`,
  },
  DM_TREND_NO_MAPPING: {
    status: 409,
    exitCode: 5,
    message: (p) => `Wellen nicht vergleichbar: ${p.detail}`,
  },
  DM_INSTRUMENT_FILE_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Fragebogen-Datei ${p.file} ist ungültig: ${p.count} Fehler. Es wurde nichts gespeichert.`,
  },
  DM_INSTRUMENT_VERSION_EXISTS: {
    status: 409,
    exitCode: 5,
    message: (p) => `Fragebogen-Version „${p.version}“ gibt es bereits; veröffentlichte Versionen sind unveränderlich. Bitte eine neue Versionskennung wählen.`,
  },
  DM_API_KEY_INVALID: {
    status: 401,
    exitCode: 2,
    message: () => 'Der API-Schlüssel fehlt, ist unbekannt, abgelaufen oder widerrufen. Bitte „Authorization: Bearer <Schlüssel>“ mit einem gültigen Schlüssel senden (digitalmonitor apikey create).',
  },
  DM_API_KEY_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `API-Schlüssel Nr. ${p.detail} gibt es nicht.` },
  DM_API_KEY_INPUT: { status: 400, exitCode: 3, message: (p) => `API-Schlüssel ungültig: ${p.detail}` },
  DM_API_ROUTE_UNKNOWN: { status: 404, exitCode: 4, message: (p) => `Die Adresse ${p.path} gibt es in der JSON-API nicht. Alle Vorgänge stehen unter /api/docs.` },
  DM_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    exitCode: 3,
    message: (p) => `Falscher Inhaltstyp: erwartet wird ${p.detail}. Es wurde nichts gespeichert.`,
  },
  DM_REQUEST_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Anfrage abgelehnt: ${p.count} Fehler (${p.detail}). Es wurde nichts gespeichert.`,
  },
  DM_LSS_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Die Datei ist keine LimeSurvey-Umfragestruktur (.lss): ${p.detail} Es wurde nichts gespeichert.`,
  },
  DM_SURVEYJS_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Die Datei ist keine SurveyJS-Formulardefinition (JSON): ${p.detail} Es wurde nichts gespeichert.`,
  },
  DM_INSTRUMENT_NOTHING_MAPPED: {
    status: 422,
    exitCode: 3,
    message: (p) => `Aus ${p.file} konnte keine einzige Frage übernommen werden (${p.count} Hinweise im Bericht). Es wurde nichts gespeichert.`,
  },
  DM_LIMESURVEY_MAPPING_INVALID: {
    status: 422,
    exitCode: 3,
    message: (p) => `Zuordnungsdatei ${p.file} ist ungültig: ${p.count} Fehler. Es wurde nichts geschrieben.`,
  },
  DM_NOT_IN_TARGET: {
    status: 422,
    exitCode: 3,
    message: (p) => `${p.detail} gehört nicht zur Zielgruppe der Welle „${p.wave}“; eingeladen werden nur Kommunen der Zielgruppe (wave target). Es wurde nichts gespeichert.`,
  },
  DM_INTERNAL: { status: 500, exitCode: 1, message: () => 'Interner Fehler. Details stehen im Server-Protokoll.' },
} as const satisfies Record<string, ErrorSpec>;

function statusDe(status: string | number | undefined): string {
  return ({ draft: 'Entwurf', open: 'offen', closed: 'geschlossen' } as Record<string, string>)[String(status)] ?? String(status);
}

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure with a stable code, a German message, and (for input errors) the issues behind it. */
export class DmError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly exitCode: number;
  readonly issues: readonly Issue[];
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, issues: readonly Issue[] = []) {
    const spec: ErrorSpec = ERROR_CODES[code];
    super(spec.message(params));
    this.name = 'DmError';
    this.code = code;
    this.status = spec.status;
    this.exitCode = spec.exitCode;
    this.issues = issues;
    this.params = params;
  }
}

export function dmError(
  code: ErrorCode,
  params: Readonly<Record<string, string | number>> = {},
  issues: readonly Issue[] = [],
): DmError {
  return new DmError(code, params, issues);
}
