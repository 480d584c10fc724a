// Writes the trend reference fixture (run once: npx tsx test/reference/make-trend-fixture.ts). Three waves
// of one panel with drop-outs and newcomers; deterministic. make-trend-expected.R turns trend/waves.csv
// into trend-expected.json with R's chisq.test, fisher.test and mcnemar.test.
import { writeFileSync } from 'node:fs';

const HERE = new URL('.', import.meta.url).pathname;

/** Park–Miller minimal standard generator, seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const next = random(909);
const missing = (value: string) => (next() < 0.06 ? '' : value);
const rows: string[][] = [['wave', 'ags', 'grp', 'v_bin', 'v_flag', 'v_cat']];
const WAVES = [
  { id: 'w1', units: [0, 120], pBin: 0.3, pFlag: 0.04, cat: [0.5, 0.3, 0.2] },
  { id: 'w2', units: [40, 150], pBin: 0.45, pFlag: 0.08, cat: [0.4, 0.3, 0.3] },
  { id: 'w3', units: [100, 170], pBin: 0.5, pFlag: 0.06, cat: [0.3, 0.35, 0.35] },
] as const;
const previous = new Map<number, string>();
for (const wave of WAVES) {
  for (let unit = wave.units[0]; unit < wave.units[1]; unit++) {
    const grp = unit % 17 === 0 && unit < 100 ? 'z' : unit % 2 === 0 ? 'x' : 'y';
    // z only in w1 and w2: its 0/1 tables are 2×2 with small counts (Fisher).
    // A unit keeps its earlier 0/1 answer most of the time, so that the panel is correlated.
    const before = previous.get(unit);
    const bin = before !== undefined && next() < 0.7 ? before : next() < wave.pBin ? '1' : '0';
    previous.set(unit, bin);
    const flag = next() < wave.pFlag ? 'true' : 'false';
    const u = next();
    const cat = u < wave.cat[0] ? 'a' : u < wave.cat[0] + wave.cat[1] ? 'b' : 'c';
    rows.push([wave.id, `0${8000000 + unit}`, missing(grp), missing(bin), missing(flag), missing(cat)]);
  }
}
writeFileSync(`${HERE}trend/waves.csv`, rows.map((row) => row.join(',')).join('\n') + '\n');
