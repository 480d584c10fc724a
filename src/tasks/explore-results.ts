// The public results explorer (issue 5): any variable by any grouping, weighted or not, always from the
// suppressed (public) results document of a closed wave. Both documents of a wave are computed once and
// kept in memory (about 0.2 s each for the demo), for CACHE_MS or until the wave's status or k changes.
import { analyzeWave } from '../analysis/analyze-wave.js';
import type { PublicResultsDocument, PublicTable } from '../analysis/disclosure/suppress-results.js';
import { rakeWave } from '../analysis/weighting/rake-wave.js';
import { publicResults } from './public-results.js';
import { targetPopulation } from './rake-to-register.js';
import type { TrendDocument } from '../analysis/trend/trend-document.js';
import { DmError, dmError } from '../errors.js';
import { formatCsv, GERMAN_EXCEL_CSV } from '../formats/csv-text.js';
import { type CatalogGrouping, type CatalogVariable, EXPLORER_GROUPINGS, explorerVariables } from '../report/explorer/explorer-catalog.js';
import { explorerCsvRows, explorerTable, type ExplorerTable } from '../report/explorer/explorer-table.js';
import { explorerTrend, explorerTrendCsvRows, type ExplorerTrendResult } from '../report/explorer/explorer-trend.js';
import { findTable } from '../report/read-results.js';
import type { Store, Wave } from '../store/store.js';
import { expiringCache } from './expiring-cache.js';
import { requireInstrument } from './instrument-files.js';
import { loadPublishedWaveData } from './load-wave-data.js';
import { trendSincePrevious } from './trend-since-previous.js';
import { requireWave } from './waves.js';

export type ExplorerStore = Pick<Store, 'getWave' | 'listWaves' | 'responsesForWave' | 'publishedResponses' | 'publishWave' | 'registerUnits' | 'instrumentVersion' | 'targetUnits'>;

export interface ExploreInput {
  readonly waveId: string;
  /** Table variable; absent: only the form. */
  readonly variable?: string | undefined;
  /** Grouping name or "all" (default). */
  readonly by?: string | undefined;
  readonly weighted?: boolean;
  /** Also the development since the latest earlier comparable wave. */
  readonly trend?: boolean;
}

export interface Exploration {
  readonly wave: Wave;
  readonly variables: readonly CatalogVariable[];
  readonly groupings: readonly CatalogGrouping[];
  readonly weighted: boolean;
  readonly by: string;
  readonly variable?: string;
  /** Present when a variable is chosen and has a table; suppressed cells carry no numbers. */
  readonly table?: ExplorerTable;
  /** Asked for and a variable chosen: the trend, or why it is not shown. */
  readonly trend?: ExplorerTrendResult;
  /** Whether the trend was asked for (the form's checkbox). */
  readonly trendRequested: boolean;
  readonly k: number;
}

type PublicDocuments = { readonly unweighted: PublicResultsDocument; readonly weighted: PublicResultsDocument | Error };

const CACHE_MS = 10 * 60 * 1000;

export interface ResultsExplorer {
  /** Throws DM_WAVE_NOT_FOUND, DM_REPORT_NOT_PUBLIC, DM_WAVE_NO_RESPONSES, DM_USAGE (unknown variable or grouping), DM_WEIGHTING_IMPOSSIBLE. */
  explore(input: ExploreInput): Promise<Exploration>;
  /** The chosen table as CSV for German Excel (BOM, ";", decimal comma, CRLF); a variable is required. */
  csv(input: ExploreInput): Promise<{ readonly filename: string; readonly text: string }>;
  /** The development of the chosen table since the previous wave as such a CSV; DM_USAGE with the reason where it is not shown. */
  trendCsv(input: ExploreInput): Promise<{ readonly filename: string; readonly text: string }>;
}

export function resultsExplorer(store: ExplorerStore, now: () => number = Date.now): ResultsExplorer {
  const documents = expiringCache<PublicDocuments>(CACHE_MS, now);
  const trends = expiringCache<TrendDocument | undefined>(CACHE_MS, now);

  function documentsOf(wave: Wave): Promise<PublicDocuments> {
    return documents(wave.id, `${wave.status}|${wave.minCellCount}|${wave.publishedAt ?? ''}`, () => analyse(store, wave));
  }

  /** Cached like the documents, and also renewed when any wave closes, is republished or changes k. */
  async function trendOf(wave: Wave, weighted: boolean): Promise<TrendDocument | undefined> {
    const closed = (await store.listWaves()).filter((w) => w.status === 'closed');
    const key = closed.map((w) => `${w.id}|${w.minCellCount}|${w.publishedAt ?? ''}`).join(',');
    return trends(`${wave.id}|${weighted}`, key, () => trendSincePrevious(store, wave, { weighted, published: true }));
  }

  async function exploreTrend(wave: Wave, variable: CatalogVariable, grouping: CatalogGrouping, weighted: boolean): Promise<ExplorerTrendResult> {
    const counts = await trendOf(wave, false);
    if (!counts) return { hidden: 'Es gibt keine frühere, abgeschlossene Welle, mit der sich diese vergleichen lässt.' };
    let trend = counts;
    if (weighted) {
      try {
        trend = (await trendOf(wave, true))!;
      } catch (error) {
        if (error instanceof DmError && error.code === 'DM_WEIGHTING_IMPOSSIBLE') return { hidden: error.message };
        throw error;
      }
    }
    const waves = await Promise.all(counts.waves.map(({ wave: id }) => requireWave(store, id)));
    const own = await Promise.all(waves.map(async (w) => findTable((await documentsOf(w)).unweighted, variable.name, grouping.name) as PublicTable | undefined));
    const k = Math.max(...waves.map((w) => w.minCellCount));
    return explorerTrend({ trend, counts, own, variable, grouping, k });
  }

  async function explore(input: ExploreInput): Promise<Exploration> {
    const wave = await requireWave(store, input.waveId);
    // Like the public report: only once the wave is closed.
    if (wave.status !== 'closed') throw dmError('DM_REPORT_NOT_PUBLIC', { wave: wave.id });
    const variables = explorerVariables(await requireInstrument(store, wave.instrumentVersion));
    const by = input.by === undefined || input.by === '' ? 'all' : input.by;
    // A comparison group exists only where the questionnaire version derives it (issue 9).
    const groupings = EXPLORER_GROUPINGS.filter((g) => !g.name.startsWith('vg_') || variables.some((variable) => variable.name === g.name));
    const grouping = groupings.find((candidate) => candidate.name === by);
    if (!grouping) throw dmError('DM_USAGE', { detail: `Gruppierung „${by}“ gibt es nicht.` });
    const base = { wave, variables, groupings, weighted: input.weighted === true, trendRequested: input.trend === true, by, k: wave.minCellCount };
    if (input.variable === undefined || input.variable === '') return base;
    const variable = variables.find((candidate) => candidate.name === input.variable);
    if (!variable) throw dmError('DM_USAGE', { detail: `Variable „${input.variable}“ gibt es im Fragebogen nicht.` });
    const documents = await documentsOf(wave);
    const results = input.weighted ? documents.weighted : documents.unweighted;
    if (results instanceof Error) throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: results.message });
    const table = explorerTable(results, variable, grouping);
    const trend = input.trend && table ? await exploreTrend(wave, variable, grouping, input.weighted === true) : undefined;
    return { ...base, variable: variable.name, ...(table ? { table } : {}), ...(trend ? { trend } : {}) };
  }

  return {
    explore,
    async csv(input) {
      const exploration = await explore({ ...input, trend: false });
      if (!exploration.table) throw dmError('DM_USAGE', { detail: 'Für die CSV-Datei eine Variable mit Antworten wählen.' });
      const { header, rows } = explorerCsvRows(exploration.table);
      const text = formatCsv(header, rows, { ...GERMAN_EXCEL_CSV, isTextColumn: (_, index) => index < 4 || index === 9 });
      const filename = `${exploration.wave.id}_${exploration.variable}_${exploration.by}${exploration.weighted ? '_gewichtet' : ''}.csv`;
      return { filename, text };
    },
    async trendCsv(input) {
      const exploration = await explore({ ...input, trend: true });
      const { table, trend } = exploration;
      if (!table || !trend) throw dmError('DM_USAGE', { detail: 'Für die CSV-Datei der Entwicklung eine Variable mit Antworten wählen.' });
      if ('hidden' in trend) throw dmError('DM_USAGE', { detail: trend.hidden });
      const { header, rows } = explorerTrendCsvRows(trend.shown, table.variable, table.grouping);
      const text = formatCsv(header, rows, { ...GERMAN_EXCEL_CSV, isTextColumn: (_, index) => index < 5 });
      const filename = `${exploration.wave.id}_${exploration.variable}_${exploration.by}_entwicklung${exploration.weighted ? '_gewichtet' : ''}.csv`;
      return { filename, text };
    },
  };
}

async function analyse(store: ExplorerStore, wave: Wave) {
  const { instrument, data } = await loadPublishedWaveData(store, wave.id);
  const counts = analyzeWave(data);
  const unweighted = publicResults(instrument, counts, wave.minCellCount);
  let weighted: PublicResultsDocument | Error;
  try {
    const population = await targetPopulation(store, wave);
    weighted = publicResults(instrument, analyzeWave(data, { raking: rakeWave(data, await store.registerUnits(), population) }), wave.minCellCount, counts);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    weighted = error;
  }
  return { unweighted, weighted };
}
