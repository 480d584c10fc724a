// The whole-number attacker: the published equations of published-equations.ts plus what the linear
// attacker ignores — counts are whole and never negative — solved as integer programs (HiGHS) for each
// suppressed cell. HiGHS rather than a search of our own, so that the check shares no blind spot with
// the product's other-whole-solution.ts.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Highs } from 'highs';
import type { ResultsDocument } from '../../src/analysis/results-document.js';
import type { PublicResultsDocument } from '../../src/analysis/disclosure/suppress-results.js';
import { cellKey, publishedEquations, type PublishedEquations, type Relations } from './published-equations.js';

export type { Highs };

// The package's types describe its ES module as CommonJS under NodeNext; its CommonJS build is the loader.
export const loadHighs: typeof import('highs').default = createRequire(import.meta.url)('highs');

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
/** Terms of a long sum, eight to a line (LP format lines stay short). */
const wrap = (terms: readonly string[]) => Array.from({ length: Math.ceil(terms.length / 8) }, (_, i) => terms.slice(i * 8, i * 8 + 8).join(' ')).join('\n   ');

/** The component in CPLEX LP format without its objective: x ≥ 0, whole where `whole`. */
function constraints(members: readonly number[], rows: readonly ReadonlyMap<number, number>[], value: (at: number) => number, whole: boolean): string {
  const lines = rows.map((row, r) => {
    const rhs = [...row].reduce((sum, [at, coefficient]) => sum + coefficient * value(at), 0);
    return ` c${r}: ${wrap([...row].map(([at, coefficient]) => term(coefficient, at)))} = ${rhs}`;
  });
  const names = members.map((at) => `x${at}`);
  const general = ' ' + wrap(names);
  return `Subject To\n${lines.join('\n')}\n${whole ? `General\n${general}\n` : ''}End`;
}

interface Solver {
  /** A solution of the component with `objective` (coefficient per unknown) least or greatest. */
  readonly solve: (sense: 'Minimize' | 'Maximize', objective: ReadonlyMap<number, number>) => ReadonlyMap<number, number>;
}

function solver(highs: Highs, members: readonly number[], rows: readonly ReadonlyMap<number, number>[], value: (at: number) => number, whole: boolean): Solver {
  const body = constraints(members, rows, value, whole);
  return {
    solve: (sense, objective) => {
      const solution = highs.solve(`${sense}\n obj: ${wrap([...objective].map(([at, coefficient]) => term(coefficient, at)))}\n${body}`);
      assert.equal(solution.Status, 'Optimal', `${sense} ${[...objective.keys()].map((at) => `x${at}`).join(' ')}: ${solution.Status}`);
      return new Map(members.map((at) => [at, whole ? Math.round(solution.Columns[`x${at}`]!.Primal) : solution.Columns[`x${at}`]!.Primal]));
    },
  };
}

/**
 * Per unknown, the goals no solution reaches: at most goal.lower (`lower`), at least goal.higher
 * (`higher`); a goal below 0 is no goal. Solutions that push many unknowns at once are tried first; each
 * found solution settles every unknown it moves far enough.
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

export interface Audit {
  /** Suppressed cells the equations involve, and of them those with 0 < n < k. */
  readonly cells: number;
  readonly small: number;
  /** Cells no other whole-number solution moves. */
  readonly pinned: readonly { readonly cell: string; readonly n: number }[];
  /** Small cells the attacker can tell are not 0, less than k, and both. */
  readonly notZero: number;
  readonly belowK: number;
  readonly narrowed: number;
}

/**
 * The whole-number attacker on a public document: per suppressed cell (an unknown of publishedEquations),
 * whether another whole, non-negative solution of the published sums moves it, and for the small ones
 * (0 < n < k) whether one makes them 0 or at least k. `whole: false`: any non-negative solution (the
 * linear-programming attacker of τ-ARGUS and sdcTable).
 * @param doc the unsuppressed document `pub` was made from (the true counts)
 */
export function wholeNumberAudit(highs: Highs, pub: PublicResultsDocument, doc: ResultsDocument, relations: Relations, k: number, { whole = true } = {}): Audit {
  const equations = publishedEquations(pub, relations);
  const counts = truth(doc);
  // A group the document leaves out (a base withheld for a filter, no one answering) counts 0.
  const value = (at: number) => counts.get(equations.unknowns[at]!) ?? 0;
  const isSmall = (at: number) => value(at) > 0 && value(at) < k;
  const result = { cells: 0, small: 0, pinned: [] as { cell: string; n: number }[], notZero: 0, belowK: 0, narrowed: 0 };
  for (const { members, rows } of components(equations)) {
    if (rows.length === 0) continue;
    const { solve } = solver(highs, members, rows, value, whole);
    // The least move that counts: 1, or without whole numbers any beyond rounding.
    const step = whole ? 1 : 1e-6;
    const [zero, atLeastK] = whole ? [0, k] : [step, k - step];
    const open = witnesses(solve, members, { lower: (at) => (isSmall(at) ? zero : value(at) - step), higher: (at) => (isSmall(at) ? atLeastK : value(at) + step) });
    for (const at of members) {
      result.cells++;
      const stuck = (open: { readonly lower: ReadonlySet<number>; readonly higher: ReadonlySet<number> }) => (value(at) === 0 || open.lower.has(at)) && open.higher.has(at);
      const moved = () => !stuck(witnesses(solve, [at], { lower: () => value(at) - step, higher: () => value(at) + step }));
      if (stuck(open) && (!isSmall(at) || !moved())) result.pinned.push({ cell: equations.unknowns[at]!, n: value(at) });
      if (!isSmall(at)) continue;
      result.small++;
      if (open.lower.has(at)) result.notZero++;
      if (open.higher.has(at)) result.belowK++;
      if (open.lower.has(at) && open.higher.has(at)) result.narrowed++;
    }
  }
  return result;
}
