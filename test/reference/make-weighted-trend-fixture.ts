// Writes the weighted-trend reference fixture (run once: npx tsx test/reference/make-weighted-trend-fixture.ts):
// three waves, each with its own register margins, in weighted-trend/<wave>/ (the layout of load-fixture.ts).
// make-weighted-trend-expected.R turns them into weighted-trend-expected.json with R's survey package.
// Awkward cases: value "d" of v_cat absent in w1; group g3 with 3 respondents in w1, none in w2, 2 in w3;
// Thüringen without respondents in w2 only (excluded from that wave's raking); v_rare with a handful of "ja";
// v_block with b and c in w1 only (a 2 × 2 block of zero cells: a singular Rao-Scott matrix, pseudo-inverse).
import { mkdirSync, writeFileSync } from 'node:fs';

const HERE = new URL('.', import.meta.url).pathname;
const SIZE_CLASSES = ['gk5', 'gk6', 'gk7', 'lk3'];
const STATES = ['Bayern', 'Hessen', 'Sachsen', 'Thüringen'];
const VARIABLES: readonly (readonly [string, 'variable' | 'grouping', readonly string[]])[] = [
  ['v_bin', 'variable', ['0', '1']],
  ['v_cat', 'variable', ['a', 'b', 'c', 'd']],
  ['v_rare', 'variable', ['ja', 'nein']],
  ['v_block', 'variable', ['a', 'b', 'c']],
  ['grp', 'grouping', ['g1', 'g2', 'g3']],
  ['size_class', 'grouping', SIZE_CLASSES],
  ['state', 'grouping', STATES],
];

/** Park–Miller minimal standard generator, seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.join(',')).join('\n') + '\n';
}

interface WaveSpec {
  readonly id: string;
  readonly n: number;
  readonly seed: number;
  readonly pBin: number;
  readonly cat: readonly number[];
  /** Respondents in g3 (the small group). */
  readonly small: number;
  readonly states: readonly string[];
  /** Register units per size class × state (row-major as SIZE_CLASSES × STATES). */
  readonly units: readonly number[];
}

const WAVES: readonly WaveSpec[] = [
  { id: 'w1', n: 140, seed: 1901, pBin: 0.25, cat: [0.5, 0.3, 0.2, 0], small: 3, states: STATES, units: [40, 25, 30, 12, 60, 45, 50, 20, 30, 35, 20, 10, 15, 12, 9, 6] },
  { id: 'w2', n: 170, seed: 2102, pBin: 0.4, cat: [0.35, 0.3, 0.25, 0.1], small: 0, states: STATES.slice(0, 3), units: [38, 27, 30, 12, 62, 44, 52, 21, 31, 33, 22, 10, 15, 13, 9, 6] },
  { id: 'w3', n: 120, seed: 2303, pBin: 0.45, cat: [0.3, 0.3, 0.25, 0.15], small: 2, states: STATES, units: [36, 28, 31, 13, 63, 44, 53, 21, 32, 33, 22, 11, 16, 13, 9, 7] },
];

function pick(next: () => number, items: readonly string[], weights: readonly number[]): string {
  let u = next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((u -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

for (const wave of WAVES) {
  const next = random(wave.seed);
  const rows: string[][] = [];
  for (let i = 0; i < wave.n; i++) {
    const sizeClass = pick(next, SIZE_CLASSES, [3, 4, 2, 1]);
    const state = pick(next, wave.states, wave.states.map((_, t) => 4 - t));
    const bin = next() < 0.07 ? '' : next() < wave.pBin + (sizeClass === 'gk7' ? 0.2 : 0) ? '1' : '0';
    const cat = next() < 0.05 ? '' : pick(next, ['a', 'b', 'c', 'd'], wave.cat);
    const rare = next() < 0.04 ? 'ja' : 'nein';
    const grp = i < wave.small ? 'g3' : next() < 0.05 ? '' : next() < 0.5 ? 'g1' : 'g2';
    const block = wave.id === 'w1' ? pick(next, ['a', 'b', 'c'], [2, 1, 1]) : 'a';
    rows.push([`${wave.id}-${i + 1}`, sizeClass, state, bin, cat, rare, grp, block]);
  }
  const dir = `${HERE}weighted-trend/${wave.id}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/respondents.csv`, csv([['id', 'size_class', 'state', 'v_bin', 'v_cat', 'v_rare', 'grp', 'v_block'], ...rows]));
  const register = SIZE_CLASSES.flatMap((k, i) => STATES.map((t, j) => [k, t, wave.units[i * STATES.length + j]!] as const));
  writeFileSync(`${dir}/register.csv`, csv([['size_class', 'state', 'units'], ...register]));
  writeFileSync(`${dir}/variables.csv`, csv([['name', 'role', 'values'], ...VARIABLES.map(([name, role, values]) => [name, role, values.join('|')])]));
}
