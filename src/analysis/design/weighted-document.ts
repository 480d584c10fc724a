// The weighted results document (interfaces.md, statistics.md "Weighted"): raking summary and the tables
// on the raked design.
import type { ResultsDocument } from '../results-document.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import type { RakingResult } from '../weighting/rake-weights.js';
import { weightedTables } from './weighted-tables.js';

export function weightedDocument(data: WaveData, raking: RakingResult, variables: readonly CodedVariable[] = data.variables): ResultsDocument {
  return {
    wave: data.waveId,
    n: data.n,
    weighted: true,
    weights: { method: 'raking', iterations: raking.iterations, design_effect: raking.designEffect, excluded: raking.excluded },
    tables: weightedTables(data, raking.design, variables),
  };
}
