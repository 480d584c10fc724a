// The figures of one wave size in the analysis part of `npm run bench` (analysis-bench.ts), in a file of
// their own so that the goal check (analysis-goals.ts) reads them without importing the bench.
import type { MemoryFigures } from './analysis-memory.js';

export interface Memory {
  readonly rss_bytes: number;
  readonly heap_used_bytes: number;
}

export interface FormulationFigures {
  readonly name: string;
  readonly seconds: number;
  /** Set when `seconds` is a linear extrapolation from a sample of the variables. */
  readonly extrapolated_from?: { readonly variables: number; readonly of: number };
  /** Counts read back equal ours (ok), differ (mismatch), or were only a sample. */
  readonly check: 'ok' | 'mismatch' | 'sample';
}

export interface SizeFigures {
  readonly respondents: number;
  readonly column_bytes: number;
  readonly ours: {
    readonly unweighted_seconds: number;
    /** The first run of this size in the process (the code may be warm from a smaller size). */
    readonly unweighted_first_run_seconds: number;
    /** crosstabs() alone: the counting part of the unweighted analysis. */
    readonly counting_seconds: number;
    readonly suppression_seconds: number;
    readonly suppressed_cells: number;
    /** On ANALYSIS_THREADS threads, as the product runs it by default. */
    readonly weighted_seconds: number;
    readonly weighted_first_run_seconds: number;
    /** On the calling thread alone (ANALYSIS_THREADS=1). */
    readonly weighted_one_thread_seconds: number;
    readonly raking_seconds: number;
    /** rakingCellCrosstabs() alone: the counting part of the weighted analysis (per raking cell). */
    readonly weighted_counting_seconds: number;
  };
  readonly duckdb: {
    readonly load_seconds: number;
    readonly formulations: readonly FormulationFigures[];
    readonly best: string;
    /** The counting of the weighted analysis (WEIGHTED_FORMULATIONS). */
    readonly weighted_counting: { readonly formulations: readonly FormulationFigures[]; readonly best: string };
  };
  /** Our time / the best DuckDB formulation's time (counting only there). */
  readonly ratio_unweighted_to_duckdb: number;
  readonly ratio_counting_to_duckdb: number;
  readonly ratio_weighted_to_duckdb: number;
  /** Our weighted analysis, and its counting alone, / DuckDB's best counting per raking cell. */
  readonly ratio_weighted_to_duckdb_weighted_counting: number;
  readonly ratio_weighted_counting_to_duckdb_weighted_counting: number;
  /** The same two weighted ratios on one thread. */
  readonly ratio_weighted_one_thread_to_duckdb: number;
  readonly ratio_weighted_one_thread_to_duckdb_weighted_counting: number;
  readonly memory: {
    /** After building the wave (its columns included). */
    readonly before: Memory;
    readonly after_ours: Memory;
    /** With the wave loaded into DuckDB, and after its formulations (before closing it). */
    readonly after_duckdb_load: Memory;
    readonly after_duckdb: Memory;
    /** Peak resident set of the whole process so far (getrusage maxrss). */
    readonly peak_rss_bytes: number;
    /** Our analysis alone, in a process of its own (analysis-memory.ts). */
    readonly analysis_process: MemoryFigures | { readonly skipped: string };
  };
}
