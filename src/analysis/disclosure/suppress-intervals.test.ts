// Disclosure control against the interval attacker: the published equations of
// test/support/published-equations.ts, plus what the linear attacker ignores — counts are whole numbers
// and never negative — solved as integer programs (HiGHS) for the least and greatest value of each
// suppressed cell. No suppressed cell may be pinned to one value; the figures of docs/disclosure.md
// ("Grenzen") are the narrowed cells counted here.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Highs } from 'highs';
import { DERIVED_RECODES_2019 } from '../../instrument/derived-recodes-2019.js';
import { DERIVED_TALLIES_2019 } from '../../instrument/derived-tallies-2019.js';
import { instrument2019 } from '../../instrument/waves/instrument-2019.js';
import { publicResults } from '../../tasks/public-results.js';
import type { ResultsDocument } from '../results-document.js';
import { demoResults } from '../../../test/support/demo-results.js';
import { cellKey, publishedEquations, type PublishedEquations } from '../../../test/support/published-equations.js';

// The package's types describe its ES module as CommonJS under NodeNext; its CommonJS build is the loader.
const loadHighs: typeof import('highs').default = createRequire(import.meta.url)('highs');

/** The true count of every cell of the unsuppressed document, by cellKey. */
function truth(doc: ResultsDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of doc.tables) for (const cell of table.cells) if ('n' in cell) counts.set(cellKey(table.variable, table.by, cell.by, cell.value), cell.n);
  return counts;
}

/** Unknowns linked by some equation, each group with its equations (union–find over the rows). */
function components({ unknowns, rows }: PublishedEquations): { readonly members: number[]; readonly rows: ReadonlyMap<number, number>[] }[] {
  const parent = unknowns.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const row of rows) {
    const [first, ...rest] = [...row.keys()];
    for (const other of rest) parent[find(other)] = find(first!);
  }
  const groups = new Map<number, { members: number[]; rows: ReadonlyMap<number, number>[] }>();
  const group = (root: number) => groups.get(root) ?? groups.set(root, { members: [], rows: [] }).get(root)!;
  unknowns.forEach((_, i) => group(find(i)).members.push(i));
  for (const row of rows) group(find([...row.keys()][0]!)).rows.push(row);
  return [...groups.values()];
}

const term = (coefficient: number, at: number) => `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} x${at}`;

/** The component as an integer program in CPLEX LP format, without its objective. */
function constraints(members: readonly number[], rows: readonly ReadonlyMap<number, number>[], value: (at: number) => number): string {
  const lines = rows.map((row, r) => {
    const terms = [...row].map(([at, coefficient]) => term(coefficient, at));
    const rhs = [...row].reduce((sum, [at, coefficient]) => sum + coefficient * value(at), 0);
    const wrapped = Array.from({ length: Math.ceil(terms.length / 8) }, (_, i) => terms.slice(i * 8, i * 8 + 8).join(' ')).join('\n   ');
    return ` c${r}: ${wrapped} = ${rhs}`;
  });
  const names = members.map((at) => `x${at}`);
  const general = Array.from({ length: Math.ceil(names.length / 12) }, (_, i) => ' ' + names.slice(i * 12, i * 12 + 12).join(' ')).join('\n');
  return `Subject To\n${lines.join('\n')}\nGeneral\n${general}\nEnd`;
}

interface Solver {
  /** A whole-number solution of the component with `objective` (coefficient per unknown) least or greatest. */
  readonly solve: (sense: 'Minimize' | 'Maximize', objective: ReadonlyMap<number, number>) => ReadonlyMap<number, number>;
}

function solver(highs: Highs, members: readonly number[], rows: readonly ReadonlyMap<number, number>[], value: (at: number) => number): Solver {
  const body = constraints(members, rows, value);
  return {
    solve: (sense, objective) => {
      const terms = [...objective].map(([at, coefficient]) => term(coefficient, at));
      const wrapped = Array.from({ length: Math.ceil(terms.length / 8) }, (_, i) => terms.slice(i * 8, i * 8 + 8).join(' ')).join('\n   ');
      const solution = highs.solve(`${sense}\n obj: ${wrapped}\n${body}`);
      assert.equal(solution.Status, 'Optimal', `${sense} ${[...objective.keys()].map((at) => `x${at}`).join(' ')}: ${solution.Status}`);
      return new Map(members.map((at) => [at, Math.round(solution.Columns[`x${at}`]!.Primal)]));
    },
  };
}

/**
 * Per unknown, whether some whole-number solution other than the truth makes it smaller (`lower`) or
 * larger (`higher`) — for a small cell: 0 (`lower`) or at least k (`higher`); a 0 cannot be smaller. Solutions that push many
 * unknowns at once are tried first; each found solution settles every unknown it moves far enough.
 */
function witnesses(solve: Solver['solve'], members: readonly number[], goal: { readonly lower: (at: number) => number; readonly higher: (at: number) => number }) {
  const lower = new Set(members.filter((at) => goal.lower(at) >= 0));
  const higher = new Set(members);
  const settle = (solution: ReadonlyMap<number, number>) => {
    let progress = false;
    for (const at of members) {
      if (lower.has(at) && solution.get(at)! <= goal.lower(at)) progress = lower.delete(at);
      if (higher.has(at) && solution.get(at)! >= goal.higher(at)) progress = higher.delete(at) || progress;
    }
    return progress;
  };
  // Unequal weights break the ties between unknowns that trade against each other.
  let seed = 7;
  const weight = () => 1 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 10);
  const all = (open: ReadonlySet<number>) => new Map([...open].map((at) => [at, weight()]));
  for (let progress = true; progress && (lower.size > 0 || higher.size > 0); ) {
    progress = (lower.size > 0 && settle(solve('Minimize', all(lower)))) || (higher.size > 0 && settle(solve('Maximize', all(higher))));
  }
  for (const at of [...lower]) if (lower.has(at)) settle(solve('Minimize', new Map([[at, 1]])));
  for (const at of [...higher]) if (higher.has(at)) settle(solve('Maximize', new Map([[at, 1]])));
  return { lower, higher };
}

interface Audit {
  /** Suppressed cells the equations involve, and of them those with 0 < n < k. */
  readonly cells: number;
  readonly small: number;
  /** Cells no other whole-number solution moves. */
  readonly pinned: readonly string[];
  /** Small cells the attacker can tell are not 0, less than k, and both. */
  readonly notZero: number;
  readonly belowK: number;
  readonly narrowed: number;
}

function audit(highs: Highs, k: number): Audit {
  const { results } = demoResults();
  const pub = publicResults(instrument2019, results, k);
  const equations = publishedEquations(pub, { tallies: DERIVED_TALLIES_2019, recodes: DERIVED_RECODES_2019 });
  const counts = truth(results);
  // A group the document leaves out (a base withheld for a filter, no one answering) counts 0.
  const value = (at: number) => counts.get(equations.unknowns[at]!) ?? 0;
  const isSmall = (at: number) => value(at) > 0 && value(at) < k;
  const result = { cells: 0, small: 0, pinned: [] as string[], notZero: 0, belowK: 0, narrowed: 0 };
  for (const { members, rows } of components(equations)) {
    if (rows.length === 0) continue;
    const { solve } = solver(highs, members, rows, value);
    const open = witnesses(solve, members, { lower: (at) => (isSmall(at) ? 0 : value(at) - 1), higher: (at) => (isSmall(at) ? k : value(at) + 1) });
    for (const at of members) {
      result.cells++;
      const stuck = (open: { readonly lower: ReadonlySet<number>; readonly higher: ReadonlySet<number> }) => (value(at) === 0 || open.lower.has(at)) && open.higher.has(at);
      const moved = () => !stuck(witnesses(solve, [at], { lower: () => value(at) - 1, higher: () => value(at) + 1 }));
      if (stuck(open) && (!isSmall(at) || !moved())) result.pinned.push(`${equations.unknowns[at]} = ${value(at)}`);
      if (!isSmall(at)) continue;
      result.small++;
      if (open.lower.has(at)) result.notZero++;
      if (open.higher.has(at)) result.belowK++;
      if (open.lower.has(at) && open.higher.has(at)) result.narrowed++;
    }
  }
  return result;
}

test('demo 2019, k = 3, 5, 10: no suppressed cell is pinned by the published sums as whole, non-negative counts', async () => {
  const highs = await loadHighs();
  for (const k of [3, 5, 10]) {
    const result = audit(highs, k);
    console.log(`k = ${k}: ${result.cells} suppressed cells, ${result.small} with 0 < n < k: ${result.notZero} known not 0, ${result.belowK} known < k, ${result.narrowed} both`);
    assert.deepEqual(result.pinned, [], `k = ${k}`);
    assert.ok(result.cells > 100 && result.small > 20, `k = ${k}: ${result.cells} cells, ${result.small} small`);
  }
});
