// API operation for `instrument convert` / `instrument import --from lss|surveyjs` (issue 10 item 3): a
// LimeSurvey structure export or SurveyJS form as text in a JSON body, converted, validated, and stored only
// when asked to and valid.
import { z } from 'zod';
import { convertInstrument, importConvertedInstrument, INSTRUMENT_SOURCES, requireQuestions } from '../../tasks/convert-instrument.js';
import { type ApiIssue, RequestInvalid } from './api-error.js';
import { apiOperation, type ApiOperation } from './api-operation.js';
import { NoQuery } from './api-schemas.js';

/** Real .lss exports of large surveys reach a few MB. */
const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

const ConvertBody = z.strictObject({
  from: z.enum(INSTRUMENT_SOURCES).describe('Format der Quelle: „lss“ (LimeSurvey-Strukturexport) oder „surveyjs“ (SurveyJS-JSON)'),
  content: z.string().min(1).describe('Inhalt der Datei als Text (bei SurveyJS das JSON als Zeichenkette)'),
  version: z.string().max(40).describe('Kennung der neuen Fragebogen-Version'),
  previous: z.string().max(40).optional().describe('Vorgängerversion für die Vergleichbarkeit'),
  save: z.boolean().optional().describe('true: bei gültigem Ergebnis als neue Version speichern (sonst nur umwandeln und prüfen)'),
});

const FindingSchema = z.strictObject({ path: z.string(), feature: z.string(), reason: z.string() });
const ConvertedSchema = z.strictObject({
  version: z.string(),
  questions: z.int(),
  valid: z.boolean().describe('besteht die Prüfung wie „instrument validate“'),
  stored: z.boolean(),
  findings: z.array(FindingSchema).describe('Bericht: was nicht oder nur teilweise übernommen wurde, mit Grund'),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).describe('Prüffehler des Ergebnisses (JSON-Pfad, Meldung)'),
  instrument: z.looseObject({ version: z.string(), title: z.string(), sections: z.array(z.looseObject({})) }).describe('die umgewandelte Fragebogen-Datei zum Bearbeiten'),
});

export const INSTRUMENT_CONVERT_OPERATIONS: readonly ApiOperation[] = [
  apiOperation({
    id: 'convertInstrument',
    method: 'post',
    path: '/v1/instruments/convert',
    summary: 'Fragebogen aus LimeSurvey oder SurveyJS umwandeln (und importieren)',
    description:
      'Wie „digitalmonitor instrument convert“ bzw. „instrument import --from“: wandelt die Datei um und meldet alles nicht Übernommene mit Grund (findings). Mit "save": true wird eine gültige Version gespeichert („stored“: true); ist sie ungültig, 422 mit jedem JSON-Pfad, und nichts wird gespeichert. Keine LimeSurvey-/SurveyJS-Datei oder keine übernehmbare Frage: 422.',
    role: 'analyst',
    params: z.strictObject({}),
    query: NoQuery,
    body: { kind: 'json', schema: ConvertBody, maxBytes: MAX_SOURCE_BYTES },
    success: { status: 200, schema: ConvertedSchema, description: 'das umgewandelte Ergebnis mit Bericht (mit "save": true gespeichert)' },
    handle: async ({ deps, body, user }) => {
      const input = { from: body.from, bytes: new TextEncoder().encode(body.content), version: body.version, ...(body.previous ? { previous: body.previous } : {}) };
      const result = body.save ? await importConvertedInstrument(deps.store, input, `user:${user.email}`) : await convertInstrument(deps.store, input);
      requireQuestions(result, 'dem Anfragekörper');
      if (body.save && !result.check.ok) {
        const issues: ApiIssue[] = result.check.issues.map((issue) => ({ code: 'instrument_invalid', path: ['instrument', ...issue.path.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part))], message: issue.message }));
        throw new RequestInvalid(issues, 'DM_INSTRUMENT_FILE_INVALID', { file: 'aus dem Anfragekörper', count: issues.length });
      }
      return {
        version: body.version,
        questions: result.questions,
        valid: result.check.ok,
        stored: body.save === true && result.check.ok,
        findings: result.converted.findings,
        issues: result.check.ok ? [] : result.check.issues,
        instrument: result.converted.document,
      };
    },
  }),
];
