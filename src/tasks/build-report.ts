// The report of a wave (issue 5): load → analyse → (public: suppress) → HTML or JSON. Pure rendering
// lives in report/; this task only fetches the wave and its results.
import { analyzeWave } from '../analysis/analyze-wave.js';
import { suppressResults } from '../analysis/disclosure/suppress-results.js';
import { type RegisterCounts, renderReport, type ReportMeta } from '../report/html/report-page.js';
import type { AnyResults } from '../report/read-results.js';
import { reportJson } from '../report/report-json.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Wave } from '../store/store.js';
import { dmError } from '../errors.js';
import { loadWaveData, type WaveDataStore } from './load-wave-data.js';
import { requireWave } from './waves.js';

export type ReportFormat = 'html' | 'json';

export interface ReportInput {
  readonly waveId: string;
  readonly format: ReportFormat;
  /** Public report: disclosure control with the wave's minimum cell count (web). */
  readonly public?: boolean;
  /** HTML: link this stylesheet instead of inlining the CSS (web, strict CSP). */
  readonly stylesheet?: string;
}

/** The report text. Throws DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES, DM_REPORT_NOT_PUBLIC. */
export async function buildReport(store: WaveDataStore, input: ReportInput): Promise<string> {
  // Until analysts publish explicitly, a wave's public report appears once the wave is closed.
  if (input.public && (await requireWave(store, input.waveId)).status !== 'closed') {
    throw dmError('DM_REPORT_NOT_PUBLIC', { wave: input.waveId });
  }
  const { wave, data } = await loadWaveData(store, input.waveId);
  const analysed = analyzeWave(data);
  const results: AnyResults = input.public ? suppressResults(analysed, wave.minCellCount) : analysed;
  const meta: ReportMeta = {
    title: wave.title,
    demo: wave.demo,
    ...period(wave),
    register: registerCounts(await store.registerUnits()),
    ...(input.public ? { suppressionK: wave.minCellCount } : {}),
    ...(input.stylesheet === undefined ? {} : { stylesheet: input.stylesheet }),
  };
  return input.format === 'html' ? renderReport(results, meta) : `${JSON.stringify(reportJson(results, meta), null, 2)}\n`;
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
