import type { CodedVariable, WaveData } from './wave-data.js';

/**
 * The respondents for whom `keep(i)` holds, in order (a filtered base, e.g. "strategy_status ∈
 * {vorhanden, in_entwicklung}"). Groupings stay the same variables as in `variables`.
 */
export function filterWaveData(data: WaveData, keep: (respondent: number) => boolean): WaveData {
  const kept: number[] = [];
  for (let i = 0; i < data.n; i++) if (keep(i)) kept.push(i);
  const filtered = new Map<CodedVariable, CodedVariable>();
  const filter = (variable: CodedVariable): CodedVariable => {
    let result = filtered.get(variable);
    if (!result) {
      result = { name: variable.name, values: variable.values, codes: Uint8Array.from(kept, (i) => variable.codes[i]!) };
      filtered.set(variable, result);
    }
    return result;
  };
  return {
    waveId: data.waveId,
    n: kept.length,
    ags: kept.map((i) => data.ags[i]!),
    variables: data.variables.map(filter),
    groupings: data.groupings.map(filter),
    population: Float64Array.from(kept, (i) => data.population[i]!),
  };
}
