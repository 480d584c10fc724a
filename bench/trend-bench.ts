// npm run bench, part "Trend": the trend analysis (analyze --waves, unweighted) of two synthetic waves of
// 10,000 respondents each, 60 % of them in both (panel), against the single-wave analysis of the later
// wave measured in the same run (the trend document contains that one, plus the cells, change tests and
// McNemar tests of both waves). Weighted as well (`--weighted`): each wave raked to its own margins, cells
// per wave and Rao-Scott tests on the stacked waves, against the weighted analysis of the later wave; both
// timings include the raking.
import { readFileSync } from 'node:fs';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { analyzeTrend } from '../src/analysis/trend/analyze-trend.js';
import type { WaveData } from '../src/analysis/wave-data.js';
import { rakeWeights } from '../src/analysis/weighting/rake-weights.js';
import { targetMargins } from '../src/analysis/weighting/target-margins.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import type { RegisterUnit } from '../src/register/unit.js';
import { syntheticWave } from './analysis-wave.js';

const N = 10_000;
const PANEL = 0.6;
const RUNS = 5;

export interface TrendFigures {
  readonly respondents_per_wave: number;
  readonly panel_units: number;
  readonly trend_tables: number;
  readonly trend_seconds: number;
  readonly single_wave_seconds: number;
  readonly ratio_to_single_wave: number;
  readonly weighted_trend_seconds: number;
  readonly weighted_single_wave_seconds: number;
  readonly weighted_ratio_to_single_wave: number;
}

export async function benchTrend(say: (line: string) => void): Promise<TrendFigures> {
  say(`Trend: zwei synthetische Wellen mit je ${N.toLocaleString('de-DE')} Antwortenden (${PANEL * 100} % in beiden) …`);
  const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
  const units = parseRegisterCsv(read('gemeinden.csv'), read('kreise.csv')).units;
  const drawnFirst = syntheticWave(N, units, 2019);
  const drawnSecond = syntheticWave(N, units, 2021);
  const first = withAgs(drawnFirst.data, (i) => `p${i}`, '2019');
  const panel = Math.round(N * PANEL);
  const second = withAgs(drawnSecond.data, (i) => (i < panel ? `p${(i * 7) % N}` : `n${i}`), '2021');
  const waves = [{ data: first, instrument: '2019' }, { data: second, instrument: '2019' }];
  let tables = 0;
  const trend = time(() => (tables = analyzeTrend(waves).trends.length));
  const single = time(() => analyzeWave(second));
  const rake = (data: WaveData, respondents: readonly RegisterUnit[]) => {
    const grouping = (name: string) => data.groupings.find((candidate) => candidate.name === name)!;
    return rakeWeights({ sizeClass: grouping('size_class'), state: grouping('state'), target: targetMargins(units, respondents) });
  };
  const weightedTrend = time(() => analyzeTrend(waves, { rakings: [rake(first, drawnFirst.respondents), rake(second, drawnSecond.respondents)] }));
  const weightedSingle = time(() => analyzeWave(second, { raking: rake(second, drawnSecond.respondents) }));
  const figures = {
    respondents_per_wave: N,
    panel_units: panel,
    trend_tables: tables,
    trend_seconds: round(trend),
    single_wave_seconds: round(single),
    ratio_to_single_wave: round(trend / single, 2),
    weighted_trend_seconds: round(weightedTrend),
    weighted_single_wave_seconds: round(weightedSingle),
    weighted_ratio_to_single_wave: round(weightedTrend / weightedSingle, 2),
  };
  say(`  Trendanalyse (${tables.toLocaleString('de-DE')} Trendtabellen mit Tests, dazu alle Tabellen der letzten Welle): ${figures.trend_seconds} s`);
  say(`  Analyse einer Welle (${N.toLocaleString('de-DE')}, alle Tabellen): ${figures.single_wave_seconds} s; Verhältnis ${figures.ratio_to_single_wave}×`);
  say(`  Gewichtet (je Welle geraked, Rao-Scott auf den gestapelten Wellen): ${figures.weighted_trend_seconds} s; eine Welle gewichtet ${figures.weighted_single_wave_seconds} s; Verhältnis ${figures.weighted_ratio_to_single_wave}×`);
  return figures;
}

/** Distinct keys per respondent: the synthetic waves draw register units with replacement. */
function withAgs(data: WaveData, key: (i: number) => string, id: string): WaveData {
  return { ...data, waveId: `bench-${id}`, ags: Array.from({ length: data.n }, (_, i) => key(i)) };
}

/** Median of RUNS timed runs after one untimed (JIT), in seconds. */
function time(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}
