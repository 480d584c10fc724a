// The JSON API's shapes as zod schemas: they validate the requests and are the only source of the
// OpenAPI document (openapi-document.ts). Responses are described by the same means.
import { z } from 'zod';
import { LimeSurveyMappingSchema } from '../../formats/limesurvey-mapping.js';

export const WaveIdParam = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/).describe('Kennung der Welle');
export const AgsParam = z.string().regex(/^\d{8}$/).describe('Amtlicher Gemeindeschlüssel (8 Ziffern)');

export const WaveParams = z.strictObject({ wave: WaveIdParam });
export const ProfileParams = z.strictObject({ wave: WaveIdParam, ags: AgsParam });
export const ExportParams = z.strictObject({ wave: WaveIdParam, format: z.enum(['csv-excel', 'xlsx']).describe('Exportformat') });

const Flag = z.enum(['true', 'false', '1', '0']);

export const PageQuery = z.strictObject({
  limit: z.string().regex(/^\d{1,4}$/).optional().describe('höchstens so viele Einträge (1–1000, Vorgabe 100)'),
  offset: z.string().regex(/^\d{1,9}$/).optional().describe('so viele Einträge überspringen (Vorgabe 0)'),
});
export const AnalysisQuery = z.strictObject({
  weighted: Flag.optional().describe('gewichtet (Raking auf das Gemeindeverzeichnis)'),
  by: z.string().max(500).optional().describe('weitere Gruppierungen, durch Komma getrennt (wie analyze --by)'),
});
export const ExportQuery = z.strictObject({
  weighted: Flag.optional().describe('mit Gewichtungsvariable'),
  intern: Flag.optional().describe('mit Freitexten und E-Mail-Adressen (nur Admin)'),
});
export const NoQuery = z.strictObject({});

export const WaveCreateBody = z.strictObject({
  id: z.string().max(40).describe('1–40 Zeichen aus Kleinbuchstaben, Ziffern, „-“ und „_“'),
  title: z.string().min(1).max(200),
  instrumentVersion: z.string().min(1).max(40).describe('Fragebogen-Version, z. B. „2019“'),
  opens: z.string().max(40).optional().describe('Beginn: JJJJ-MM-TT (Berliner Tag) oder ISO-Zeitstempel'),
  closes: z.string().max(40).optional().describe('Ende: JJJJ-MM-TT (Berliner Tag, einschließlich) oder ISO-Zeitstempel'),
});
export const WaveStatusBody = z.strictObject({ status: z.enum(['open', 'closed']).describe('öffnen, schließen oder wieder öffnen') });

export const Timestamp = z.string().describe('ISO-8601-Zeitstempel');
export const Page = z.strictObject({ limit: z.int(), offset: z.int(), total: z.int() });

export const WaveSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  instrumentVersion: z.string(),
  opensAt: Timestamp.nullable(),
  closesAt: Timestamp.nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  demo: z.boolean(),
  minCellCount: z.int(),
  target: z
    .strictObject({
      unitTypes: z.array(z.string()).optional(),
      stateCodes: z.array(z.string()).optional(),
      sizeClasses: z.array(z.string()).optional(),
      ags: z.array(z.string()).optional(),
    })
    .nullable(),
  createdAt: Timestamp,
  publishedAt: Timestamp.nullable().describe('seit wann die öffentlichen Ergebnisse gelten (erstes Schließen oder „wave publish“); null davor'),
});
export const WaveListSchema = z.strictObject({ items: z.array(WaveSchema), page: Page });
export const RepublicationSchema = z.strictObject({
  wave: WaveSchema,
  previous: Timestamp.nullable().describe('Stand der ersetzten Veröffentlichung'),
  warning: z.string().describe('was die Öffentlichkeit aus dem Unterschied der Fassungen ablesen kann'),
});

export const RegisterInfoSchema = z.strictObject({
  referenceDate: z.string(),
  populationDate: z.string(),
  source: z.string(),
  importedAt: Timestamp,
  unitCount: z.int(),
  syntheticCount: z.int(),
});

export const ImportResultSchema = z.strictObject({ rows: z.int(), inserted: z.int(), updated: z.int() });
export const LimeSurveyImportBody = z.strictObject({
  csv: z.string().describe('der LimeSurvey-Antwortexport als Text (CSV, Überschriften „Fragecode“, Antworten „Antwortcodes“)'),
  mapping: LimeSurveyMappingSchema,
});
export const LimeSurveyImportResultSchema = z.strictObject({
  rows: z.int(),
  inserted: z.int(),
  updated: z.int(),
  skipped: z.int().describe('übersprungene unvollständige Antworten (leeres submitdate)'),
});

export const ResultsDocumentSchema = z
  .looseObject({ wave: z.string(), n: z.int(), weighted: z.boolean(), tables: z.array(z.looseObject({})) })
  .describe('Ergebnisdokument (vollständiges Schema: docs/results-document.schema.json)');

export const ReportSchema = z
  .looseObject({ title: z.string(), wave: z.string(), demo: z.boolean(), period: z.string().nullable(), statements: z.array(z.unknown()), figures: z.array(z.looseObject({})) })
  .describe('Bericht als JSON (wie „digitalmonitor report --format json“)');

export const ProfileSchema = z
  .looseObject({
    wave: z.looseObject({}),
    scoring: z.string(),
    unit: z.looseObject({ ags: z.string(), name: z.string() }),
    respondents: z.int(),
    scores: z.array(z.looseObject({})),
  })
  .describe('Digitalprofil einer Kommune (wie „digitalmonitor profile --format json“)');

const RateRowSchema = z.strictObject({ key: z.string(), invited: z.int(), started: z.int(), submitted: z.int() });
export const MonitoringSchema = z.strictObject({
  wave: z.string(),
  total: RateRowSchema,
  byState: z.array(RateRowSchema),
  bySizeClass: z.array(RateRowSchema),
  units: z.array(
    z.strictObject({
      ags: z.string(),
      name: z.string().nullable(),
      stateCode: z.string().nullable(),
      sizeClass: z.string().nullable(),
      invitedAt: Timestamp,
      status: z.enum(['not_started', 'in_progress', 'submitted']),
      lastActivity: Timestamp.nullable(),
    }),
  ),
  page: Page,
});

export const ApiErrorSchema = z.strictObject({
  code: z.string().describe('stabiler Fehlercode (docs/errors.md)'),
  message: z.string().describe('deutsche Meldung'),
  issues: z.array(
    z.strictObject({
      code: z.string(),
      path: z.array(z.union([z.string(), z.int()])).describe('Feldpfad bzw. [Zeile, Spalte]'),
      message: z.string(),
    }),
  ),
});

const AgsList = z.array(AgsParam).min(1).max(20_000);
export const InvitationsBody = z.strictObject({
  ags: AgsList.optional().describe('nur diese Kommunen (müssen zur Zielgruppe gehören); ohne: alle der Zielgruppe ohne aktive Einladung'),
  reissue: z.boolean().optional().describe('neu ausstellen: ohne ags allen der Zielgruppe, mit ags diesen (sie brauchen eine aktive Einladung); alte Codes werden ungültig'),
});
export const RevokeInvitationsBody = z.strictObject({ ags: AgsList.describe('Kommunen, deren aktive Einladung widerrufen wird') });
export const InvitationsIssuedSchema = z.strictObject({
  issued: z.int(),
  revoked: z.int().describe('alte Codes, die durch neue ungültig wurden'),
  active: z.int().describe('aktive Einladungen der Welle danach'),
  letters: z
    .array(z.strictObject({ ags: z.string(), name: z.string(), link: z.string(), code: z.string() }))
    .describe('die neuen Codes mit persönlichem Link – nur in dieser Antwort, gespeichert wird nur ein Hash'),
});
export const InvitationListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      ags: z.string(),
      name: z.string().nullable(),
      issuedAt: Timestamp,
      revokedAt: Timestamp.nullable(),
      status: z.enum(['active', 'revoked']),
    }),
  ),
  page: Page,
});
export const RevokedSchema = z.strictObject({ revoked: z.int() });
