// Building blocks of scored items: a single answer on a scale, a multi question by its chosen options, a
// grid-multi item by "supported at all". Every rule returns null for a missing answer, never 0.
import type { FlatResponse } from '../instrument/model.js';
import type { ScoredItem } from './scoring-types.js';

export function isFilled(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** One column on a scale: `points[value]`; an unknown or empty value is missing. */
export function scaleItem(id: string, label: string, points: Readonly<Record<string, number>>, weight = 1): ScoredItem {
  const rule = Object.entries(points)
    .map(([value, p]) => `${value} = ${formatPoints(p)}`)
    .join(', ');
  return {
    id,
    label,
    weight,
    rule,
    value: (flat) => {
      const answer = flat[id];
      return isFilled(answer) && Object.hasOwn(points, answer) ? points[answer]! : null;
    },
  };
}

/** Whether every 0/1 column of a multi question (or grid-multi item) is filled. */
export function multiAnswered(flat: FlatResponse, columns: readonly string[]): boolean {
  return columns.every((column) => isFilled(flat[column]));
}

/** Number of `counted` columns equal to "1", or null unless all `columns` are filled. */
export function chosenCount(flat: FlatResponse, columns: readonly string[], counted: readonly string[]): number | null {
  if (!multiAnswered(flat, columns)) return null;
  return counted.filter((column) => flat[column] === '1').length;
}

/** 0.25 → "0,25"; thirds as fractions: 1/3 → "1/3". */
export function formatPoints(points: number): string {
  const thirds = points * 3;
  if (Math.abs(thirds - Math.round(thirds)) < 1e-9 && !Number.isInteger(points)) return `${Math.round(thirds)}/3`;
  return String(Math.round(points * 100) / 100).replace('.', ',');
}
