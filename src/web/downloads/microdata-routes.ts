// Microdata downloads for analysts (issue 8) under /verwaltung/wellen/:wave/export: the export formats of
// `digitalmonitor export`, folders as ZIP. `?intern=1` (with identifiers) and the flat CSV only for admins.
import { zipSync } from 'fflate';
import { Hono } from 'hono';
import { dmError } from '../../errors.js';
import type { ExportFile } from '../../formats/export-dataset.js';
import type { Store } from '../../store/store.js';
import { DEFAULT_OPEN_DATA } from '../../tasks/export-open-data.js';
import { exportWave, FOLDER_FORMATS, isExportFormat, type ExportFormat } from '../../tasks/export-wave.js';
import { requireWave } from '../../tasks/waves.js';
import { hasRole } from '../../tasks/analyst-accounts.js';
import { type AnalystEnv, requireRole } from '../analyst/require-role.js';
import { type ExportLink, microdataPage } from './download-pages.js';

const WAVE = ':wave{[a-z0-9_-]{1,40}}';
const LABELS: Readonly<Record<Exclude<ExportFormat, 'opendata'>, string>> = {
  'csv-excel': 'CSV für deutsches Excel',
  xlsx: 'Excel-Arbeitsmappe (XLSX)',
  spss: 'SPSS (ZIP: daten.csv, daten.sps)',
  r: 'R (ZIP: daten.csv, daten.R)',
  codebook: 'Codebuch (ZIP: HTML und JSON)',
  csv: 'Flache CSV zum Wiedereinlesen (mit Entwürfen; Freitexte nur in der internen Fassung)',
};
const TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export function microdataRoutes({ store, baseUrl }: { readonly store: Store; readonly baseUrl?: string | undefined }): Hono<AnalystEnv> {
  const app = new Hono<AnalystEnv>();
  app.get(`/wellen/${WAVE}/export`, requireRole('analyst'), async (c) => {
    const wave = await requireWave(store, c.req.param('wave'));
    const admin = hasRole(c.var.analyst!, 'admin');
    const base = `/verwaltung/wellen/${encodeURIComponent(wave.id)}/export`;
    const links: ExportLink[] = (Object.keys(LABELS) as (keyof typeof LABELS)[])
      .flatMap((format) => [
        { href: `${base}/${format}`, label: LABELS[format] },
        ...(format !== 'csv' ? [{ href: `${base}/${format}?weighted=1`, label: `${LABELS[format]}, mit Gewicht` }] : []),
        ...(admin && format !== 'codebook' ? [{ href: `${base}/${format}?intern=1`, label: `${LABELS[format]}, intern mit Identifikatoren` }] : []),
      ]);
    return c.html(microdataPage(c.var.analyst!, wave, links));
  });
  app.get(`/wellen/${WAVE}/export/:format`, requireRole('analyst', 'download'), async (c) => {
    const format = c.req.param('format');
    if (!isExportFormat(format) || format === 'opendata') throw dmError('DM_NOT_FOUND', { path: c.req.path });
    const intern = c.req.query('intern') === '1';
    // Direct identifiers (free text, e-mail) only for admins; every format leaves them out otherwise.
    if (intern && !hasRole(c.var.analyst!, 'admin')) throw dmError('DM_FORBIDDEN', { role: 'admin' });
    const output = await exportWave(store, {
      waveId: c.req.param('wave'),
      format,
      intern,
      actor: `user:${c.var.analyst!.email}`,
      weighted: c.req.query('weighted') === '1',
      openData: { ...DEFAULT_OPEN_DATA, baseUrl: (baseUrl ?? new URL(c.req.url).origin).replace(/\/$/, '') },
    });
    const name = `${c.req.param('wave')}-${format}${intern ? '-intern' : ''}`;
    if (FOLDER_FORMATS.includes(format)) return send(c, zip(output.files), `${name}.zip`, TYPES.zip!);
    const [file] = output.files;
    return send(c, file!.data, `${name}.${format === 'xlsx' ? 'xlsx' : 'csv'}`, format === 'xlsx' ? TYPES.xlsx! : TYPES.csv!);
  });
  return app;
}

function zip(files: readonly ExportFile[]): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((file) => [file.name, typeof file.data === 'string' ? encoder.encode(file.data) : file.data])));
}

function send(c: { body: (data: string | ArrayBuffer, status: 200, headers: Record<string, string>) => Response }, data: string | Uint8Array, filename: string, type: string): Response {
  const body = typeof data === 'string' ? data : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` });
}
