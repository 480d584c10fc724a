// Evaluates published-figures.json through the analysis engine: each `base` is a filtered WaveData, each
// `where` a sum of cells of a results-document table (same semantics as test/evaluate-figures.ts).
import { analyzeWave } from '../../src/analysis/analyze-wave.js';
import { filterWaveData } from '../../src/analysis/filter-wave-data.js';
import type { CountCell, ResultsDocument, ResultsTable } from '../../src/analysis/results-document.js';
import { MISSING, type CodedVariable, type WaveData } from '../../src/analysis/wave-data.js';
import { compare, descending, type Figure, type FigureResult, list, num, str } from '../evaluate-figures.js';

const EPS = 1e-9;

interface Condition {
  readonly variable: string;
  readonly holds: (value: string) => boolean;
}

/** 'x = a', 'x in {a, b}', 'x in 1..2', 'x <= 2', 'x >= 2', or a bare flag 'x'. */
export function condition(expression: string): Condition {
  const text = expression.trim();
  const set = /^(\w+)\s+in\s+\{(.*)\}$/.exec(text);
  if (set) {
    const options = set[2]!.split(',').map((option) => option.trim());
    return { variable: set[1]!, holds: (v) => options.includes(v) };
  }
  const range = /^(\w+)\s+in\s+(\d+)\.\.(\d+)$/.exec(text);
  if (range) return { variable: range[1]!, holds: (v) => Number(v) >= Number(range[2]) && Number(v) <= Number(range[3]) };
  const comparison = /^(\w+)\s*(<=|>=|=)\s*(\S+)$/.exec(text);
  if (comparison) {
    const [, variable = '', op, rhs = ''] = comparison;
    return { variable, holds: (v) => (op === '=' ? v === rhs : op === '<=' ? Number(v) <= Number(rhs) : Number(v) >= Number(rhs)) };
  }
  return { variable: text, holds: (v) => v === 'true' || v === '1' };
}

export function evaluateFiguresOnEngine(figures: readonly Figure[], data: WaveData): FigureResult[] {
  return figures.map((figure) => ({ id: figure.id, ...evaluate(figure, data) }));
}

function evaluate(figure: Figure, all: WaveData): Omit<FigureResult, 'id'> {
  const data = !figure.base || figure.base === 'all' ? all : filtered(all, condition(figure.base));
  switch (figure.metric) {
    case 'count':
      return { got: data.n, holds: Math.abs(data.n - num(figure.value)) <= (figure.tol ?? 0) };
    case 'share':
      return compare(share(data, str(figure.where)), figure);
    case 'trend':
      return trend(data, str(figure.where), figure.op);
    case 'mean_order':
      return descending((figure.order ?? []).map((group) => mean(data, str(figure.of), str(figure.by), String(group))));
    case 'share_order':
      return descending(
        typeof figure.of === 'object'
          ? figure.of.map((where) => share(data, where))
          : (figure.order ?? []).map((group) => share(data, str(figure.where), str(figure.by), String(group))),
      );
    case 'share_each': {
      const shares = list(figure.where).map((where) => share(data, where));
      if (figure.op !== 'between') return { got: shares, holds: shares.every((s) => s >= num(figure.value) - EPS) };
      const [low = 0, high = 1] = list(figure.value);
      return { got: shares, holds: shares.every((s) => s >= low - EPS && s <= high + EPS) };
    }
    case 'association': {
      const [by = '', variable = ''] = list(figure.of);
      const test = table(data, variable, by).test;
      const p = test ? test.p : Number.NaN;
      return { got: p, holds: p >= (figure.alpha ?? 0.05) };
    }
  }
}

function filtered(data: WaveData, { variable, holds }: Condition): WaveData {
  const column = codedVariable(data, variable);
  return filterWaveData(data, (i) => column.codes[i] !== MISSING && holds(column.values[column.codes[i]!]!));
}

/** The `variable` × `by` table of the engine's document; `by` is added as a grouping when the wave lacks it. */
function table(data: WaveData, variable: string, by = 'all'): ResultsTable {
  const withBy = by === 'all' || data.groupings.some((g) => g.name === by) ? data : { ...data, groupings: [...data.groupings, codedVariable(data, by)] };
  const doc: ResultsDocument = analyzeWave(withBy, { variables: [variable] });
  const found = doc.tables.find((t) => t.variable === variable && t.by === by);
  if (!found) throw new Error(`keine Tabelle ${variable} × ${by}`);
  return found;
}

function cellsOf(data: WaveData, variable: string, by?: string, group = 'all'): CountCell[] {
  return table(data, variable, by).cells.filter((cell): cell is CountCell => 'n' in cell && cell.by === group);
}

function share(data: WaveData, where: string, by?: string, group?: string): number {
  const { variable, holds } = condition(where);
  const cells = cellsOf(data, variable, by, group);
  if (cells.length === 0) return Number.NaN;
  return cells.filter((cell) => holds(cell.value)).reduce((sum, cell) => sum + cell.n, 0) / cells[0]!.base;
}

function mean(data: WaveData, variable: string, by: string, group: string): number {
  const cells = cellsOf(data, variable, by, group);
  if (cells.length === 0) return Number.NaN;
  return cells.reduce((sum, cell) => sum + Number(cell.value) * cell.n, 0) / cells[0]!.base;
}

// The largest third of units by population against the smallest third (stable order, as check-figures.py).
function trend(data: WaveData, where: string, op: string): Omit<FigureResult, 'id'> {
  const ranked = [...Array(data.n).keys()].filter((i) => data.population[i]! > 0).sort((a, b) => data.population[a]! - data.population[b]!);
  const third = Math.floor(ranked.length / 3);
  const thirdShare = (members: readonly number[]) => {
    const set = new Set(members);
    return share(filterWaveData(data, (i) => set.has(i)), where);
  };
  const small = thirdShare(ranked.slice(0, third));
  const large = thirdShare(ranked.slice(ranked.length - third));
  return { got: [small, large], holds: op.startsWith('increasing') ? large > small : large < small };
}

function codedVariable(data: WaveData, name: string): CodedVariable {
  const variable = [...data.variables, ...data.groupings].find((candidate) => candidate.name === name);
  if (!variable) throw new Error(`keine Variable ${name}`);
  return variable;
}
