// API operations on waves, the register and response imports (the CLI's wave, import-register info and
// import-responses).
import { dmError } from '../../errors.js';
import { importLimeSurveyResponses } from '../../tasks/import-limesurvey-responses.js';
import { importResponses } from '../../tasks/import-responses.js';
import { republicationWarning, republishWave } from '../../tasks/publication.js';
import { MAX_IMPORT_BYTES } from '../../tasks/read-csv-file.js';
import { createWave, requireWave, setWaveStatus } from '../../tasks/waves.js';
import { apiOperation, type ApiOperation } from './api-operation.js';
import { pageOf } from './page-of.js';
import {
  ImportResultSchema,
  LimeSurveyImportBody,
  LimeSurveyImportResultSchema,
  NoQuery,
  PageQuery,
  RegisterInfoSchema,
  RepublicationSchema,
  WaveCreateBody,
  WaveListSchema,
  WaveParams,
  WaveSchema,
  WaveStatusBody,
} from './api-schemas.js';
import { z } from 'zod';

const NoParams = z.strictObject({});

export const WAVE_OPERATIONS: readonly ApiOperation[] = [
  apiOperation({
    id: 'listWaves',
    method: 'get',
    path: '/v1/waves',
    summary: 'Wellen auflisten',
    description: 'Alle Wellen wie bei „digitalmonitor wave list“, seitenweise mit limit und offset.',
    role: 'analyst',
    params: NoParams,
    query: PageQuery,
    success: { status: 200, schema: WaveListSchema, description: 'eine Seite der Wellen' },
    handle: async ({ deps, query }) => {
      const { items, page } = pageOf(await deps.store.listWaves(), query);
      return { items, page };
    },
  }),
  apiOperation({
    id: 'createWave',
    method: 'post',
    path: '/v1/waves',
    summary: 'Welle anlegen (Entwurf)',
    role: 'analyst',
    params: NoParams,
    query: NoQuery,
    body: { kind: 'json', schema: WaveCreateBody },
    success: { status: 201, schema: WaveSchema, description: 'die angelegte Welle' },
    handle: ({ deps, body }) => createWave(deps.store, body),
  }),
  apiOperation({
    id: 'getWave',
    method: 'get',
    path: '/v1/waves/:wave',
    summary: 'Eine Welle',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    success: { status: 200, schema: WaveSchema, description: 'die Welle' },
    handle: ({ deps, params }) => requireWave(deps.store, params.wave),
  }),
  apiOperation({
    id: 'setWaveStatus',
    method: 'post',
    path: '/v1/waves/:wave/status',
    summary: 'Welle öffnen, schließen oder wieder öffnen',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    body: { kind: 'json', schema: WaveStatusBody },
    success: { status: 200, schema: WaveSchema, description: 'die Welle mit neuem Status' },
    handle: ({ deps, params, body, user }) => setWaveStatus(deps.store, params.wave, body.status, `user:${user.email}`),
  }),
  apiOperation({
    id: 'publishWave',
    method: 'post',
    path: '/v1/waves/:wave/publish',
    summary: 'Öffentliche Ergebnisse neu veröffentlichen',
    description:
      'Wie „digitalmonitor wave publish“: Bericht, Datenexplorer und offene Daten einer geschlossenen Welle zeigen den Stand ihres ersten Schließens; dies ersetzt ihn durch die jetzt abgeschickten Antworten (ohne Körper). Nur für geschlossene Wellen (sonst 409 DM_WAVE_NOT_CLOSED).',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    success: { status: 200, schema: RepublicationSchema, description: 'die Welle, der ersetzte Stand und die Warnung' },
    handle: async ({ deps, params, user }) => {
      const republication = await republishWave(deps.store, params.wave, `user:${user.email}`);
      return { ...republication, warning: republicationWarning(republication) };
    },
  }),
  apiOperation({
    id: 'getRegister',
    method: 'get',
    path: '/v1/register',
    summary: 'Stand des Gemeindeverzeichnisses',
    role: 'analyst',
    params: NoParams,
    query: NoQuery,
    success: { status: 200, schema: RegisterInfoSchema, description: 'Stichtag, Quelle und Zahl der Einheiten' },
    handle: async ({ deps }) => {
      const info = await deps.store.registerInfo();
      if (!info) throw dmError('DM_REGISTER_EMPTY');
      return info;
    },
  }),
  apiOperation({
    id: 'importResponses',
    method: 'post',
    path: '/v1/waves/:wave/responses',
    summary: 'Antworten importieren (flache CSV)',
    description:
      'Körper: die flache CSV wie bei „digitalmonitor import-responses“ (Content-Type text/csv, höchstens 20 MB). Alles oder nichts: bei Fehlern 422 mit jeder Zeile und Spalte in issues.',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    body: { kind: 'csv', maxBytes: MAX_IMPORT_BYTES },
    success: { status: 200, schema: ImportResultSchema, description: 'Zeilen, neu angelegt, ersetzt' },
    handle: ({ deps, params, body, user }) =>
      importResponses(deps.store, { waveId: params.wave, bytes: body, fileName: 'Anfrage', actor: `user:${user.email}` }),
  }),
  apiOperation({
    id: 'importLimeSurveyResponses',
    method: 'post',
    path: '/v1/waves/:wave/responses/limesurvey',
    summary: 'Antworten aus einem LimeSurvey-Export importieren (mit Zuordnung)',
    description:
      'Wie „digitalmonitor import-responses --from limesurvey --mapping …“: JSON mit csv (der Export als Text) und mapping (die Zuordnung, Schema docs/limesurvey-mapping.schema.json); höchstens 20 MB. Alles oder nichts: bei Fehlern 422 mit Zeile und LimeSurvey-Spalte bzw. dem Feld der Zuordnung in issues.',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    body: { kind: 'json', schema: LimeSurveyImportBody, maxBytes: MAX_IMPORT_BYTES },
    success: { status: 200, schema: LimeSurveyImportResultSchema, description: 'Zeilen, neu angelegt, ersetzt, übersprungen' },
    handle: ({ deps, params, body, user }) =>
      importLimeSurveyResponses(deps.store, {
        waveId: params.wave,
        bytes: new TextEncoder().encode(body.csv),
        mapping: body.mapping,
        fileName: 'Anfrage (csv)',
        mappingName: 'Anfrage (mapping)',
        actor: `user:${user.email}`,
      }),
  }),
];
