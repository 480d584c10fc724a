// statistics.md "Weighted": every table of the results document on the raked design — cells with weight
// sums, shares and xlogit intervals; tests (all groupings but `all`) as Rao-Scott second-order F.
import type { ResultsTable } from '../results-document.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import { columnMoments } from './column-moments.js';
import type { RakedDesign } from './raked-design.js';
import { raoScottTest } from './rao-scott-test.js';
import { rakingCellCrosstabs } from './raking-cell-crosstabs.js';
import { rakingProjection } from './raking-projection.js';
import { weightedCells } from './weighted-cells.js';

const ALL: readonly string[] = ['all'];

export function weightedTables(data: WaveData, design: RakedDesign, variables: readonly CodedVariable[] = data.variables): ResultsTable[] {
  const projection = rakingProjection(design);
  const tables: ResultsTable[] = [];
  for (const tabs of rakingCellCrosstabs(data, design, variables)) {
    const { name, values } = tabs.variable;
    const overall = columnMoments(projection, tabs.all, values.length);
    tables.push({ variable: name, by: 'all', cells: weightedCells(projection, tabs.all, overall, ALL, values) });
    data.groupings.forEach((grouping, g) => {
      const counts = tabs.by[g]!;
      const moments = columnMoments(projection, counts, grouping.values.length * values.length);
      tables.push({
        variable: name,
        by: grouping.name,
        cells: weightedCells(projection, counts, moments, grouping.values, values),
        test: raoScottTest(projection, moments, grouping.values.length, values.length),
      });
    });
  }
  return tables;
}
