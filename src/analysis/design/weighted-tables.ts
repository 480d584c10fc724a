// statistics.md "Weighted": every table of the results document on the raked design — cells with weight
// sums, shares and xlogit intervals; tests (all groupings but `all`) as Rao-Scott second-order F.
import type { CountCell, ResultsTable } from '../results-document.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import { columnMoments } from './column-moments.js';
import type { RakedDesign } from './raked-design.js';
import { raoScottTest, type RaoScottResult } from './rao-scott-test.js';
import { rakingCellCrosstabs } from './raking-cell-crosstabs.js';
import { rakingProjection } from './raking-projection.js';
import { Scratch } from './scratch.js';
import { emitWeightedCells, type CellSink } from './weighted-cells.js';

const ALL: readonly string[] = ['all'];

/** Receives the tables one after another: begin, their cells, end (with the test; undefined for `all`). */
export interface TableSink extends CellSink {
  begin(variable: string, by: string): void;
  end(test: RaoScottResult | null | undefined): void;
}

/** One `all` table, then one per grouping, for each variable in the order `variables` hands them out. */
export function weightedTables(data: WaveData, design: RakedDesign, variables: Iterable<CodedVariable> = data.variables): ResultsTable[] {
  const collector = new TableCollector();
  emitWeightedTables(data, design, variables, collector);
  return collector.tables;
}

/** weightedTables into `sink`, each table as it is computed. */
export function emitWeightedTables(data: WaveData, design: RakedDesign, variables: Iterable<CodedVariable>, sink: TableSink): void {
  const projection = rakingProjection(design);
  const arena = new Scratch();
  for (const tabs of rakingCellCrosstabs(data, design, variables)) {
    const { name, values } = tabs.variable;
    arena.reset();
    const overall = columnMoments(projection, tabs.all, values.length, arena);
    sink.begin(name, 'all');
    emitWeightedCells(projection, overall, ALL, values, arena, sink);
    sink.end(undefined);
    data.groupings.forEach((grouping, g) => {
      const cells = tabs.groupCells[g];
      const counts = cells ? tabs.all : tabs.by[g]!;
      arena.reset();
      const moments = columnMoments(projection, counts, grouping.values.length * values.length, arena, cells && { width: values.length, groupCells: cells });
      sink.begin(name, grouping.name);
      emitWeightedCells(projection, moments, grouping.values, values, arena, sink);
      sink.end(raoScottTest(projection, moments, grouping.values.length, values.length));
    });
  }
}

/** The tables as results-document objects, keys in the document's order. */
class TableCollector implements TableSink {
  readonly tables: ResultsTable[] = [];
  private variable = '';
  private by = '';
  private cells: CountCell[] = [];

  begin(variable: string, by: string): void {
    this.variable = variable;
    this.by = by;
    this.cells = [];
  }

  cell(by: string, value: string, n: number, base: number, share: number, ci95: [number, number]): void {
    this.cells.push({ by, value, n, base, share, ci95 });
  }

  end(test: RaoScottResult | null | undefined): void {
    const { variable, by, cells } = this;
    this.tables.push(test === undefined ? { variable, by, cells } : { variable, by, cells, test });
  }
}
