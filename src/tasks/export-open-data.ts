// Open data of a wave (issue 8): the results document with disclosure control (k = the wave's minimum
// cell count, complementary suppression), as CSV and JSON, plus DCAT-AP.de metadata as JSON-LD.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { dmError } from '../errors.js';
import type { ExportFile } from '../formats/export-dataset.js';
import { dcatDataset, type OpenDataDistribution, type OpenDataLicense } from '../opendata/dcat-dataset.js';
import { formatOpenDataCsv, formatOpenDataJson, OPEN_DATA_CSV, OPEN_DATA_JSON } from '../opendata/open-data-tables.js';
import { STATES } from '../register/states.js';
import type { WaveData } from '../analysis/wave-data.js';
import type { Instrument } from '../instrument/model.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Wave } from '../store/store.js';
import { loadExport, type ExportDatasetStore } from './build-export-dataset.js';
import { loadPublishedWaveData, type PublishedDataStore } from './load-wave-data.js';
import { publicResults } from './public-results.js';
import { requireWave } from './waves.js';

export const OPEN_DATA_METADATA = 'dcat.jsonld';

export interface OpenDataSettings {
  readonly license: OpenDataLicense;
  readonly publisher: string;
  /** Contact point e-mail; without it the download page is the contact. */
  readonly contactEmail?: string | undefined;
  /** Public address of the web UI (BASE_URL), without trailing "/". */
  readonly baseUrl: string;
}

export const DEFAULT_OPEN_DATA: Omit<OpenDataSettings, 'baseUrl'> = { license: 'dl-de/by-2-0', publisher: 'Kommunaler Digitalmonitor' };

export interface OpenDataInput extends OpenDataSettings {
  readonly waveId: string;
  /** The public page: only closed waves (DM_REPORT_NOT_PUBLIC otherwise). */
  readonly public?: boolean;
}

/**
 * tabellen.csv, tabellen.json, dcat.jsonld; of a closed wave from its publication (publication.ts), as the
 * public page, else (CLI, open wave) from the current responses. Throws DM_WAVE_NOT_FOUND,
 * DM_WAVE_NO_RESPONSES, DM_REPORT_NOT_PUBLIC.
 */
export async function exportOpenData(store: ExportDatasetStore & PublishedDataStore, input: OpenDataInput): Promise<{ wave: Wave; files: ExportFile[] }> {
  const { wave, instrument, data, units, dates } = await openDataInputs(store, input);
  const doc = publicResults(instrument, analyzeWave(data), wave.minCellCount);
  const encoder = new TextEncoder();
  const csv = encoder.encode(formatOpenDataCsv(doc, instrument));
  const json = encoder.encode(formatOpenDataJson(doc));
  const description =
    `Aggregierte Ergebnisse der Befragung „${wave.title}“ (Welle ${wave.id}, ${doc.n} Kommunen): jede Kreuztabelle jeder Variable ` +
    `nach allen Antwortenden, Vergleichsgruppen, Größenklasse, Land und Art der Kommune mit Anteilen und 95-%-Intervallen. ` +
    `Geheimhaltung: Zellen mit weniger als ${doc.disclosure.k} Kommunen und die zu ihrer Rückrechnung nötigen Zellen sind gesperrt.` +
    (wave.demo ? ' Synthetische Demo-Daten, keine Angaben echter Kommunen.' : '');
  const distributions: OpenDataDistribution[] = [
    { file: OPEN_DATA_CSV, title: 'Tabellen (CSV)', description: 'Eine Zeile je Zelle; gesperrte Zellen mit suppressed = true.', format: 'CSV', mediaType: 'text/csv', byteSize: csv.length },
    { file: OPEN_DATA_JSON, title: 'Tabellen (JSON)', description: 'Ergebnisdokument mit Geheimhaltung (docs/results-document.schema.json).', format: 'JSON', mediaType: 'application/json', byteSize: json.length },
  ];
  const landingPage = `${input.baseUrl}/opendata/${encodeURIComponent(wave.id)}`;
  const codes = new Set(units.map((unit) => unit.stateCode));
  const metadata = dcatDataset({
    waveId: wave.id,
    title: `${wave.title} – Ergebnistabellen`,
    description,
    downloadBase: `${landingPage}/`,
    landingPage,
    publisher: input.publisher,
    contact: { name: input.publisher, email: input.contactEmail, url: input.contactEmail ? undefined : landingPage },
    license: input.license,
    temporal: dates.temporal,
    modified: dates.modified,
    states: STATES.filter((state) => codes.has(state.code)),
    distributions,
  });
  return {
    wave,
    files: [
      { name: OPEN_DATA_CSV, data: csv },
      { name: OPEN_DATA_JSON, data: json },
      { name: OPEN_DATA_METADATA, data: `${JSON.stringify(metadata, null, 2)}\n` },
    ],
  };
}

interface OpenDataInputs {
  readonly wave: Wave;
  readonly instrument: Instrument;
  readonly data: WaveData;
  readonly units: readonly RegisterUnit[];
  readonly dates: { readonly temporal: { start: string; end: string }; readonly modified: string };
}

async function openDataInputs(store: ExportDatasetStore & PublishedDataStore, input: OpenDataInput): Promise<OpenDataInputs> {
  const current = await requireWave(store, input.waveId);
  if (input.public && current.status !== 'closed') throw dmError('DM_REPORT_NOT_PUBLIC', { wave: input.waveId });
  if (current.status !== 'closed') {
    const { wave, instrument, data, responses, units } = await loadExport(store, input.waveId);
    // The wave's period, else the span of the submissions.
    const times = responses.map((response) => response.submittedAt ?? response.updatedAt).sort();
    const modified = responses.map((response) => response.updatedAt).sort().at(-1)!;
    return { wave, instrument, data, units, dates: { temporal: days(wave.opensAt ?? times[0]!, wave.closesAt ?? times.at(-1)!), modified } };
  }
  const { wave, instrument, data } = await loadPublishedWaveData(store, input.waveId);
  const units = await store.registerUnits(data.ags);
  // The wave's period, else from its creation to its publication; modified when it was published.
  return { wave, instrument, data, units, dates: { temporal: days(wave.opensAt ?? wave.createdAt, wave.closesAt ?? wave.publishedAt!), modified: wave.publishedAt! } };
}

/** Two instants as Berlin calendar days. */
function days(start: string, end: string): { start: string; end: string } {
  return { start: berlinDate(start), end: berlinDate(end) };
}

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

function berlinDate(iso: string): string {
  return DAY.format(new Date(iso));
}
