// Every table variable against `all` and every grouping, counted per raking cell (size_class × state):
// the weighted numbers are functions of these counts because raked weights are constant within a cell.
// One pass per variable over a joint key of the groupings and the raking cell (as crosstabs.ts).
import { jointKey } from '../joint-key.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import type { RakedDesign } from './raked-design.js';

/** Tables of one variable; their arrays are reused for the next variable (read them before advancing). */
export interface RakingCellCrosstabs {
  readonly variable: CodedVariable;
  /** Units per value and raking cell: `all[v · cells + h]`. */
  readonly all: Float64Array;
  /** Per grouping (order of `data.groupings`): units at `((g · values) + v) · cells + h`. */
  readonly by: readonly Float64Array[];
}

export function* rakingCellCrosstabs(
  data: WaveData,
  design: RakedDesign,
  variables: readonly CodedVariable[] = data.variables,
): Generator<RakingCellCrosstabs> {
  const cells = design.cellWeight.length;
  if (cells >= 255) throw new RangeError(`${cells} Gewichtungszellen: höchstens 254`);
  const rakingCell: CodedVariable = {
    name: 'raking_cell',
    values: Array.from({ length: cells }, (_, h) => String(h)),
    codes: Uint8Array.from(design.cellOf),
  };
  const joint = jointKey([...data.groupings, rakingCell], data.n);
  const cellOfJoint = joint.levels[data.groupings.length]!;
  const key = joint.key;
  const widest = Math.max(1, ...variables.map((variable) => variable.values.length));
  const buffer = new Uint32Array(joint.size << slotBits(widest));
  const allBuffer = new Float64Array(widest * cells);
  const byBuffers = data.groupings.map((grouping) => new Float64Array(grouping.values.length * widest * cells));
  for (const variable of variables) {
    const width = variable.values.length;
    const bits = slotBits(width);
    const mask = (1 << bits) - 1;
    buffer.fill(0, 0, joint.size << bits);
    const { codes } = variable;
    // MISSING (255) masked lands on a slot ≥ width, which is never read.
    for (let i = 0; i < key.length; i++) buffer[(key[i]! << bits) | (codes[i]! & mask)]!++;
    const all = allBuffer.subarray(0, width * cells).fill(0);
    const by = data.groupings.map((grouping, g) => byBuffers[g]!.subarray(0, grouping.values.length * width * cells).fill(0));
    const levels = data.groupings.map((grouping, g) => ({ codes: joint.levels[g]!, size: grouping.values.length, table: by[g]! }));
    for (let cell = 0; cell < joint.size; cell++) {
      const h = cellOfJoint[cell]!;
      const from = cell << bits;
      for (let v = 0; v < width; v++) {
        const count = buffer[from + v]!;
        if (count === 0) continue;
        all[v * cells + h]! += count;
        for (const { codes: level, size, table } of levels) {
          const g = level[cell]!;
          if (g < size) table[(g * width + v) * cells + h]! += count;
        }
      }
    }
    yield { variable, all, by };
  }
}

/** Bits per joint cell so that 2^bits > values (the missing code gets a slot of its own). */
function slotBits(values: number): number {
  let bits = 1;
  while (1 << bits <= values) bits++;
  return bits;
}
