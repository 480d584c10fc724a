// Evaluates published-figures.json on flat responses, with the semantics of tools/check-figures.py
// (shared/tools): `base`/`where` expressions, every metric kind, derived variables by the strict rule.
import { deriveVariables } from '../src/instrument/derive-variables.js';
import type { FlatResponse } from '../src/instrument/model.js';

export interface Figure {
  readonly id: string;
  readonly metric: 'count' | 'share' | 'trend' | 'mean_order' | 'share_order' | 'share_each' | 'association';
  readonly base?: string;
  readonly where?: string | readonly string[];
  readonly of?: string | readonly string[];
  readonly by?: string;
  readonly order?: readonly (string | boolean)[];
  readonly op: string;
  readonly value?: number | readonly number[];
  readonly tol?: number;
  readonly alpha?: number;
}

export interface FigureResult {
  readonly id: string;
  readonly holds: boolean;
  /** Share, [small third, large third], means or shares in order, or p of the association test. */
  readonly got: number | readonly number[];
}

interface Row {
  readonly values: Readonly<Record<string, string | null | undefined>>;
  readonly population: number;
}
type Predicate = (row: Row) => boolean | null;

const EPS = 1e-9;

/** `population` by AGS is the register's (demo units included), as check-figures.py takes it. */
export function evaluateFigures(
  figures: readonly Figure[],
  responses: readonly { readonly ags: string; readonly answers: FlatResponse }[],
  population: ReadonlyMap<string, number>,
): FigureResult[] {
  const rows: Row[] = responses.map(({ ags, answers }) => ({
    values: { ...answers, ...deriveVariables(answers) },
    population: population.get(ags) ?? 0,
  }));
  return figures.map((figure) => ({ id: figure.id, ...evaluate(figure, rows) }));
}

function evaluate(figure: Figure, rows: readonly Row[]): Omit<FigureResult, 'id'> {
  const base = !figure.base || figure.base === 'all' ? () => true : predicate(figure.base);
  switch (figure.metric) {
    case 'count':
      return { got: rows.length, holds: Math.abs(rows.length - num(figure.value)) <= (figure.tol ?? 0) };
    case 'share':
      return compare(share(rows, base, predicate(str(figure.where))), figure);
    case 'trend':
      return trend(rows, base, predicate(str(figure.where)), figure.op);
    case 'mean_order':
      return descending(groupsOf(figure).map((group) => mean(rows.filter(inGroup(figure, group)), str(figure.of))));
    case 'share_order':
      return descending(
        typeof figure.of === 'object'
          ? figure.of.map((where) => share(rows, base, predicate(where)))
          : groupsOf(figure).map((group) => share(rows.filter(inGroup(figure, group)), base, predicate(str(figure.where)))),
      );
    case 'share_each':
      return each(list(figure.where).map((where) => share(rows, base, predicate(where))), figure);
    case 'association':
      return association(rows, list(figure.of), figure.alpha ?? 0.05);
  }
}

/** 'x = a', 'x in {a, b}', 'x in 1..2', 'x <= 2', 'x >= 2', or a bare flag 'x'; null = missing. */
export function predicate(expression: string): Predicate {
  const text = expression.trim();
  const set = /^(\w+)\s+in\s+\{(.*)\}$/.exec(text);
  if (set) {
    const options = (set[2] ?? '').split(',').map((option) => option.trim());
    return (row) => nullOr(valueOf(row, set[1]), (v) => options.includes(v));
  }
  const range = /^(\w+)\s+in\s+(\d+)\.\.(\d+)$/.exec(text);
  if (range) return (row) => nullOr(valueOf(row, range[1]), (v) => Number(v) >= Number(range[2]) && Number(v) <= Number(range[3]));
  const comparison = /^(\w+)\s*(<=|>=|=)\s*(\S+)$/.exec(text);
  if (comparison) {
    const [, variable, op, rhs = ''] = comparison;
    return (row) => nullOr(valueOf(row, variable), (v) => (op === '=' ? v === rhs : op === '<=' ? Number(v) <= Number(rhs) : Number(v) >= Number(rhs)));
  }
  return (row) => nullOr(valueOf(row, text), (v) => v === 'true' || v === '1');
}

function share(rows: readonly Row[], base: Predicate, where: Predicate): number {
  const answered = rows.filter((row) => base(row) === true).map(where).filter((v): v is boolean => v !== null);
  return answered.length === 0 ? Number.NaN : answered.filter(Boolean).length / answered.length;
}

export function compare(got: number, figure: Figure): Omit<FigureResult, 'id'> {
  const value = num(figure.value);
  if (figure.op === '=') return { got, holds: Math.abs(got - value) <= (figure.tol ?? 0) + EPS };
  return { got, holds: figure.op === '<=' ? got <= value + EPS : got >= value - EPS };
}

// The largest third of units by population against the smallest third (stable sort, as Python's).
function trend(rows: readonly Row[], base: Predicate, where: Predicate, op: string): Omit<FigureResult, 'id'> {
  const ranked = rows.filter((row) => row.population > 0).sort((a, b) => a.population - b.population);
  const third = Math.floor(ranked.length / 3);
  const small = share(ranked.slice(0, third), base, where);
  const large = share(ranked.slice(ranked.length - third), base, where);
  return { got: [small, large], holds: op.startsWith('increasing') ? large > small : large < small };
}

function mean(rows: readonly Row[], variable: string): number {
  const values = rows.map((row) => valueOf(row, variable)).filter((v): v is string => v !== null).map(Number);
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function descending(values: readonly number[]): Omit<FigureResult, 'id'> {
  return { got: values, holds: values.every((v, i) => i === 0 || (values[i - 1] ?? Number.NaN) > v) };
}

function each(shares: readonly number[], figure: Figure): Omit<FigureResult, 'id'> {
  if (figure.op === 'between') {
    const [low = 0, high = 1] = list(figure.value);
    return { got: shares, holds: shares.every((s) => s >= low - EPS && s <= high + EPS) };
  }
  return { got: shares, holds: shares.every((s) => s >= num(figure.value) - EPS) };
}

// Pearson X² without continuity correction on the full table of observed categories; holds when p ≥ alpha.
function association(rows: readonly Row[], [a = '', b = '']: readonly string[], alpha: number): Omit<FigureResult, 'id'> {
  const pairs = rows.map((row) => [valueOf(row, a), valueOf(row, b)] as const).filter((p): p is readonly [string, string] => p[0] !== null && p[1] !== null);
  const levelsA = [...new Set(pairs.map((p) => p[0]))].sort();
  const levelsB = [...new Set(pairs.map((p) => p[1]))].sort();
  const count = (x: string | null, y: string | null) => pairs.filter((p) => (x === null || p[0] === x) && (y === null || p[1] === y)).length;
  let statistic = 0;
  for (const x of levelsA) {
    for (const y of levelsB) {
      const expected = (count(x, null) * count(null, y)) / pairs.length;
      if (expected > 0) statistic += (count(x, y) - expected) ** 2 / expected;
    }
  }
  const p = chiSquareUpperTail(statistic, (levelsA.length - 1) * (levelsB.length - 1));
  return { got: p, holds: p >= alpha };
}

/** Q(df/2, x/2), the regularised upper incomplete gamma: series below a + 1, Lentz's continued fraction above. */
export function chiSquareUpperTail(x: number, df: number): number {
  const a = df / 2;
  const z = x / 2;
  if (z <= 0) return 1;
  const front = Math.exp(-z + a * Math.log(z) - logGamma(a));
  if (z < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > 1e-15 * Math.abs(sum); n++) {
      term *= z / (a + n);
      sum += term;
    }
    return 1 - sum * front;
  }
  let b = z + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    c = b + an / c;
    c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    d = 1 / d;
    h *= d * c;
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return front * h;
}

// Lanczos approximation (g = 7, n = 9), relative error < 1e-13 for x > 0.
function logGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const t = x - 1;
  let sum = g[0] ?? 0;
  for (let i = 1; i < g.length; i++) sum += (g[i] ?? 0) / (t + i);
  const u = t + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (t + 0.5) * Math.log(u) - u + Math.log(sum);
}

function valueOf(row: Row, variable: string | undefined): string | null {
  const value = variable === undefined ? undefined : row.values[variable];
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

function nullOr(value: string | null, test: (value: string) => boolean): boolean | null {
  return value === null ? null : test(value);
}

function inGroup(figure: Figure, group: string | boolean): (row: Row) => boolean {
  return (row) => valueOf(row, figure.by) === String(group);
}

function groupsOf(figure: Figure): readonly (string | boolean)[] {
  return figure.order ?? [];
}

export function list<T>(value: T | readonly T[] | undefined): readonly T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as T];
}

export function str(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: number | readonly number[] | undefined): number {
  return typeof value === 'number' ? value : Number.NaN;
}
