// The analysis goals of issue 4, checked against the figures of one bench run, so that the output says
// which goal holds at which size and which does not (instead of leaving the comparison to the reader).
// Where the issue can be read two ways, both readings are checked and named.
import type { SizeFigures } from './size-figures.js';

export interface GoalCheck {
  /** Stable name of the goal. */
  readonly goal: string;
  readonly respondents: number;
  readonly value: number;
  /** The goal holds when value < limit. */
  readonly limit: number;
  readonly met: boolean;
  /** How the issue's sentence is read for this check, where it allows more than one reading. */
  readonly reading?: string;
}

/** "412 in under 5 ms, 10,000 in under 50 ms, 1,000,000 in under 1 s unweighted and 1.5 s weighted". */
const TIME_LIMITS: Readonly<Record<number, { readonly unweighted: number; readonly weighted?: number }>> = {
  412: { unweighted: 0.005 },
  10_000: { unweighted: 0.05 },
  1_000_000: { unweighted: 1, weighted: 1.5 },
};
/** "at least five times faster than DuckDB's best at every size". */
const DUCKDB_RATIO = 0.2;
/** "peak memory under twice the column data". */
const MEMORY_RATIO = 2;

export function analysisGoals(sizes: readonly SizeFigures[]): GoalCheck[] {
  return sizes.flatMap((figures) => [...timeGoals(figures), ...duckdbGoals(figures), ...memoryGoals(figures)]);
}

function check(goal: string, figures: SizeFigures, value: number, limit: number, reading?: string): GoalCheck {
  return { goal, respondents: figures.respondents, value, limit, met: value < limit, ...(reading ? { reading } : {}) };
}

function timeGoals(figures: SizeFigures): GoalCheck[] {
  const limits = TIME_LIMITS[figures.respondents];
  if (!limits) return [];
  const { unweighted_seconds: unweighted, weighted_seconds: weighted } = figures.ours;
  const borrowed = limits.weighted === undefined ? 'die Grenze für 412 und 10.000 gilt auch gewichtet' : undefined;
  return [check('unweighted_seconds', figures, unweighted, limits.unweighted), check('weighted_seconds', figures, weighted, limits.weighted ?? limits.unweighted, borrowed)];
}

function duckdbGoals(figures: SizeFigures): GoalCheck[] {
  return [
    check('ratio_unweighted_to_duckdb', figures, figures.ratio_unweighted_to_duckdb, DUCKDB_RATIO),
    check('ratio_weighted_to_duckdb', figures, figures.ratio_weighted_to_duckdb, DUCKDB_RATIO, 'gewichtet gegen DuckDBs ungewichtetes Zählen'),
    check('ratio_weighted_to_duckdb_weighted_counting', figures, figures.ratio_weighted_to_duckdb_weighted_counting, DUCKDB_RATIO, 'gewichtet gegen DuckDBs Zählen je Raking-Zelle'),
  ];
}

function memoryGoals(figures: SizeFigures): GoalCheck[] {
  const own = figures.memory.analysis_process;
  if ('skipped' in own) return [];
  return [
    check('analysis_peak_ratio_to_columns', figures, own.analysis_peak_ratio_to_columns, MEMORY_RATIO, 'gewichtet auf einem Thread'),
    check('analysis_peak_ratio_to_columns_on_threads', figures, own.on_threads.analysis_peak_ratio_to_columns, MEMORY_RATIO, 'gewichtet mit Hilfsthread, wie im Server'),
  ];
}

/** One German line per size: the goals met and, named, those missed. */
export function goalLines(checks: readonly GoalCheck[]): string[] {
  const sizes = [...new Set(checks.map((c) => c.respondents))];
  return sizes.map((n) => {
    const own = checks.filter((c) => c.respondents === n);
    const missed = own.filter((c) => !c.met).map((c) => `${c.goal} ${c.value} (Grenze ${c.limit}${c.reading ? `; Lesart: ${c.reading}` : ''})`);
    const head = `  Ziele (Issue 4), ${n.toLocaleString('de-DE')} Befragte: ${own.length - missed.length} von ${own.length} erfüllt`;
    return missed.length === 0 ? head : `${head}; nicht erfüllt: ${missed.join(' · ')}`;
  });
}
