// The weighted results document (interfaces.md, statistics.md "Weighted"): raking summary and the tables
// on the raked design (weightedTables, on one thread or several).
import type { ResultsDocument, ResultsTable } from '../results-document.js';
import type { WaveData } from '../wave-data.js';
import type { RakingResult } from '../weighting/rake-weights.js';

export function weightedDocument(data: WaveData, raking: RakingResult, tables: readonly ResultsTable[]): ResultsDocument {
  return {
    wave: data.waveId,
    n: data.n,
    weighted: true,
    weights: { method: 'raking', iterations: raking.iterations, design_effect: raking.designEffect, excluded: raking.excluded },
    tables,
  };
}
