// Weighted trends (`analyze --waves a,b --weighted`, issue 9): per variable and grouping, each wave's
// cells exactly as its single-wave weighted table (its own raking, xlogit intervals), and per group the
// test of change as Rao-Scott's second-order F of wave × value on the stacked design (stacked-design.ts:
// waves as strata, each raked to its own margins, raking adjustment in the variance).
import { columnMoments, type ColumnMoments } from '../design/column-moments.js';
import { raoScottTest, type RaoScottResult } from '../design/rao-scott-test.js';
import { rakingCellCrosstabs, type RakingCellCrosstabs } from '../design/raking-cell-crosstabs.js';
import { rakingProjection } from '../design/raking-projection.js';
import { Scratch } from '../design/scratch.js';
import { stackedBasis, stackedMoments } from '../design/stacked-design.js';
import { weightedCells } from '../design/weighted-cells.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import type { RakingResult } from '../weighting/rake-weights.js';
import type { TrendCell } from './trend-document.js';

export interface WeightedTrendWave {
  readonly data: WaveData;
  readonly raking: RakingResult;
  /** The compared variables of this wave, in the same order (and with the same values) for every wave. */
  readonly variables: readonly CodedVariable[];
}

export interface WeightedTrendTable {
  /** Index into the variables, and into ['all', ...groupings] (0 = all). */
  readonly variable: number;
  readonly by: number;
  readonly cells: readonly TrendCell[];
  /** Per group with units in at least one wave: its index among the groups and the test. */
  readonly changes: readonly { readonly group: number; readonly test: RaoScottResult | null }[];
}

const ALL: readonly string[] = ['all'];

export function* weightedTrendTables(waves: readonly WeightedTrendWave[]): Generator<WeightedTrendTable> {
  const projections = waves.map(({ raking }) => rakingProjection(raking.design));
  const stacked = stackedBasis(projections);
  const arenas = waves.map(() => new Scratch());
  const stackArena = new Scratch();
  const tabs = waves.map(({ data, raking, variables }) => rakingCellCrosstabs(data, raking.design, variables));
  const groupings = waves[0]!.data.groupings;
  for (let k = 0; ; k++) {
    const current = tabs.map((generator) => generator.next());
    if (current.some((step) => step.done)) return;
    const perWave = current.map((step) => step.value as RakingCellCrosstabs);
    const values = perWave[0]!.variable.values;
    for (let g = 0; g <= groupings.length; g++) {
      const groups = g === 0 ? ALL : groupings[g - 1]!.values;
      const cells: TrendCell[] = [];
      const moments: ColumnMoments[] = perWave.map((wave, w) => {
        const groupCells = g === 0 ? undefined : wave.groupCells[g - 1];
        const counts = g === 0 || groupCells ? wave.all : wave.by[g - 1]!;
        arenas[w]!.reset();
        const columns = columnMoments(projections[w]!, counts, groups.length * values.length, arenas[w], groupCells && { width: values.length, groupCells });
        const id = waves[w]!.data.waveId;
        for (const cell of weightedCells(projections[w]!, columns, groups, values, arenas[w])) cells.push({ wave: id, ...cell });
        return columns;
      });
      const changes: { group: number; test: RaoScottResult | null }[] = [];
      for (let group = 0; group < groups.length; group++) {
        let units = 0;
        for (const columns of moments) for (let v = 0; v < values.length; v++) units += columns.units[group * values.length + v]!;
        if (units === 0) continue;
        stackArena.reset();
        const table = stackedMoments(stacked, moments, group, values.length, stackArena);
        changes.push({ group, test: raoScottTest(stacked, table, waves.length, values.length, { groupsAreStrata: true }) });
      }
      yield { variable: k, by: g, cells, changes };
    }
  }
}
