// The unweighted results document (statistics.md "Unweighted"): every table variable by `all` and by
// every grouping of the wave.
import { crosstabs } from './crosstabs.js';
import { weightedDocument } from './design/weighted-document.js'; // weighted path (statistics.md "Weighted")
import { weightedTables } from './design/weighted-tables.js';
import type { ResultsDocument, ResultsTable } from './results-document.js';
import { independenceTest } from './stats/independence-test.js';
import { wilsonInterval } from './stats/wilson-interval.js';
import { tableCells } from './table-cells.js';
import type { CodedVariable, WaveData } from './wave-data.js';
import type { RakingResult } from './weighting/rake-weights.js';

export interface AnalyzeOptions {
  /** Only these table variables (default: all of them, in the wave's order). */
  readonly variables?: readonly string[];
  /** Weighted mode: the respondents' raking (rakeWave); cells and tests then follow statistics.md "Weighted". */
  readonly raking?: RakingResult;
}

export function analyzeWave(data: WaveData, options: AnalyzeOptions = {}): ResultsDocument {
  if (options.raking) return weightedDocument(data, options.raking, weightedTables(data, options.raking.design, selected(data, options.variables)));
  const tables: ResultsTable[] = [];
  for (const tabs of crosstabs(data, { variables: selected(data, options.variables) })) {
    const variable = tabs.variable.name;
    tables.push({ variable, by: 'all', cells: tableCells(tabs.all, wilsonInterval) });
    tabs.by.forEach((table, g) => {
      tables.push({
        variable,
        by: data.groupings[g]!.name,
        cells: tableCells(table, wilsonInterval),
        test: independenceTest(table.counts, table.groups.length, table.values.length),
      });
    });
  }
  return { wave: data.waveId, n: data.n, weighted: false, tables };
}

function selected(data: WaveData, names: readonly string[] | undefined): readonly CodedVariable[] {
  if (names === undefined) return data.variables;
  return names.map((name) => {
    const variable = data.variables.find((candidate) => candidate.name === name);
    if (!variable) throw new RangeError(`Keine Tabellenvariable „${name}“`);
    return variable;
  });
}
