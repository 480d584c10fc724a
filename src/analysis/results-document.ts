// The results document of `analyze --json` (interfaces.md "Results document"; schema:
// docs/results-document.schema.json). Types only; analyzeWave builds it.

export interface ResultsDocument {
  readonly wave: string;
  /** Respondents (unweighted count, also in weighted mode). */
  readonly n: number;
  readonly weighted: boolean;
  /** Weighted mode only. */
  readonly weights?: WeightsSummary;
  readonly tables: readonly ResultsTable[];
}

export interface WeightsSummary {
  readonly method: 'raking';
  readonly iterations: number;
  /** Kish: n·Σw² / (Σw)². */
  readonly design_effect: number;
  /** Register categories without respondents, left out of the target population (statistics.md "Weighted"). */
  readonly excluded: readonly ExcludedCategory[];
}

export interface ExcludedCategory {
  readonly variable: 'size_class' | 'state';
  readonly value: string;
  /** Register units that left the target population with it. */
  readonly units: number;
}

export interface ResultsTable {
  readonly variable: string;
  /** `"all"` or a grouping variable. */
  readonly by: string;
  /** Per group with base > 0, every value of the domain (zero counts included). */
  readonly cells: readonly ResultCell[];
  /** Absent for `by = "all"`; null when fewer than 2 rows or columns remain after dropping all-zero ones. */
  readonly test?: TableTest | null;
}

export type ResultCell = CountCell | SuppressedCell;

export interface CountCell {
  /** The group (`"all"` for by = all). */
  readonly by: string;
  readonly value: string;
  /** Respondents (weighted: sum of weights). */
  readonly n: number;
  readonly base: number;
  readonly share: number;
  readonly ci95: readonly [number, number];
}

/** Disclosure control (statistics.md): no n, share or interval; no base where the group's base is withheld. */
export interface SuppressedCell {
  readonly by: string;
  readonly value: string;
  readonly base?: number;
  readonly suppressed: true;
}

export type TableTest = ChiSquareTableTest | FisherTableTest | RaoScottTableTest;

export interface ChiSquareTableTest {
  readonly method: 'chi2';
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly cramers_v: number;
}

export interface FisherTableTest {
  readonly method: 'fisher';
  readonly p: number;
  readonly cramers_v: number;
}

export interface RaoScottTableTest {
  readonly method: 'rao-scott';
  /** Second-order F. */
  readonly statistic: number;
  /** Numerator df (not an integer). */
  readonly df: number;
  readonly ddf: number;
  readonly p: number;
  readonly cramers_v: number;
  readonly rank_deficient?: { readonly rank: number; readonly full: number };
}
