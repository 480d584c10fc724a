// statistics.md "Weighted": every table of the results document on the raked design — cells with weight
// sums, shares and xlogit intervals; tests (all groupings but `all`) as Rao-Scott second-order F.
import type { ResultsTable } from '../results-document.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import { columnMoments } from './column-moments.js';
import type { RakedDesign } from './raked-design.js';
import { raoScottTest } from './rao-scott-test.js';
import { rakingCellCrosstabs } from './raking-cell-crosstabs.js';
import { rakingProjection } from './raking-projection.js';
import { Scratch } from './scratch.js';
import { weightedCells } from './weighted-cells.js';

const ALL: readonly string[] = ['all'];

/** One `all` table, then one per grouping, for each variable in the order `variables` hands them out. */
export function weightedTables(data: WaveData, design: RakedDesign, variables: Iterable<CodedVariable> = data.variables): ResultsTable[] {
  const projection = rakingProjection(design);
  const arena = new Scratch();
  const tables: ResultsTable[] = [];
  for (const tabs of rakingCellCrosstabs(data, design, variables)) {
    const { name, values } = tabs.variable;
    arena.reset();
    const overall = columnMoments(projection, tabs.all, values.length, arena);
    tables.push({ variable: name, by: 'all', cells: weightedCells(projection, overall, ALL, values, arena) });
    data.groupings.forEach((grouping, g) => {
      const cells = tabs.groupCells[g];
      const counts = cells ? tabs.all : tabs.by[g]!;
      arena.reset();
      const moments = columnMoments(projection, counts, grouping.values.length * values.length, arena, cells && { width: values.length, groupCells: cells });
      tables.push({
        variable: name,
        by: grouping.name,
        cells: weightedCells(projection, moments, grouping.values, values, arena),
        test: raoScottTest(projection, moments, grouping.values.length, values.length),
      });
    });
  }
  return tables;
}
