import type { CountTable, Tally } from './crosstabs.js';
import type { CountCell } from './results-document.js';

export type Interval = (n: number, base: number) => readonly [number, number];

/**
 * statistics.md "Cells": for every group with base > 0, one cell per value of the domain (zeros
 * included); share = n / base. Groups with base 0 give no cell, so no NaN reaches the document.
 */
export function tableCells(table: CountTable<Tally>, interval: Interval): CountCell[] {
  const { values, groups, counts } = table;
  const width = values.length;
  const cells: CountCell[] = [];
  for (let g = 0; g < groups.length; g++) {
    let base = 0;
    for (let v = 0; v < width; v++) base += counts[g * width + v]!;
    if (base <= 0) continue;
    for (let v = 0; v < width; v++) {
      const n = counts[g * width + v]!;
      cells.push({ by: groups[g]!, value: values[v]!, n, base, share: n / base, ci95: interval(n, base) });
    }
  }
  return cells;
}
