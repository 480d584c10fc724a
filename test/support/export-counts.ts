// Counts of the results document (by = all) and of the codebook, to compare every export with `analyze --json`.
import assert from 'node:assert/strict';
import type { ResultsDocument } from '../../src/analysis/results-document.js';
import type { Codebook } from '../../src/formats/codebook.js';

/** variable → value → n of the `all` tables. */
export function analyzeCounts(doc: ResultsDocument): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const table of doc.tables) {
    if (table.by !== 'all') continue;
    out.set(table.variable, new Map(table.cells.map((cell) => [cell.value, 'n' in cell ? cell.n : NaN])));
  }
  return out;
}

/** Asserts that `counted(variable, value)` equals analyze's n for every cell of every `all` table. */
export function assertCountsEqual(doc: ResultsDocument, counted: (variable: string, value: string) => number, what: string): number {
  let cells = 0;
  for (const [variable, values] of analyzeCounts(doc)) {
    for (const [value, n] of values) {
      assert.equal(counted(variable, value), n, `${what}: ${variable} = ${value}`);
      cells++;
    }
  }
  return cells;
}

/** value → code and code → value per variable, from the codebook. */
export function codesOf(book: Codebook): Map<string, { byValue: Map<string, number>; byLabel: Map<string, string> }> {
  return new Map(
    book.variables.map((variable) => [
      variable.name,
      {
        byValue: new Map((variable.options ?? []).map((option) => [option.value, option.code])),
        byLabel: new Map((variable.options ?? []).map((option) => [option.label, option.value])),
      },
    ]),
  );
}
