// The trend document of `analyze --waves a,b --json`: a results document (of the latest wave) extended by
// the waves compared, one trend table per comparable variable and grouping, and the variables left out.
// Schema: docs/results-document.schema.json (properties waves, trends, not_comparable).
import type { ChiSquareTableTest, CountCell, FisherTableTest, RaoScottTableTest, ResultsDocument, WeightsSummary } from '../results-document.js';
import type { McNemarResult } from './mcnemar-test.js';

export interface TrendDocument extends ResultsDocument {
  /** The waves compared, oldest first; `wave`, `n` and `tables` of the document are the last one's. */
  readonly waves: readonly TrendWave[];
  readonly trends: readonly TrendTable[];
  /** Variables of the last wave's instrument that the comparability map leaves out, with the reason. */
  readonly not_comparable: readonly NotComparable[];
  /** Weighted trends only: how cells, tests of change and panel were computed. */
  readonly trend_method?: TrendMethod;
}

export interface TrendWave {
  readonly wave: string;
  readonly n: number;
  readonly instrument: string;
  /** Weighted trends only: this wave's own raking. */
  readonly weights?: WeightsSummary;
}

export interface TrendMethod {
  /** Each wave raked to its own register margins; cells as the single-wave weighted tables. */
  readonly cells: 'raked-per-wave';
  /** Rao-Scott F of wave × value on the stacked design (waves as strata), raking adjustment included. */
  readonly changes: 'rao-scott-stacked-strata';
  /** The panel stays unweighted. */
  readonly panel: 'mcnemar-unweighted';
  /** The same in German, for readers of the document. */
  readonly description: string;
}

export interface NotComparable {
  readonly variable: string;
  readonly reason: string;
}

export interface TrendTable {
  readonly variable: string;
  /** `"all"` or a grouping variable. */
  readonly by: string;
  /** Per wave, per group with base > 0, every value of the domain (as the cells of a results table). */
  readonly cells: readonly TrendCell[];
  /** Per group that has a base in at least one wave: the test of change. */
  readonly changes: readonly TrendChange[];
}

export interface TrendCell extends CountCell {
  readonly wave: string;
}

export interface TrendChange {
  /** The group (`"all"` for by = all). */
  readonly group: string;
  /**
   * Independent samples: wave × value table of the group, tested as a results table's test (Pearson's X²,
   * Fisher for 2×2 with an expected count below 5); weighted: Rao-Scott on the stacked design; null
   * with fewer than 2 non-empty rows or columns.
   */
  readonly test: ChiSquareTableTest | FisherTableTest | RaoScottTableTest | null;
  /** 0/1 and flag variables only: one entry per pair of consecutive waves (unweighted, also in weighted trends). */
  readonly panel?: readonly PanelChange[];
}

/** Units (same AGS) with the variable answered in both waves; the group is the one of the earlier wave. */
export interface PanelChange {
  readonly from: string;
  readonly to: string;
  readonly units: number;
  /** "0"→"1" (false→true) and "1"→"0". */
  readonly rises: number;
  readonly falls: number;
  /** McNemar with continuity correction (R mcnemar.test); null when nobody changed. */
  readonly test: McNemarResult | null;
}
