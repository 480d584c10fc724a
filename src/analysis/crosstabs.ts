// Every table variable against `all` and every grouping, counted (or weight-summed). When respondents
// far outnumber the joint cells of the groupings, each variable is counted in one pass over the joint
// key and its tables are marginals of that joint table (issue 4 "Performance"); otherwise directly.
import { CACHED_SLOTS, groupingBlocks } from './grouping-blocks.js';
import { jointKey, type JointKey } from './joint-key.js';
import type { CodedVariable, WaveData } from './wave-data.js';

export type Tally = Uint32Array | Float64Array;

/** A value × group table; `counts[group * values.length + value]`. Respondents missing either are left out. */
export interface CountTable<T extends Tally = Uint32Array> {
  readonly values: readonly string[];
  /** `["all"]`, or the grouping's domain. */
  readonly groups: readonly string[];
  readonly counts: T;
}

export interface VariableCrosstabs<T extends Tally = Uint32Array> {
  readonly variable: CodedVariable;
  readonly all: CountTable<T>;
  /** One table per grouping, in the order of `data.groupings`. */
  readonly by: readonly CountTable<T>[];
}

export interface CrosstabOptions {
  /** Default: every variable of the wave. */
  readonly variables?: readonly CodedVariable[];
  /** Per respondent; switches every table to weight sums (Float64Array). */
  readonly weights?: Float64Array;
}

export const ALL_GROUPS: readonly string[] = Object.freeze(['all']);

interface Block {
  /** Indices into the plan's groupings. */
  readonly members: readonly number[];
  readonly joint: JointKey;
}

interface Plan {
  readonly groupings: readonly CodedVariable[];
  readonly blocks: readonly Block[];
  /** Where each grouping's rows start in the wide table, in rows (levels incl. missing). */
  readonly firstRow: readonly number[];
  readonly rows: number;
  readonly weights: Float64Array | undefined;
  readonly make: (size: number) => Tally;
}

/** Cached joint tables get interleaved copies of each counter, so consecutive respondents rarely update the same one. */
const LANE_BITS = 2;
const LANES = 1 << LANE_BITS;

/**
 * @example
 * const [status] = crosstabs(data, { variables: [strategyStatus] });
 * status.by[0].counts; // strategy_status × vg_strategy
 * crosstabs(data, { weights }); // the same tables as Float64Array weight sums
 */
export function crosstabs(data: WaveData, options?: CrosstabOptions & { readonly weights?: undefined }): VariableCrosstabs<Uint32Array>[];
export function crosstabs(data: WaveData, options: CrosstabOptions & { readonly weights: Float64Array }): VariableCrosstabs<Float64Array>[];
export function crosstabs(data: WaveData, options: CrosstabOptions = {}): VariableCrosstabs<Tally>[] {
  const { weights, variables = data.variables } = options;
  if (weights !== undefined && weights.length !== data.n) throw new RangeError(`${weights.length} Gewichte für ${data.n} Befragte`);
  const plan = planFor(data, weights);
  const widest = Math.max(0, ...variables.map((variable) => slotBits(variable.values.length)));
  const joint = new Float64Array(Math.max(0, ...plan.blocks.map((block) => (block.joint.size << widest) * LANES)));
  const wide = new Float64Array(plan.rows << widest);
  return variables.map((variable) => {
    const bits = slotBits(variable.values.length);
    countWide(plan, variable, bits, joint, wide);
    return narrow(plan, variable, bits, wide, data.groupings.length);
  });
}

function planFor(data: WaveData, weights: Float64Array | undefined): Plan {
  // Without groupings, one grouping with a single level still yields the `all` table.
  const groupings = data.groupings.length > 0 ? data.groupings : [{ name: 'all', values: ALL_GROUPS, codes: new Uint8Array(data.n) }];
  const firstRow: number[] = [];
  let rows = 0;
  for (const grouping of groupings) {
    firstRow.push(rows);
    rows += grouping.values.length + 1;
  }
  const levels = groupings.map((grouping) => grouping.values.length + 1);
  const blocks = groupingBlocks(levels, data.n).map((members) => ({ members, joint: jointKey(members.map((g) => groupings[g]!), data.n) }));
  return { groupings, blocks, firstRow, rows, weights, make: (size) => (weights ? new Float64Array(size) : new Uint32Array(size)) };
}

/** Bits per row of a wide table: 2^bits > values, so MISSING (255) masked lands on the unused last slot. */
function slotBits(values: number): number {
  let bits = 1;
  while (1 << bits <= values) bits++;
  return bits;
}

/** Every grouping's rows (levels, the missing one last) in one table, each row 2^bits wide. */
function countWide(plan: Plan, variable: CodedVariable, bits: number, joint: Float64Array, wide: Float64Array): void {
  const width = variable.values.length;
  wide.fill(0, 0, plan.rows << bits);
  for (const block of plan.blocks) {
    const lanes = (block.joint.size << bits) * LANES <= CACHED_SLOTS ? LANES : 1;
    joint.fill(0, 0, (block.joint.size << bits) * lanes);
    if (lanes === 1) tally(joint, block.joint.key, variable.codes, bits, plan.weights);
    else tallyLaned(joint, block.joint.key, variable.codes, bits, plan.weights);
    block.members.forEach((g, m) => marginalise(joint, lanes, wide, block.joint.levels[m]!, plan.firstRow[g]!, bits, width));
  }
}

// Counting loops: weights checked once outside each loop; counters are Float64Array also for counts
// (measured here: faster than Uint32Array, and one element type keeps the loops monomorphic).

function tally(table: Float64Array, keys: Int32Array, codes: Uint8Array, bits: number, weights: Float64Array | undefined): void {
  const mask = (1 << bits) - 1;
  if (weights) {
    for (let i = 0; i < keys.length; i++) {
      const slot = (keys[i]! << bits) | (codes[i]! & mask);
      table[slot] = table[slot]! + weights[i]!;
    }
  } else {
    for (let i = 0; i < keys.length; i++) {
      const slot = (keys[i]! << bits) | (codes[i]! & mask);
      table[slot] = table[slot]! + 1;
    }
  }
}

/** As tally, into 4 = LANES interleaved copies of each slot (respondent i uses lane i mod 4). */
function tallyLaned(table: Float64Array, keys: Int32Array, codes: Uint8Array, bits: number, weights: Float64Array | undefined): void {
  const mask = (1 << bits) - 1;
  const n = keys.length;
  let i = 0;
  if (weights) {
    for (; i + 3 < n; i += 4) {
      const s0 = ((keys[i]! << bits) | (codes[i]! & mask)) << LANE_BITS;
      const s1 = (((keys[i + 1]! << bits) | (codes[i + 1]! & mask)) << LANE_BITS) | 1;
      const s2 = (((keys[i + 2]! << bits) | (codes[i + 2]! & mask)) << LANE_BITS) | 2;
      const s3 = (((keys[i + 3]! << bits) | (codes[i + 3]! & mask)) << LANE_BITS) | 3;
      table[s0] = table[s0]! + weights[i]!;
      table[s1] = table[s1]! + weights[i + 1]!;
      table[s2] = table[s2]! + weights[i + 2]!;
      table[s3] = table[s3]! + weights[i + 3]!;
    }
  } else {
    for (; i + 3 < n; i += 4) {
      const s0 = ((keys[i]! << bits) | (codes[i]! & mask)) << LANE_BITS;
      const s1 = (((keys[i + 1]! << bits) | (codes[i + 1]! & mask)) << LANE_BITS) | 1;
      const s2 = (((keys[i + 2]! << bits) | (codes[i + 2]! & mask)) << LANE_BITS) | 2;
      const s3 = (((keys[i + 3]! << bits) | (codes[i + 3]! & mask)) << LANE_BITS) | 3;
      table[s0] = table[s0]! + 1;
      table[s1] = table[s1]! + 1;
      table[s2] = table[s2]! + 1;
      table[s3] = table[s3]! + 1;
    }
  }
  for (; i < n; i++) {
    const slot = ((keys[i]! << bits) | (codes[i]! & mask)) << LANE_BITS;
    table[slot] = table[slot]! + (weights ? weights[i]! : 1);
  }
}

/** Adds a block's joint table (2^bits slots × lanes per joint cell) into one grouping's rows of `wide`. */
function marginalise(joint: Float64Array, lanes: number, wide: Float64Array, levels: Uint8Array, firstRow: number, bits: number, width: number): void {
  for (let cell = 0; cell < levels.length; cell++) {
    const from = (cell << bits) * lanes;
    const to = (firstRow + levels[cell]!) << bits;
    for (let v = 0; v < width; v++) {
      let sum = 0;
      for (let lane = 0; lane < lanes; lane++) sum += joint[from + v * lanes + lane]!;
      wide[to + v] = wide[to + v]! + sum;
    }
  }
}

/** The wide table → `all` (over every level of the first grouping, missing included) and one table per grouping. */
function narrow(plan: Plan, variable: CodedVariable, bits: number, wide: Float64Array, groupings: number): VariableCrosstabs<Tally> {
  const width = variable.values.length;
  const out = plan.make(plan.rows * width);
  const all = out.subarray(0, width);
  const first = plan.groupings[0]!.values.length + 1;
  for (let row = 0; row < first; row++) for (let v = 0; v < width; v++) all[v] = all[v]! + wide[(row << bits) + v]!;
  const by: CountTable<Tally>[] = [];
  let at = width;
  for (let g = 0; g < groupings; g++) {
    const grouping = plan.groupings[g]!;
    const counts = out.subarray(at, at + grouping.values.length * width);
    for (let level = 0; level < grouping.values.length; level++) {
      const from = (plan.firstRow[g]! + level) << bits;
      for (let v = 0; v < width; v++) counts[level * width + v] = wide[from + v]!;
    }
    by.push({ values: variable.values, groups: grouping.values, counts });
    at += grouping.values.length * width;
  }
  return { variable, all: { values: variable.values, groups: ALL_GROUPS, counts: all }, by };
}
