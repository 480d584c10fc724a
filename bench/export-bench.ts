// npm run bench, part "Export": time to write every export format (issue 8) for the demo wave and for a
// synthetic wave of 100,000 respondents (bench/analysis-wave.ts), against papaparse.unparse writing the
// same cells as plain CSV (the peer, measured in the same run).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { buildWaveData } from '../src/analysis/build-wave-data.js';
import { suppressResults } from '../src/analysis/disclosure/suppress-results.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { formatCodebookHtml } from '../src/formats/codebook-html.js';
import { formatCodebookJson } from '../src/formats/codebook.js';
import type { ExportDataset } from '../src/formats/export-dataset.js';
import { formatGermanExcelCsv } from '../src/formats/german-excel-csv.js';
import { formatR } from '../src/formats/r-script.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { formatSpss } from '../src/formats/spss-syntax.js';
import { formatXlsx } from '../src/formats/xlsx-workbook.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { formatOpenDataCsv, formatOpenDataJson } from '../src/opendata/open-data-tables.js';
import type { StoredResponse, Wave } from '../src/store/store.js';
import { exportDataset, type LoadedExport } from '../src/tasks/build-export-dataset.js';
import type { WaveData } from '../src/analysis/wave-data.js';
import { syntheticWave } from './analysis-wave.js';

export interface ExportFigures {
  readonly respondents: number;
  readonly variables: number;
  /** Seconds per step; `dataset` builds the labelled columns (routing included) once for all formats. */
  readonly seconds: Readonly<Record<string, number>>;
  /** papaparse.unparse of the same cells as strings. */
  readonly peerSeconds: number;
  /** German Excel CSV time / peer time. */
  readonly ratioCsvToPeer: number;
  readonly megabytes: Readonly<Record<string, number>>;
}

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

export async function benchExport(say: (line: string) => void): Promise<ExportFigures[]> {
  const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
  const demo = generateDemoWave(register.units);
  const demoLoaded = loaded(buildWaveData(instrument2019, '2019-demo', demo.units, demo.responses), demo.responses.map((r) => r.answers));
  const synthetic = syntheticWave(100_000, register.units).data;
  const out: ExportFigures[] = [];
  say('Export (alle Formate; Vergleich: papaparse.unparse derselben Zellen) …');
  for (const wave of [demoLoaded, loaded(synthetic, synthetic.ags.map(() => ({})))]) {
    const figures = await benchWave(wave);
    out.push(figures);
    const s = figures.seconds;
    say(
      `  ${figures.respondents.toLocaleString('de-DE')} Antworten × ${figures.variables} Variablen: Datensatz ${s.dataset} s, Excel-CSV ${s['csv-excel']} s, ` +
        `XLSX ${s.xlsx} s, SPSS ${s.spss} s, R ${s.r} s, Codebuch ${s.codebook} s, offene Daten ${s.opendata} s; ` +
        `papaparse ${figures.peerSeconds} s, Excel-CSV/papaparse ${figures.ratioCsvToPeer}×`,
    );
  }
  return out;
}

/** The demo wave's timings are in milliseconds: one untimed run first, so JIT warm-up is not measured. */
const WARM_UP_UP_TO = 10_000;

async function benchWave(wave: LoadedExport): Promise<ExportFigures> {
  if (wave.data.n <= WARM_UP_UP_TO) await benchOnce(wave);
  return benchOnce(wave);
}

async function benchOnce(wave: LoadedExport): Promise<ExportFigures> {
  const seconds: Record<string, number> = {};
  const megabytes: Record<string, number> = {};
  const dataset = timed(seconds, 'dataset', () => exportDataset(wave, { intern: false }));
  const size = (name: string, data: string | Uint8Array) => (megabytes[name] = round(typeof data === 'string' ? Buffer.byteLength(data) / 1e6 : data.length / 1e6));
  size('csv-excel', timed(seconds, 'csv-excel', () => formatGermanExcelCsv(dataset)));
  const start = performance.now();
  size('xlsx', await formatXlsx(dataset));
  seconds.xlsx = round((performance.now() - start) / 1000);
  timed(seconds, 'spss', () => formatSpss(dataset));
  timed(seconds, 'r', () => formatR(dataset));
  timed(seconds, 'codebook', () => [formatCodebookHtml(dataset), formatCodebookJson(dataset)]);
  timed(seconds, 'opendata', () => {
    const pub = suppressResults(analyzeWave(wave.data), 5);
    return [formatOpenDataCsv(pub, instrument2019), formatOpenDataJson(pub)];
  });
  const cells = stringCells(dataset);
  const peerStart = performance.now();
  Papa.unparse({ fields: dataset.variables.map((v) => v.name), data: cells }, { delimiter: ';', newline: '\r\n' });
  const peerSeconds = round((performance.now() - peerStart) / 1000);
  return {
    respondents: dataset.n,
    variables: dataset.variables.length,
    seconds,
    peerSeconds,
    ratioCsvToPeer: round(seconds['csv-excel']! / Math.max(peerSeconds, 1e-3)),
    megabytes,
  };
}

function loaded(data: WaveData, answers: readonly Readonly<Record<string, string | undefined>>[]): LoadedExport {
  const wave = { id: data.waveId, title: 'Benchmark', demo: true } as Wave;
  const responses = answers.map((a, i) => ({ ags: data.ags[i]!, answers: a, status: 'submitted' }) as StoredResponse);
  return { wave, instrument: instrument2019, data, responses, units: [] };
}

function stringCells(dataset: ExportDataset): string[][] {
  return Array.from({ length: dataset.n }, (_, row) =>
    dataset.columns.map((column) => (column.kind === 'numeric' ? String(column.values[row]) : column.values[row]!)),
  );
}

function timed<T>(seconds: Record<string, number>, name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  seconds[name] = round((performance.now() - start) / 1000);
  return result;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
