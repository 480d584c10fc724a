// The weighted analysis as the weighting engineer's modules provide it (statistics.md "Weighted"): target
// margins from the register, raking, then every table on the raked design. Loaded by path so that the
// benchmark runs (and says why not) while those modules are still being written.
import { existsSync } from 'node:fs';
import type { ResultsTable } from '../src/analysis/results-document.js';
import type { CodedVariable, WaveData } from '../src/analysis/wave-data.js';
import type { RegisterUnit } from '../src/register/unit.js';

const MODULES = {
  rake: '../src/analysis/weighting/rake-weights',
  target: '../src/analysis/weighting/target-margins',
  tables: '../src/analysis/design/weighted-tables',
} as const;

interface WeightedModules {
  readonly rakeWeights: (input: { sizeClass: CodedVariable; state: CodedVariable; target: unknown }) => { readonly design: unknown };
  readonly targetMargins: (register: readonly RegisterUnit[], respondents: readonly RegisterUnit[]) => unknown;
  readonly weightedTables: (data: WaveData, design: unknown) => readonly ResultsTable[];
}

export interface WeightedRun {
  readonly rakingSeconds: number;
  readonly seconds: number;
  readonly tables: readonly ResultsTable[];
}

export type WeightedAnalysis = (data: WaveData, register: readonly RegisterUnit[], respondents: readonly RegisterUnit[]) => WeightedRun;

/** The weighted analysis, or the reason it cannot run yet. */
export async function loadWeightedAnalysis(): Promise<WeightedAnalysis | { readonly skipped: string }> {
  const missing = Object.values(MODULES).filter((path) => !existsSync(new URL(`${path}.ts`, import.meta.url)));
  if (missing.length > 0) return { skipped: `${missing.map((path) => path.slice(3)).join(', ')}.ts fehlt noch` };
  const loaded = Object.assign({}, ...(await Promise.all(Object.values(MODULES).map((path) => import(`${path}.js`))))) as Record<string, unknown>;
  const absent = ['rakeWeights', 'targetMargins', 'weightedTables'].filter((name) => typeof loaded[name] !== 'function');
  if (absent.length > 0) return { skipped: `nicht exportiert: ${absent.join(', ')}` };
  const modules = loaded as unknown as WeightedModules;
  return (data, register, respondents) => {
    const start = performance.now();
    const grouping = (name: string): CodedVariable => data.groupings.find((candidate) => candidate.name === name)!;
    const { design } = modules.rakeWeights({ sizeClass: grouping('size_class'), state: grouping('state'), target: modules.targetMargins(register, respondents) });
    const raked = performance.now();
    const tables = modules.weightedTables(data, design);
    return { rakingSeconds: (raked - start) / 1000, seconds: (performance.now() - start) / 1000, tables };
  };
}
