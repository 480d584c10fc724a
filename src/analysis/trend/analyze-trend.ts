// Trends between waves (issue 9): per comparable variable and grouping, the cells of every wave and, per
// group, a test of change — wave × value for independent samples, McNemar for the panel of units that
// answered two consecutive waves (0/1 and flag variables). Weighted (`rakings`): weighted-trend-tables.ts;
// the panel stays unweighted.
import { analyzeWave } from '../analyze-wave.js';
import { crosstabs, type CountTable } from '../crosstabs.js';
import { independenceTest } from '../stats/independence-test.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { tableCells } from '../table-cells.js';
import { MISSING, type CodedVariable, type WaveData } from '../wave-data.js';
import type { RakingResult } from '../weighting/rake-weights.js';
import { mcnemarTest } from './mcnemar-test.js';
import type { NotComparable, PanelChange, TrendCell, TrendChange, TrendDocument, TrendMethod, TrendTable } from './trend-document.js';
import { weightedTrendTables } from './weighted-trend-tables.js';

export interface TrendWaveInput {
  readonly data: WaveData;
  /** The wave's instrument version. */
  readonly instrument: string;
}

export interface TrendOptions {
  /** Only these variables (default: every variable of the last wave not listed in notComparable). */
  readonly variables?: readonly string[];
  /** From the comparability map: left out of the trends and listed with the reason. */
  readonly notComparable?: readonly NotComparable[];
  /** Weighted trends: each wave's own raking (rakeWave), in the order of the waves. */
  readonly rakings?: readonly RakingResult[];
}

const WEIGHTED_METHOD: TrendMethod = {
  cells: 'raked-per-wave',
  changes: 'rao-scott-stacked-strata',
  panel: 'mcnemar-unweighted',
  description:
    'Anteile je Welle gewichtet wie die Auswertung einer Welle (jede Welle auf ihre eigenen Registerränder geraked, Logit-Intervalle). ' +
    'Test der Veränderung: Rao-Scott-F zweiter Ordnung von Welle × Wert auf dem gestapelten Design (Wellen als Schichten, ' +
    'Raking je Welle über die Ränder Welle × Größenklasse und Welle × Land; die Varianz enthält die Raking-Anpassung). ' +
    'Panel (McNemar): ungewichtet.',
};

/** Matched respondents of two consecutive waves (same AGS): indices into each, and their groups in `from`. */
interface PanelPair {
  readonly from: WaveData;
  readonly to: WaveData;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Per grouping of `from`: the group of each matched respondent. */
  readonly groups: readonly Uint8Array[];
}

/** Transition codes (before · 2 + after): 0 stayed 0, 1 rose, 2 fell, 3 stayed 1; MISSING when missing in either wave. */
const RISE = 1;
const FALL = 2;

/**
 * @param waves two or more waves, oldest first, coded with the same variables (the last wave's instrument;
 *   older waves mapped to it by the comparability map) and the same groupings
 * @throws RangeError for fewer than two waves or variables/groupings that differ between the waves
 */
export function analyzeTrend(waves: readonly TrendWaveInput[], options: TrendOptions = {}): TrendDocument {
  if (waves.length < 2) throw new RangeError('Ein Trend braucht mindestens zwei Wellen');
  const last = waves[waves.length - 1]!.data;
  const notComparable = options.notComparable ?? [];
  const left = new Set(notComparable.map((entry) => entry.variable));
  const names = (options.variables ?? last.variables.map((variable) => variable.name)).filter((name) => !left.has(name));
  for (const { data } of waves) assertSameGroupings(data, last);
  const context: TrendContext = {
    waves,
    last,
    names,
    byNames: ['all', ...last.groupings.map((grouping) => grouping.name)],
    pairs: waves.slice(1).map(({ data }, i) => panelPair(waves[i]!.data, data)),
  };
  const rakings = options.rakings;
  if (rakings && rakings.length !== waves.length) throw new RangeError('Je Welle eine Gewichtung');
  const trends = rakings ? weightedTrends(context, rakings) : unweightedTrends(context);
  const latest = analyzeWave(last, rakings ? { raking: rakings[rakings.length - 1]! } : {});
  return {
    ...latest,
    waves: waves.map(({ data, instrument }, w) => {
      const wave = { wave: data.waveId, n: data.n, instrument };
      return rakings ? { ...wave, weights: weightsSummary(rakings[w]!) } : wave;
    }),
    trends,
    not_comparable: notComparable,
    ...(rakings ? { trend_method: WEIGHTED_METHOD } : {}),
  };
}

interface TrendContext {
  readonly waves: readonly TrendWaveInput[];
  readonly last: WaveData;
  readonly names: readonly string[];
  /** `all`, then the groupings. */
  readonly byNames: readonly string[];
  /** Consecutive waves, for the panel. */
  readonly pairs: readonly PanelPair[];
}

function unweightedTrends({ waves, last, names, byNames, pairs }: TrendContext): TrendTable[] {
  const trends: TrendTable[] = [];
  const perWave = waves.map(({ data }) => crosstabs(data, { variables: names.map((name) => variableOf(data, name, last)) }));
  names.forEach((name, k) => {
    const changes = transitionsOf(pairs, name, perWave[0]![k]!.variable.values);
    byNames.forEach((by, g) => {
      const tables = perWave.map((tabs) => (g === 0 ? tabs[k]!.all : tabs[k]!.by[g - 1]!));
      const panels = changes?.map((transition, p) => panelCounts(pairs[p]!, transition, g, tables[0]!.groups.length));
      trends.push(trendTable(name, by, tables, waves, panels));
    });
  });
  return trends;
}

/** Waves stacked as strata, each raked to its own margins; the variance carries the raking adjustment (statistics.md). */
function weightedTrends({ waves, last, names, byNames, pairs }: TrendContext, rakings: readonly RakingResult[]): TrendTable[] {
  const trends: TrendTable[] = [];
  const weighted = waves.map(({ data }, w) => ({ data, raking: rakings[w]!, variables: names.map((name) => variableOf(data, name, last)) }));
  let panel: { name: string; transitions: Uint8Array[] | undefined } | undefined;
  for (const table of weightedTrendTables(weighted)) {
    const name = names[table.variable]!;
    if (panel?.name !== name) panel = { name, transitions: transitionsOf(pairs, name, weighted[0]!.variables[table.variable]!.values) };
    const groups = table.by === 0 ? ['all'] : last.groupings[table.by - 1]!.values;
    const panels = panel.transitions?.map((transition, p) => panelCounts(pairs[p]!, transition, table.by, groups.length));
    const changes = table.changes.map(({ group, test }): TrendChange => {
      const change = { group: groups[group]!, test };
      return panels ? { ...change, panel: panels.map((counts) => counts[group]!) } : change;
    });
    trends.push({ variable: name, by: byNames[table.by]!, cells: table.cells, changes });
  }
  return trends;
}

/** Per pair of consecutive waves, the transitions of a 0/1 or flag variable; undefined for other variables. */
function transitionsOf(pairs: readonly PanelPair[], name: string, values: readonly string[]): Uint8Array[] | undefined {
  return isBinary(values) ? pairs.map((pair) => transitions(pair, name)) : undefined;
}

function trendTable(
  variable: string,
  by: string,
  tables: readonly CountTable[],
  waves: readonly TrendWaveInput[],
  panels: readonly PanelChange[][] | undefined,
): TrendTable {
  const { values, groups } = tables[0]!;
  const width = values.length;
  const cells: TrendCell[] = [];
  tables.forEach((table, w) => {
    const wave = waves[w]!.data.waveId;
    for (const { by, value, n, base, share, ci95 } of tableCells(table, wilsonInterval)) cells.push({ wave, by, value, n, base, share, ci95 });
  });
  const changes: TrendChange[] = [];
  const counts = new Float64Array(tables.length * width);
  for (let gi = 0; gi < groups.length; gi++) {
    let total = 0;
    for (let w = 0; w < tables.length; w++) {
      for (let v = 0; v < width; v++) total += counts[w * width + v] = tables[w]!.counts[gi * width + v]!;
    }
    if (total === 0) continue;
    const test = independenceTest(counts, tables.length, width);
    const group = groups[gi]!;
    changes.push(panels ? { group, test, panel: panels.map((panel) => panel[gi]!) } : { group, test });
  }
  return { variable, by, cells, changes };
}

function isBinary(values: readonly string[]): boolean {
  return values.length === 2 && ((values[0] === '0' && values[1] === '1') || (values[0] === 'false' && values[1] === 'true'));
}

function panelPair(from: WaveData, to: WaveData): PanelPair {
  const position = new Map(to.ags.map((ags, i) => [ags, i]));
  const a: number[] = [];
  const b: number[] = [];
  from.ags.forEach((ags, i) => {
    const j = position.get(ags);
    if (j !== undefined) [a[a.length], b[b.length]] = [i, j];
  });
  const indices = Int32Array.from(a);
  const groups = from.groupings.map((grouping) => Uint8Array.from(indices, (i) => grouping.codes[i]!));
  return { from, to, a: indices, b: Int32Array.from(b), groups };
}

function weightsSummary(raking: RakingResult) {
  return { method: 'raking' as const, iterations: raking.iterations, design_effect: raking.designEffect, excluded: raking.excluded };
}

function transitions(pair: PanelPair, name: string): Uint8Array {
  const before = variableOf(pair.from, name).codes;
  const after = variableOf(pair.to, name).codes;
  const out = new Uint8Array(pair.a.length);
  for (let k = 0; k < out.length; k++) {
    const x = before[pair.a[k]!]!;
    const y = after[pair.b[k]!]!;
    out[k] = x === MISSING || y === MISSING ? MISSING : x * 2 + y;
  }
  return out;
}

/** Per group (of the earlier wave; g = 0 is `all`): units answered in both waves, rises, falls, McNemar. */
function panelCounts(pair: PanelPair, transitions: Uint8Array, g: number, groups: number): PanelChange[] {
  const grouping = g === 0 ? undefined : pair.groups[g - 1]!;
  const units = new Uint32Array(groups);
  const rises = new Uint32Array(groups);
  const falls = new Uint32Array(groups);
  for (let k = 0; k < transitions.length; k++) {
    const t = transitions[k]!;
    const group = grouping === undefined ? 0 : grouping[k]!;
    if (t === MISSING || group === MISSING) continue;
    units[group]! += 1;
    if (t === RISE) rises[group]! += 1;
    else if (t === FALL) falls[group]! += 1;
  }
  return Array.from({ length: groups }, (_, group) => ({
    from: pair.from.waveId,
    to: pair.to.waveId,
    units: units[group]!,
    rises: rises[group]!,
    falls: falls[group]!,
    test: mcnemarTest(rises[group]!, falls[group]!),
  }));
}

function variableOf(data: WaveData, name: string, like?: WaveData): CodedVariable {
  const variable = data.variables.find((candidate) => candidate.name === name);
  if (!variable) throw new RangeError(`Variable „${name}“ fehlt in Welle „${data.waveId}“`);
  const reference = like?.variables.find((candidate) => candidate.name === name);
  if (reference && reference.values.join('\u0000') !== variable.values.join('\u0000')) {
    throw new RangeError(`Variable „${name}“ hat in Welle „${data.waveId}“ einen anderen Wertebereich`);
  }
  return variable;
}

function assertSameGroupings(data: WaveData, last: WaveData): void {
  const key = (wave: WaveData) => wave.groupings.map((grouping) => `${grouping.name}:${grouping.values.join('|')}`).join(';');
  if (key(data) !== key(last)) throw new RangeError(`Welle „${data.waveId}“ hat andere Gruppierungen als „${last.waveId}“`);
}
