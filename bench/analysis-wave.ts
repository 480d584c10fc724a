// Synthetic waves for the analysis benchmark: every table variable of wave 2019 and the six groupings with
// their real domains, coded column-wise straight into WaveData from a seeded PRNG (no responses, no CSV).
// Respondents are register units drawn with probability ∝ population^0.35 (large units answer more
// often); answers depend on the size class, and a third of the variables are asked behind a filter.
import { tableVariables } from '../src/analysis/table-variables.js';
import { codeColumn, MISSING, type CodedVariable, type WaveData } from '../src/analysis/wave-data.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { STATES } from '../src/register/states.js';
import { SIZE_CLASSES, UNIT_TYPES, type RegisterUnit } from '../src/register/unit.js';

const DERIVED_GROUPINGS = ['vg_strategy', 'vg_egov', 'vg_community'] as const;
const STATE_NAMES: readonly string[] = STATES.map((state) => state.name);

/** xorshift32; returns [0, 1). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export interface SyntheticWave {
  readonly data: WaveData;
  /** The register unit of each respondent (units answer more than once in the large waves). */
  readonly respondents: readonly RegisterUnit[];
}

export function syntheticWave(n: number, units: readonly RegisterUnit[], seed = 2019): SyntheticWave {
  const next = random(seed);
  const respondents = drawUnits(n, units, next);
  const sizeClass = codesOf(respondents, (unit) => SIZE_CLASSES.indexOf(unit.sizeClass));
  const variables = tableVariables(instrument2019).map((spec) => ({
    name: spec.name,
    values: spec.values,
    codes: answerCodes(spec.values.length, sizeClass, next, (next() * 4294967296) >>> 0),
  }));
  const derived = DERIVED_GROUPINGS.map((name) => variables.find((variable) => variable.name === name)!);
  const groupings: CodedVariable[] = [
    ...derived,
    { name: 'size_class', values: SIZE_CLASSES, codes: sizeClass },
    { name: 'state', values: STATE_NAMES, codes: codesOf(respondents, (unit) => STATE_NAMES.indexOf(unit.state)) },
    { name: 'unit_type', values: UNIT_TYPES, codes: codesOf(respondents, (unit) => UNIT_TYPES.indexOf(unit.unitType)) },
  ];
  const data: WaveData = {
    waveId: `bench-${n}`,
    n,
    ags: respondents.map((unit) => unit.ags),
    variables,
    groupings,
    population: Float64Array.from(respondents, (unit) => unit.population),
  };
  return { data, respondents };
}

/** Bytes of the distinct code columns plus the population column. */
export function columnBytes(data: WaveData): number {
  const columns = new Set([...data.variables, ...data.groupings].map((variable) => variable.codes));
  return [...columns].reduce((sum, codes) => sum + codes.byteLength, 0) + data.population.byteLength;
}

function drawUnits(n: number, units: readonly RegisterUnit[], next: () => number): RegisterUnit[] {
  const cumulative = new Float64Array(units.length);
  let total = 0;
  units.forEach((unit, i) => (cumulative[i] = total += Math.max(unit.population, 1) ** 0.35));
  return Array.from({ length: n }, () => {
    const target = next() * total;
    let [low, high] = [0, units.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return units[low]!;
  });
}

/** On a SharedArrayBuffer, as build-wave-data.ts codes a wave (analysis threads share it). */
function codesOf(respondents: readonly RegisterUnit[], code: (unit: RegisterUnit) => number): Uint8Array {
  const codes = codeColumn(respondents.length);
  respondents.forEach((unit, i) => (codes[i] = code(unit)));
  return codes;
}

/** Skewed answer shares for small and for large units, blended by size class; some answers missing. */
function answerCodes(width: number, sizeClass: Uint8Array, next: () => number, seed: number): Uint8Array {
  const small = shares(width, next);
  const large = shares(width, next);
  const missing = next() < 1 / 3 ? 0.3 + 0.3 * next() : 0.01 + 0.09 * next();
  // Thresholds on the uint32 scale, shifted by −2³¹ so that int32 comparisons order them (Smi-only loop):
  // thresholds[c * width + v] is the cumulative share of MISSING and values ≤ v in size class c.
  const scale = (share: number): number => Math.min(Math.round(share * 2 ** 32), 2 ** 32 - 1) - 2 ** 31;
  const missingAt = scale(missing);
  const thresholds = new Int32Array(SIZE_CLASSES.length * width);
  SIZE_CLASSES.forEach((_, c) => {
    const t = 1 - (c % 7) / 6; // gk1 and lk1 answer like large units, gk7 like small ones
    let sum = missing;
    for (let v = 0; v < width; v++) thresholds[c * width + v] = scale((sum += (1 - missing) * ((1 - t) * small[v]! + t * large[v]!)));
  });
  const codes = codeColumn(sizeClass.length);
  let x = seed | 0 || 1; // xorshift32, inlined: this loop runs once per respondent and variable
  for (let i = 0; i < codes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = x ^ -2147483648;
    if (u < missingAt) {
      codes[i] = MISSING;
      continue;
    }
    const row = sizeClass[i]! * width;
    let v = 0;
    while (v < width - 1 && u >= thresholds[row + v]!) v++;
    codes[i] = v;
  }
  return codes;
}

function shares(width: number, next: () => number): number[] {
  const raw = Array.from({ length: width }, () => (-Math.log(1 - next())) ** 1.5);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
}
