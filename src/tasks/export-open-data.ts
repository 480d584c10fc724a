// Open data of a wave (issue 8): the results document with disclosure control (k = the wave's minimum
// cell count, complementary suppression), as CSV and JSON, plus DCAT-AP.de metadata as JSON-LD.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { dmError } from '../errors.js';
import type { ExportFile } from '../formats/export-dataset.js';
import { dcatDataset, type OpenDataDistribution, type OpenDataLicense } from '../opendata/dcat-dataset.js';
import { formatOpenDataCsv, formatOpenDataJson, OPEN_DATA_CSV, OPEN_DATA_JSON } from '../opendata/open-data-tables.js';
import { STATES } from '../register/states.js';
import type { StoredResponse, Wave } from '../store/store.js';
import { loadExport, type ExportDatasetStore } from './build-export-dataset.js';
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

/** tabellen.csv, tabellen.json, dcat.jsonld. Throws DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES, DM_REPORT_NOT_PUBLIC. */
export async function exportOpenData(store: ExportDatasetStore, input: OpenDataInput): Promise<{ wave: Wave; files: ExportFile[] }> {
  if (input.public && (await requireWave(store, input.waveId)).status !== 'closed') throw dmError('DM_REPORT_NOT_PUBLIC', { wave: input.waveId });
  const { wave, instrument, data, responses, units } = await loadExport(store, input.waveId);
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
    temporal: period(wave, responses),
    modified: newest(responses),
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

/** The wave's period, else the span of the submissions, as Berlin calendar days. */
function period(wave: Wave, responses: readonly StoredResponse[]): { start: string; end: string } {
  const times = responses.map((response) => response.submittedAt ?? response.updatedAt).sort();
  return { start: berlinDate(wave.opensAt ?? times[0]!), end: berlinDate(wave.closesAt ?? times.at(-1)!) };
}

function newest(responses: readonly StoredResponse[]): string {
  return responses.map((response) => response.updatedAt).sort().at(-1)!;
}

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

function berlinDate(iso: string): string {
  return DAY.format(new Date(iso));
}
