// Every table variable against `all` and every grouping, counted per raking cell (size_class × state):
// the weighted numbers are functions of these counts because raked weights are constant within a cell.
// Groupings that the raking cell determines (size_class, state) are the `all` counts of their cells; the others
// are counted in one pass per variable over a joint key of them and the raking cell (as crosstabs.ts).
import { jointKey, type JointKey } from '../joint-key.js';
import type { CodedVariable, WaveData } from '../wave-data.js';
import type { RakedDesign } from './raked-design.js';

/** Tables of one variable; their arrays are reused for the next variable (read them before advancing). */
export interface RakingCellCrosstabs {
  readonly variable: CodedVariable;
  /** Units per value and raking cell: `all[v · cells + h]`. */
  readonly all: Float64Array;
  /**
   * Per grouping (order of `data.groupings`): units at `((g · values) + v) · cells + h`. Empty for a grouping
   * with groupCells: there column g · values + v counts `all[v · cells + h]` in group g's raking cells, 0 elsewhere.
   */
  readonly by: readonly Float64Array[];
  /** Per grouping that the raking cell determines (size_class, state): the raking cells of each group; else undefined. */
  readonly groupCells: readonly (GroupCells | undefined)[];
}

/** The raking cells of group g: `cells[start[g] … start[g + 1] − 1]`, ascending; all others count 0 in its columns. */
export interface GroupCells {
  readonly start: Int32Array;
  readonly cells: Int32Array;
}

interface Block {
  /** The counted groupings (indices into `data.groupings`). */
  readonly members: readonly number[];
  readonly joint: JointKey;
  /** Table slots of one variable (tableSlots), the unread one included. */
  readonly slots: number;
  /** Per grouping, the slot of its first group; −1 for a grouping the raking cell determines. */
  readonly firstSlot: Int32Array;
  /** Per joint cell, row-major: its slot in `all` (0) and in each member's table. */
  readonly cellSlots: Int32Array;
}

/** @param variables read one at a time, so they may be handed out lazily (threads claiming variables) */
export function* rakingCellCrosstabs(data: WaveData, design: RakedDesign, variables: Iterable<CodedVariable> = data.variables): Generator<RakingCellCrosstabs> {
  const cells = design.cellWeight.length;
  if (cells >= 255) throw new RangeError(`${cells} Gewichtungszellen: höchstens 254`);
  const rakingCell: CodedVariable = {
    name: 'raking_cell',
    values: Array.from({ length: cells }, (_, h) => String(h)),
    codes: Uint8Array.from(design.cellOf),
  };
  const levelOfCell = data.groupings.map((grouping) => cellLevels(grouping, design.cellOf, cells));
  const members = data.groupings.flatMap((_, g) => (levelOfCell[g] ? [] : [g]));
  const groupCells = levelOfCell.map((levels, g) => levels && cellsByGroup(levels, data.groupings[g]!.values.length));
  const joint = jointKey([...members.map((g) => data.groupings[g]!), rakingCell], data.n);
  const block: Block = { members, joint, ...tableSlots(data, members, joint) };
  let widest = 0;
  let buffer = new Uint32Array(0);
  let tables = new Float64Array(0);
  for (const variable of variables) {
    const width = variable.values.length;
    const span = width * cells;
    if (width > widest) {
      widest = width;
      buffer = new Uint32Array(block.joint.size << slotBits(widest));
      tables = new Float64Array(block.slots * widest * cells);
    }
    tables.fill(0, 0, block.slots * span);
    const all = tables.subarray(0, span);
    // The determined groupings' tables would be copies of `all`, mostly zeros (measured: their fill and copy
    // were about 1 ms of a 412 document).
    const by = data.groupings.map((grouping, g) => {
      const first = block.firstSlot[g]!;
      return first < 0 ? EMPTY : tables.subarray(first * span, (first + grouping.values.length) * span);
    });
    countBlock(block, variable, buffer, tables, span, cells);
    yield { variable, all, by, groupCells };
  }
}

const EMPTY = new Float64Array(0);

/**
 * One pass of `variable` over the block's joint key; each joint cell's counts then added to its table slots
 * (`all` and its group of every member) in one pass, a missing group's to the unread slot rather than behind
 * a branch. Measured at 10,000, a document's counting, each step A/B against the one before: a pass per
 * member, each reading the joint table again, 16.6 → one pass with a table per member 14.2 ms; that
 * 14.8–15.1 → one array of slots 13.8–14.0 ms.
 */
function countBlock(block: Block, variable: CodedVariable, buffer: Uint32Array, tables: Float64Array, span: number, cells: number): void {
  const { joint, cellSlots } = block;
  const width = variable.values.length;
  const bits = slotBits(width);
  const mask = (1 << bits) - 1;
  buffer.fill(0, 0, joint.size << bits);
  const { codes } = variable;
  const key = joint.key;
  // MISSING (255) masked lands on a slot ≥ width, which is never read.
  for (let i = 0; i < key.length; i++) buffer[(key[i]! << bits) | (codes[i]! & mask)]!++;
  const cellOfJoint = joint.levels[joint.levels.length - 1]!;
  const stride = block.members.length + 1;
  for (let cell = 0; cell < joint.size; cell++) {
    const h = cellOfJoint[cell]!;
    const from = cell << bits;
    const row = cell * stride;
    for (let v = 0; v < width; v++) {
      const count = buffer[from + v]!;
      if (count === 0) continue;
      const at = v * cells + h;
      for (let k = 0; k < stride; k++) tables[cellSlots[row + k]! * span + at]! += count;
    }
  }
}

/**
 * The tables of one variable side by side in one array, `span` (values × raking cells) apart: slot 0 `all`,
 * then each member's groups, and last a slot that takes the counts of a missing group and is never read.
 */
function tableSlots(data: WaveData, members: readonly number[], joint: JointKey): Pick<Block, 'slots' | 'firstSlot' | 'cellSlots'> {
  const firstSlot = new Int32Array(data.groupings.length).fill(-1);
  let slots = 1;
  for (const g of members) {
    firstSlot[g] = slots;
    slots += data.groupings[g]!.values.length;
  }
  const unread = slots;
  const stride = members.length + 1;
  const cellSlots = new Int32Array(joint.size * stride);
  members.forEach((g, m) => {
    const level = joint.levels[m]!;
    const groups = data.groupings[g]!.values.length;
    for (let cell = 0; cell < joint.size; cell++) cellSlots[cell * stride + m + 1] = level[cell]! < groups ? firstSlot[g]! + level[cell]! : unread;
  });
  return { slots: unread + 1, firstSlot, cellSlots };
}

/** The grouping's code per raking cell when the raking cell determines it (255 where no one is), else undefined. */
function cellLevels(grouping: CodedVariable, cellOf: Uint16Array, cells: number): Uint8Array | undefined {
  const levels = new Uint8Array(cells).fill(255);
  const seen = new Uint8Array(cells);
  const { codes } = grouping;
  for (let i = 0; i < codes.length; i++) {
    const h = cellOf[i]!;
    if (!seen[h]) {
      seen[h] = 1;
      levels[h] = codes[i]!;
    } else if (levels[h] !== codes[i]) return undefined;
  }
  return levels;
}

function cellsByGroup(levels: Uint8Array, groups: number): GroupCells {
  const start = new Int32Array(groups + 1);
  for (const level of levels) if (level < groups) start[level + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const cells = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  levels.forEach((level, h) => {
    if (level < groups) cells[next[level]!++] = h;
  });
  return { start, cells };
}

/** Bits per joint cell so that 2^bits > values (the missing code gets a slot of its own). */
function slotBits(values: number): number {
  let bits = 1;
  while (1 << bits <= values) bits++;
  return bits;
}
