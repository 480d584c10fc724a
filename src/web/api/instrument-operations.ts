// API operations on questionnaire versions, trends between waves and the register (the CLI's
// `instrument`, `instrument import`, `analyze --waves` and `import-register`).
import { z } from 'zod';
import { instrumentToSurveyJs } from '../../formats/surveyjs-json.js';
import { INSTRUMENT_VERSIONS, instrumentByVersion } from '../../instrument/instrument-by-version.js';
import type { InstrumentVersion } from '../../instrument/instrument-file.js';
import { analyzeTrendOfWaves } from '../../tasks/analyze-trend.js';
import { DESTATIS_SOURCE, importRegister } from '../../tasks/import-register.js';
import { importInstrumentFile, requireInstrument } from '../../tasks/instrument-files.js';
import { MAX_IMPORT_BYTES } from '../../tasks/read-csv-file.js';
import { type ApiIssue, RequestInvalid } from './api-error.js';
import { apiOperation, type ApiOperation } from './api-operation.js';
import { NoQuery, Page, PageQuery, Timestamp, WaveIdParam } from './api-schemas.js';
import { pageOf } from './page-of.js';

const NoParams = z.strictObject({});
const VersionParams = z.strictObject({ version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/).describe('Fragebogen-Version, z. B. „2019“') });
/** An instrument file of several languages and a long comparability map stays far below this. */
const MAX_INSTRUMENT_BYTES = 1024 * 1024;

const InstrumentSummarySchema = z.strictObject({
  version: z.string(),
  title: z.string(),
  questions: z.int(),
  builtIn: z.boolean().describe('mit dem Produkt ausgeliefert (2019) statt importiert'),
  importedAt: Timestamp.nullable(),
  importedBy: z.string().nullable(),
});
const InstrumentListSchema = z.strictObject({ items: z.array(InstrumentSummarySchema), page: Page });
const InstrumentSchema = z
  .looseObject({ version: z.string(), title: z.string(), sections: z.array(z.looseObject({})) })
  .describe('Fragebogen-Version (vollständiges Schema: docs/instrument.schema.json)');
const SurveyJsSchema = z.looseObject({ pages: z.array(z.looseObject({})) }).describe('SurveyJS-Fragebogen (survey-core)');
const InstrumentBody = z
  .looseObject({ version: z.string().max(40) })
  .describe('eine Fragebogen-Datei wie bei „digitalmonitor instrument import“ (docs/instrument.schema.json)');
const ImportedSchema = z.strictObject({ version: z.string(), questions: z.int(), derived: z.int() });

const TrendQuery = z.strictObject({
  waves: z.string().min(1).max(500).describe('zwei oder mehr Wellen, älteste zuerst, durch Komma getrennt (wie analyze --waves)'),
  by: z.string().max(500).optional().describe('weitere Gruppierungen, durch Komma getrennt'),
  weighted: z.enum(['true', 'false', '1', '0']).optional().describe('gewichtet wie analyze --waves … --weighted: jede Welle auf ihre Registerränder geraked, Rao-Scott-Test'),
});
const TrendSchema = z
  .looseObject({ waves: z.array(z.looseObject({ wave: z.string(), n: z.int() })), trends: z.array(z.looseObject({})), not_comparable: z.array(z.looseObject({})) })
  .describe('Trend-Dokument (wie „digitalmonitor analyze --waves … --json“; Schema: docs/results-document.schema.json)');

const DateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const RegisterBody = z.strictObject({
  gemeinden: z.string().min(1).describe('Inhalt der gemeinden.csv (Format von data/gemeinden.csv)'),
  kreise: z.string().min(1).optional().describe('Inhalt der kreise.csv'),
  referenceDate: DateField.optional().describe('Gebietsstand, JJJJ-MM-TT (Vorgabe 2024-12-31)'),
  populationDate: DateField.optional().describe('Stichtag der Einwohnerzahlen, JJJJ-MM-TT (Vorgabe 2023-12-31)'),
  source: z.string().min(1).max(500).optional().describe('Quellenangabe (Vorgabe: Destatis GV-ISys)'),
});
const RegisterImportedSchema = z.strictObject({
  units: z.int(),
  districts: z.int(),
  changes: z.strictObject({ added: z.int(), removed: z.int(), changed: z.int() }).describe('gegenüber dem ersetzten Verzeichnis (je AGS; Demo-Einheiten zählen nicht)'),
});

const list = (text: string | undefined) => (text ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
const questionCount = (instrument: InstrumentVersion) => instrument.sections.reduce((sum, section) => sum + section.questions.length, 0);

export const INSTRUMENT_OPERATIONS: readonly ApiOperation[] = [
  apiOperation({
    id: 'listInstruments',
    method: 'get',
    path: '/v1/instruments',
    summary: 'Fragebogen-Versionen auflisten',
    description: 'Die ausgelieferten (2019) und die importierten Versionen, seitenweise mit limit und offset.',
    role: 'analyst',
    params: NoParams,
    query: PageQuery,
    success: { status: 200, schema: InstrumentListSchema, description: 'die Versionen, ausgelieferte zuerst, dann nach Importzeit' },
    handle: async ({ deps, query }) => {
      const builtIn = INSTRUMENT_VERSIONS.map((version) => {
        const instrument = instrumentByVersion(version)!;
        return { version, title: instrument.title, questions: questionCount(instrument), builtIn: true, importedAt: null, importedBy: null };
      });
      const imported = (await deps.store.instrumentVersions()).map((row) => {
        const instrument = row.document as InstrumentVersion;
        return { version: row.version, title: instrument.title, questions: questionCount(instrument), builtIn: false, importedAt: row.importedAt, importedBy: row.importedBy };
      });
      return pageOf([...builtIn, ...imported], query);
    },
  }),
  apiOperation({
    id: 'getInstrument',
    method: 'get',
    path: '/v1/instruments/:version',
    summary: 'Eine Fragebogen-Version',
    role: 'analyst',
    params: VersionParams,
    query: NoQuery,
    success: { status: 200, schema: InstrumentSchema, description: 'die Fragebogen-Datei' },
    handle: ({ deps, params }) => requireInstrument(deps.store, params.version),
  }),
  apiOperation({
    id: 'getInstrumentSurveyJs',
    method: 'get',
    path: '/v1/instruments/:version/surveyjs',
    summary: 'Eine Fragebogen-Version als SurveyJS-JSON',
    description: 'Wie „digitalmonitor instrument --format surveyjs“: lädt in survey-core und zeigt dieselben Fragen wie unser Formular.',
    role: 'analyst',
    params: VersionParams,
    query: NoQuery,
    success: { status: 200, schema: SurveyJsSchema, description: 'der Fragebogen im SurveyJS-Format' },
    handle: async ({ deps, params }) => instrumentToSurveyJs(await requireInstrument(deps.store, params.version)),
  }),
  apiOperation({
    id: 'importInstrument',
    method: 'post',
    path: '/v1/instruments',
    summary: 'Fragebogen-Version importieren',
    description:
      'Körper: eine Fragebogen-Datei (JSON, höchstens 1 MB). Sie wird wie bei „instrument validate“ geprüft; bei Fehlern 422 mit jedem JSON-Pfad in issues, und nichts wird gespeichert. Veröffentlichte Versionen sind unveränderlich (409).',
    role: 'analyst',
    params: NoParams,
    query: NoQuery,
    body: { kind: 'json', schema: InstrumentBody, maxBytes: MAX_INSTRUMENT_BYTES },
    success: { status: 201, schema: ImportedSchema, description: 'die neue Version' },
    handle: async ({ deps, body, user }) => {
      const result = await importInstrumentFile(deps.store, new TextEncoder().encode(JSON.stringify(body)), `user:${user.email}`);
      if (!result.ok) {
        const issues: ApiIssue[] = result.issues.map((issue) => ({ code: 'instrument_invalid', path: ['body', ...pointerParts(issue.path)], message: issue.message }));
        throw new RequestInvalid(issues, 'DM_INSTRUMENT_FILE_INVALID', { file: 'im Anfragekörper', count: issues.length });
      }
      const { version, derived } = result.instrument;
      return { version, questions: questionCount(result.instrument), derived: derived.length };
    },
  }),
  apiOperation({
    id: 'analyzeTrend',
    method: 'get',
    path: '/v1/trends',
    summary: 'Entwicklung zwischen Wellen (Trend-Dokument)',
    description: 'Wie „digitalmonitor analyze --waves a,b --json“: Anteile je Welle mit Intervallen, Test der Veränderung, Panel mit McNemar.',
    role: 'analyst',
    params: NoParams,
    query: TrendQuery,
    success: { status: 200, schema: TrendSchema, description: 'das Trend-Dokument' },
    handle: ({ deps, query }) => {
      const waveIds = list(query.waves);
      const invalid = waveIds.find((id) => !WaveIdParam.safeParse(id).success);
      if (invalid !== undefined) throw new RequestInvalid([{ code: 'invalid_format', path: ['query', 'waves'], message: `„${invalid}“ ist keine gültige Wellenkennung.` }]);
      return analyzeTrendOfWaves(deps.store, { waveIds, by: list(query.by), weighted: query.weighted === 'true' || query.weighted === '1' });
    },
  }),
  apiOperation({
    id: 'importRegister',
    method: 'post',
    path: '/v1/register',
    summary: 'Gemeindeverzeichnis laden oder ersetzen',
    description:
      'Wie „digitalmonitor import-register“: gemeinden.csv (und kreise.csv) als Text im JSON-Körper (höchstens 20 MB). Alle Zeilen oder keine; bei Fehlern 422 mit Zeile und Spalte in issues. Nur Administration.',
    role: 'admin',
    params: NoParams,
    query: NoQuery,
    body: { kind: 'json', schema: RegisterBody, maxBytes: MAX_IMPORT_BYTES },
    success: { status: 200, schema: RegisterImportedSchema, description: 'Zahl der Einheiten und der Landkreise, dazu was sich geändert hat' },
    handle: ({ deps, body, user }) =>
      importRegister(deps.store, {
        gemeinden: new TextEncoder().encode(body.gemeinden),
        kreise: body.kreise === undefined ? undefined : new TextEncoder().encode(body.kreise),
        referenceDate: body.referenceDate ?? '2024-12-31',
        populationDate: body.populationDate ?? '2023-12-31',
        source: body.source ?? DESTATIS_SOURCE,
        actor: `user:${user.email}`,
      }),
  }),
];

/** `/sections/1/questions/0` → ['sections', 1, 'questions', 0] (RFC 6901 unescaped). */
function pointerParts(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
