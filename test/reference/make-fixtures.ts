// Writes the reference fixtures (run once: npx tsx test/reference/make-fixtures.ts). Deterministic; the
// CSVs are committed, and make-expected.R turns them into expected.json with R's survey package.
import { writeFileSync } from 'node:fs';

const HERE = new URL('.', import.meta.url).pathname;

interface Fixture {
  readonly respondents: string[][];
  readonly columns: readonly string[];
  readonly register: readonly (readonly [string, string, number])[];
  readonly variables: readonly (readonly [string, 'variable' | 'grouping', readonly string[]])[];
}

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.join(',')).join('\n') + '\n';
}

function write(name: string, fixture: Fixture): void {
  writeFileSync(`${HERE}${name}/respondents.csv`, csv([fixture.columns, ...fixture.respondents]));
  writeFileSync(`${HERE}${name}/register.csv`, csv([['size_class', 'state', 'units'], ...fixture.register]));
  writeFileSync(`${HERE}${name}/variables.csv`, csv([['name', 'role', 'values'], ...fixture.variables.map(([n, r, v]) => [n, r, v.join('|')])]));
}

/** Park–Miller minimal standard generator, seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function pick<T>(next: () => number, items: readonly T[], weights?: readonly number[]): T {
  const w = weights ?? items.map(() => 1);
  let u = next() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((u -= w[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

// small: hand-made awkward cases.
function small(): Fixture {
  const next = random(20190);
  const states = ['Bayern', 'Hessen', 'Sachsen', 'Thüringen'];
  const classes = ['gk6', 'gk7', 'lk3'];
  const rows: string[][] = [];
  // A tiny stratum: the only gk5 respondent (extreme weight), group g4 on its own.
  rows.push(['1', 'gk5', 'Bayern', 'ja', 'false', '', 'a', 'g4', 'x']);
  for (let id = 2; id <= 41; id++) {
    const sizeClass = classes[id % 3]!;
    const state = states[Math.floor(id / 3) % 4]!;
    const status = next() < 0.12 ? '' : pick(next, ['ja', 'nein', 'teilweise'], sizeClass === 'gk7' ? [1, 3, 1] : [3, 1, 1]);
    const flag = id % 13 === 0 ? 'true' : 'false';
    // Singular table for Rao-Scott: values b and c only in group g1, g2/g3 see only a.
    const group = id <= 14 ? 'g1' : id <= 28 ? 'g2' : id <= 39 ? 'g3' : '';
    const block = group === 'g1' ? pick(next, ['a', 'b', 'c']) : 'a';
    const pair = id % 2 === 0 ? 'x' : 'y';
    rows.push([String(id), sizeClass, state, status, flag, '', block, group, pair]);
  }
  const register: [string, string, number][] = [];
  for (const k of ['gk5', ...classes]) {
    for (const t of states) register.push([k, t, k === 'gk5' ? (t === 'Bayern' ? 60 : 0) : 20 + Math.floor(next() * 60)]);
  }
  register.push(['gk1', 'Bayern', 3], ['gk6', 'Bremen', 1], ['gk7', 'Bremen', 1]);
  return {
    columns: ['id', 'size_class', 'state', 'q_status', 'q_flag', 'q_empty', 'q_block', 'grp', 'grp2'],
    respondents: rows,
    register,
    variables: [
      ['q_status', 'variable', ['ja', 'nein', 'teilweise']],
      ['q_flag', 'variable', ['false', 'true']],
      ['q_empty', 'variable', ['ja', 'nein']],
      ['q_block', 'variable', ['a', 'b', 'c']],
      ['grp', 'grouping', ['g1', 'g2', 'g3', 'g4', 'g5']],
      ['grp2', 'grouping', ['x', 'y']],
      ['size_class', 'grouping', ['gk1', 'gk5', 'gk6', 'gk7', 'lk3']],
      ['state', 'grouping', ['Bayern', 'Bremen', 'Hessen', 'Sachsen', 'Thüringen']],
    ],
  };
}

// medium: 400 respondents, 8 size classes × 6 states, outcomes that depend on the raking variables.
function medium(): Fixture {
  const next = random(4711);
  const states = ['Baden-Württemberg', 'Bayern', 'Brandenburg', 'Hessen', 'Niedersachsen', 'Saarland'];
  const classes = ['gk2', 'gk3', 'gk4', 'gk5', 'gk6', 'gk7', 'lk2', 'lk3'];
  const rates = new Map<string, number>();
  const register: [string, string, number][] = [];
  for (const k of classes) {
    for (const t of states) {
      const units = 10 + Math.floor(next() * 200);
      register.push([k, t, units]);
      rates.set(`${k}/${t}`, 0.02 + 0.25 * next() * (k === 'gk7' ? 0.3 : 1));
    }
  }
  register.push(['gk1', 'Niedersachsen', 2], ['gk7', 'Berlin', 0], ['gk4', 'Bremen', 3]);
  const rows: string[][] = [];
  let id = 0;
  while (rows.length < 400) {
    const [k, t, units] = register[Math.floor(next() * 48)]!;
    if (next() > (rates.get(`${k}/${t}`) ?? 0) * Math.min(1, units / 100)) continue;
    id++;
    const rank = classes.indexOf(k);
    const three = next() < 0.08 ? '' : pick(next, ['eins', 'zwei', 'drei'].sort(), [1 + rank, 4, 8 - rank]);
    const flag = next() < 0.05 ? '' : next() < 0.15 + 0.08 * rank ? 'true' : 'false';
    const count = next() < 0.1 ? '' : String(Math.min(4, Math.floor(next() * (2 + rank / 2))));
    const group = next() < 0.03 ? '' : pick(next, ['p', 'q', 'r'], [2, 3, 1]);
    const pair = next() < 0.5 ? 'ja' : 'nein';
    rows.push([String(id), k, t, three, flag, count, group, pair]);
  }
  return {
    columns: ['id', 'size_class', 'state', 'v_three', 'v_flag', 'v_count', 'grp', 'grp2'],
    respondents: rows,
    register,
    variables: [
      ['v_three', 'variable', ['drei', 'eins', 'zwei']],
      ['v_flag', 'variable', ['false', 'true']],
      ['v_count', 'variable', ['0', '1', '2', '3', '4']],
      ['grp', 'grouping', ['p', 'q', 'r']],
      ['grp2', 'grouping', ['ja', 'nein']],
      ['size_class', 'grouping', ['gk1', ...classes]],
      ['state', 'grouping', ['Baden-Württemberg', 'Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hessen', 'Niedersachsen', 'Saarland']],
    ],
  };
}

write('small', small());
write('medium', medium());
