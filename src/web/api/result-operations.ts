// API operations that read results: analysis, report, Digitalprofil, monitoring and microdata exports
// (the CLI's analyze, report, profile, monitor and export).
import { dmError } from '../../errors.js';
import { hasRole } from '../../tasks/analyst-accounts.js';
import { analyzeCached } from '../../tasks/analyze-cached.js';
import { buildReport } from '../../tasks/build-report.js';
import { auditContactReads, loadDigitalProfile } from '../../tasks/build-profile.js';
import { DEFAULT_OPEN_DATA } from '../../tasks/export-open-data.js';
import { exportWave } from '../../tasks/export-wave.js';
import { waveMonitoring } from '../../tasks/wave-monitoring.js';
import { apiOperation, type ApiFile, type ApiJsonText, type ApiOperation } from './api-operation.js';
import {
  AnalysisQuery,
  ExportParams,
  ExportQuery,
  MonitoringSchema,
  NoQuery,
  PageQuery,
  ProfileParams,
  ProfileSchema,
  ReportSchema,
  ResultsDocumentSchema,
  WaveParams,
} from './api-schemas.js';
import { pageOf } from './page-of.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';
const on = (flag: string | undefined) => flag === 'true' || flag === '1';
// A cached results document is the same object on every hit: serialise it (about 2 MB for the demo wave) once.
const jsonTexts = new WeakMap<object, string>();
const jsonTextOf = (document: object): ApiJsonText => {
  const text = jsonTexts.get(document) ?? jsonTexts.set(document, JSON.stringify(document)).get(document)!;
  return { kind: 'json-text', text };
};

export const RESULT_OPERATIONS: readonly ApiOperation[] = [
  apiOperation({
    id: 'analyzeWave',
    method: 'get',
    path: '/v1/waves/:wave/analysis',
    summary: 'Auswertung einer Welle (Ergebnisdokument)',
    description: 'Wie „digitalmonitor analyze“: alle Tabellen, optional gewichtet und nach weiteren Merkmalen gruppiert.',
    role: 'analyst',
    params: WaveParams,
    query: AnalysisQuery,
    success: { status: 200, schema: ResultsDocumentSchema, description: 'das Ergebnisdokument' },
    handle: async ({ deps, params, query }) => {
      const by = (query.by ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
      return jsonTextOf(await analyzeCached(deps.store, { waveId: params.wave, by, weighted: on(query.weighted) }, deps.analysisThreads));
    },
  }),
  apiOperation({
    id: 'getReport',
    method: 'get',
    path: '/v1/waves/:wave/report',
    summary: 'Bericht einer Welle als JSON',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    success: { status: 200, schema: ReportSchema, description: 'Aussagen, Abbildungen und Karten des Berichts' },
    handle: async ({ deps, params }) => JSON.parse(await buildReport(deps.store, { waveId: params.wave, format: 'json' })) as unknown,
  }),
  apiOperation({
    id: 'getProfile',
    method: 'get',
    path: '/v1/waves/:wave/profiles/:ags',
    summary: 'Digitalprofil einer Kommune',
    role: 'analyst',
    params: ProfileParams,
    query: NoQuery,
    success: { status: 200, schema: ProfileSchema, description: 'das Digitalprofil' },
    handle: async ({ deps, params, user }) => {
      const profile = await loadDigitalProfile(deps.store, { waveId: params.wave, ags: params.ags });
      await auditContactReads(deps.store, profile, `user:${user.email}`);
      return profile;
    },
  }),
  apiOperation({
    id: 'getMonitoring',
    method: 'get',
    path: '/v1/waves/:wave/monitoring',
    summary: 'Rücklauf: eingeladene Kommunen mit Stand',
    description: 'Wie „digitalmonitor monitor“: Quoten gesamt, nach Land und Größenklasse; die Kommunen seitenweise (limit, offset).',
    role: 'analyst',
    params: WaveParams,
    query: PageQuery,
    success: { status: 200, schema: MonitoringSchema, description: 'Rücklaufquoten und eine Seite der eingeladenen Kommunen' },
    handle: async ({ deps, params, query }) => {
      const monitoring = await waveMonitoring(deps.store, params.wave);
      const { items, page } = pageOf(monitoring.units, query);
      return { wave: monitoring.wave.id, total: monitoring.total, byState: monitoring.byState, bySizeClass: monitoring.bySizeClass, units: items, page };
    },
  }),
  apiOperation({
    id: 'exportWave',
    method: 'get',
    path: '/v1/waves/:wave/exports/:format',
    summary: 'Mikrodaten herunterladen (CSV für deutsches Excel oder XLSX)',
    description: 'Wie „digitalmonitor export“. intern=true (mit Freitexten und E-Mail-Adressen) nur für Admin-Schlüssel.',
    role: 'analyst',
    params: ExportParams,
    query: ExportQuery,
    success: { status: 200, mediaTypes: [CSV, XLSX], description: 'die Datei (Content-Disposition: attachment)' },
    handle: async ({ deps, params, query, user, url }): Promise<ApiFile> => {
      const intern = on(query.intern);
      if (intern && !hasRole(user, 'admin')) throw dmError('DM_FORBIDDEN', { role: 'admin' });
      const baseUrl = (deps.baseUrl ?? new URL(url).origin).replace(/\/$/, '');
      const output = await exportWave(deps.store, { waveId: params.wave, format: params.format, intern, actor: `user:${user.email}`, weighted: on(query.weighted), openData: { ...DEFAULT_OPEN_DATA, baseUrl } });
      const xlsx = params.format === 'xlsx';
      const name = `${params.wave}-${params.format}${intern ? '-intern' : ''}.${xlsx ? 'xlsx' : 'csv'}`;
      return { kind: 'file', data: output.files[0]!.data, mediaType: xlsx ? XLSX : CSV, fileName: name };
    },
  }),
];
