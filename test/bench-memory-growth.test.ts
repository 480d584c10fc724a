// The benchmark's split of the analysis' working memory into what grows with the wave and what does not
// (bench/analysis-memory.ts memoryGrowth), from the two largest sizes measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryGrowth, type MemoryFigures } from '../bench/analysis-memory.js';

const MB = 1 << 20;

function measured(respondents: number, columns: number, unweighted: number, weighted: number, onThreads: number): MemoryFigures {
  return {
    respondents,
    column_bytes: columns,
    rss_empty_bytes: 0,
    rss_before_bytes: 0,
    unweighted_extra_bytes: unweighted,
    weighted_extra_bytes: weighted,
    unweighted_ratio_to_columns: 0,
    weighted_ratio_to_columns: 0,
    peak_ratio_to_columns: 0,
    analysis_peak_ratio_to_columns: 0,
    on_threads: { weighted_extra_bytes: onThreads, analysis_peak_ratio_to_columns: 0 },
  };
}

test('memory growth: slope and fixed part from the two largest sizes, the larger of the two analyses on one thread', () => {
  // extra = fixed + slope · columns: one thread 12 MB + 0.2×, with the helper 22 MB + 0.25×.
  const growth = memoryGrowth([
    measured(1_000_000, 200 * MB, 40 * MB, 52 * MB, 72 * MB),
    { skipped: 'kein Linux' },
    measured(412, 0.1 * MB, 30 * MB, 5 * MB, 50 * MB),
    measured(100_000, 20 * MB, 16 * MB, 10 * MB, 27 * MB),
  ]);
  assert.deepEqual(growth, { from_respondents: 100_000, to_respondents: 1_000_000, one_thread: 0.2, on_threads: 0.25, fixed_bytes: [12 * MB, 22 * MB] });
});

test('memory growth: none from fewer than two measured sizes', () => {
  assert.equal(memoryGrowth([measured(412, MB, MB, MB, MB), { skipped: 'kein Linux' }]), undefined);
  assert.equal(memoryGrowth([]), undefined);
});
