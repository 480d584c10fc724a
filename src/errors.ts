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
  DM_REPORT_NOT_PUBLIC: {
    status: 403,
    exitCode: 5,
    message: (p) => `Der Bericht zur Welle „${p.wave}“ wird erst nach Abschluss der Befragung veröffentlicht.`,
  },
  DM_NOT_FOUND: { status: 404, exitCode: 4, message: (p) => `Nicht gefunden: ${p.path}` },
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
