// `export --wave <id> --format …` (issue 8): one task for every format; the CLI and the web downloads
// call it and only write or send what it returns.
import { formatCodebookHtml } from '../formats/codebook-html.js';
import { formatCodebookJson } from '../formats/codebook.js';
import type { ExportFile } from '../formats/export-dataset.js';
import { formatGermanExcelCsv } from '../formats/german-excel-csv.js';
import { formatR } from '../formats/r-script.js';
import { formatSpss } from '../formats/spss-syntax.js';
import { formatXlsx } from '../formats/xlsx-workbook.js';
import type { Store } from '../store/store.js';
import { buildExportDataset, type ExportDatasetStore } from './build-export-dataset.js';
import type { PublishedDataStore } from './load-wave-data.js';
import { requireWave } from './waves.js';
import { exportOpenData, type OpenDataSettings } from './export-open-data.js';
import { exportResponsesCsv } from './export-responses.js';

/** `csv` is the flat CSV of interfaces.md (re-importable, complete); `csv-excel` the German Excel CSV. */
export const EXPORT_FORMATS = ['csv', 'csv-excel', 'xlsx', 'spss', 'r', 'codebook', 'opendata'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats written as a folder of several files (`--out <ordner>`). */
export const FOLDER_FORMATS: readonly ExportFormat[] = ['spss', 'r', 'codebook', 'opendata'];

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export interface ExportInput {
  readonly waveId: string;
  readonly format: ExportFormat;
  /** Free text and e-mail included (admins only). */
  readonly intern?: boolean;
  /** Adds the raking weight. */
  readonly weighted?: boolean;
  readonly openData: OpenDataSettings;
  /** Who exports: an internal export is a read of personal data and audited under this name. */
  readonly actor?: string;
}

export interface ExportOutput {
  /** One file for csv, csv-excel and xlsx; several for the folder formats. */
  readonly files: readonly ExportFile[];
  readonly demo: boolean;
}

export async function exportWave(store: ExportDatasetStore & PublishedDataStore & Pick<Store, 'appendAudit'>, input: ExportInput): Promise<ExportOutput> {
  if (input.intern) {
    await requireWave(store, input.waveId);
    await store.appendAudit({ actor: input.actor ?? 'unbekannt', action: 'privacy.read', subject: input.waveId, details: { export: input.format } });
  }
  if (input.format === 'csv') {
    const { csv, demo } = await exportResponsesCsv(store, input.waveId, { intern: input.intern === true });
    return { files: [{ name: `${input.waveId}.csv`, data: csv }], demo };
  }
  if (input.format === 'opendata') {
    const { wave, files } = await exportOpenData(store, { ...input.openData, waveId: input.waveId });
    return { files, demo: wave.demo };
  }
  const dataset = await buildExportDataset(store, input);
  const files = await datasetFiles(input.format, dataset);
  return { files, demo: dataset.demo };
}

async function datasetFiles(format: Exclude<ExportFormat, 'csv' | 'opendata'>, dataset: Parameters<typeof formatR>[0]): Promise<ExportFile[]> {
  switch (format) {
    case 'csv-excel':
      return [{ name: `${dataset.waveId}.csv`, data: formatGermanExcelCsv(dataset) }];
    case 'xlsx':
      return [{ name: `${dataset.waveId}.xlsx`, data: await formatXlsx(dataset) }];
    case 'spss':
      return formatSpss(dataset);
    case 'r':
      return formatR(dataset);
    case 'codebook':
      return [
        { name: 'codebuch.html', data: formatCodebookHtml(dataset) },
        { name: 'codebuch.json', data: formatCodebookJson(dataset) },
      ];
  }
}
