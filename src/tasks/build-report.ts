// The report of a wave (issue 5): load → analyse → (public: suppress) → HTML or JSON. Pure rendering
// lives in report/; this task only fetches the wave and its results.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { type RegisterCounts, renderReport, type ReportMeta } from '../report/html/report-page.js';
import type { AnyResults } from '../report/read-results.js';
import { reportJson } from '../report/report-json.js';
import type { RegisterUnit } from '../register/unit.js';
import { responseRates } from '../report/response-rates.js';
import type { Store, Wave } from '../store/store.js';
import { loadPublishedWaveData, loadWaveData, type PublishedDataStore, type WaveDataStore } from './load-wave-data.js';
import { publicResults } from './public-results.js';
import { trendSincePrevious } from './trend-since-previous.js';

export type ReportFormat = 'html' | 'json';

/** What the report reads: the wave's responses, the register and the wave's target population. */
export type ReportStore = WaveDataStore & PublishedDataStore & Pick<Store, 'targetUnits' | 'listWaves' | 'instrumentVersion'>;

export interface ReportInput {
  readonly waveId: string;
  readonly format: ReportFormat;
  /** Public report: disclosure control with the wave's minimum cell count (web). */
  readonly public?: boolean;
  /** HTML: link this stylesheet instead of inlining the CSS (web, strict CSP). */
  readonly stylesheet?: string;
  /** HTML: link to the public results explorer (web). */
  readonly explorerLink?: string;
}

/** Prints a self-contained HTML document to PDF (the pdf/ edge, handed in by the composition root). */
export type PrintPdf = (html: string, options: { readonly footerText?: string }) => Promise<Uint8Array>;

/** The report text. Throws DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES, DM_REPORT_NOT_PUBLIC. */
export async function buildReport(store: ReportStore, input: ReportInput): Promise<string> {
  const { results, meta } = await reportInputs(store, input);
  return input.format === 'html' ? renderReport(results, meta) : `${JSON.stringify(reportJson(results, meta), null, 2)}\n`;
}

/** The report as PDF: the self-contained HTML (inline CSS) printed by `printPdf`; same errors as buildReport. */
export async function buildReportPdf(store: ReportStore, input: Omit<ReportInput, 'format' | 'stylesheet' | 'explorerLink'>, printPdf: PrintPdf): Promise<Uint8Array> {
  const { results, meta } = await reportInputs(store, { ...input, format: 'html' });
  return printPdf(renderReport(results, meta), { footerText: meta.title });
}

async function reportInputs(store: ReportStore, input: ReportInput): Promise<{ results: AnyResults; meta: ReportMeta }> {
  // The public report: once the wave is closed, from its publication (publication.ts).
  const { wave, instrument, data } = input.public ? await loadPublishedWaveData(store, input.waveId) : await loadWaveData(store, input.waveId);
  const analysed = analyzeWave(data);
  const results: AnyResults = input.public ? publicResults(instrument, analysed, wave.minCellCount) : analysed;
  const register = (await store.registerUnits()).filter((unit) => !unit.synthetic);
  const meta: ReportMeta = {
    title: wave.title,
    demo: wave.demo,
    ...period(wave),
    register: registerCounts(register),
    responseRates: wave.target ? responseRates(data, await store.targetUnits(wave.id), 'target') : responseRates(data, register, 'register'),
    ...(input.public ? { suppressionK: wave.minCellCount } : {}),
    ...(input.stylesheet === undefined ? {} : { stylesheet: input.stylesheet }),
    ...(input.explorerLink === undefined ? {} : { explorerLink: input.explorerLink }),
  };
  const trend = await trendSincePrevious(store, wave, { published: input.public === true }); // issue 9: chapter "Entwicklung seit <Welle>"
  return { results, meta: trend ? { ...meta, trend } : meta };
}

/** Real register units (synthetic demo units left out) by Land and size class. */
function registerCounts(units: readonly RegisterUnit[]): RegisterCounts {
  const byState: Record<string, number> = {};
  const bySize: Record<string, number> = {};
  for (const unit of units) {
    if (unit.synthetic) continue;
    byState[unit.state] = (byState[unit.state] ?? 0) + 1;
    bySize[unit.sizeClass] = (bySize[unit.sizeClass] ?? 0) + 1;
  }
  return { byState, bySize };
}

const DAY = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' });

function period(wave: Wave): { period?: string } {
  if (!wave.opensAt || !wave.closesAt) return {};
  return { period: `${DAY.format(new Date(wave.opensAt))} bis ${DAY.format(new Date(wave.closesAt))}` };
}
