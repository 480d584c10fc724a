// Counts over other questions (derived-tallies-2019.ts) in disclosure control, checked by an attacker
// written here from scratch: every published sum of the count, its parts and its "keine" cell, and per
// column Σ value · n(value) = the parts' cells and n(0) = "keine".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Tally } from '../../instrument/derived-tallies-2019.js';
import type { CountCell, ResultsDocument, ResultsTable } from '../results-document.js';
import { suppressResults, type PublicResultsDocument } from './suppress-results.js';

interface Respondent {
  readonly parts: readonly boolean[];
  readonly groups: Readonly<Record<string, string>>;
}

const GROUPINGS = ['g', 'h'] as const;

/** The analysts' document: the count, each part, "keine" — by all and by each grouping. */
function documentOf(respondents: readonly Respondent[], partCount: number): ResultsDocument {
  const variables: [string, readonly string[], (r: Respondent) => string][] = [
    ['count', Array.from({ length: partCount + 1 }, (_, v) => String(v)), (r) => String(r.parts.filter(Boolean).length)],
    ...Array.from({ length: partCount }, (_, p): [string, readonly string[], (r: Respondent) => string] => [`part${p}`, ['0', '1'], (r) => (r.parts[p] ? '1' : '0')]),
    ['keine', ['0', '1'], (r) => (r.parts.some(Boolean) ? '0' : '1')],
  ];
  const tables: ResultsTable[] = [];
  for (const [variable, values, valueOf] of variables) {
    for (const by of ['all', ...GROUPINGS]) {
      const groupOf = (r: Respondent) => (by === 'all' ? 'all' : r.groups[by]!);
      const groups = [...new Set(respondents.map(groupOf))].sort();
      const cells = groups.flatMap((group): CountCell[] => {
        const members = respondents.filter((r) => groupOf(r) === group);
        return values.map((value) => {
          const n = members.filter((r) => valueOf(r) === value).length;
          return { by: group, value, n, base: members.length, share: n / members.length, ci95: [0, 1] };
        });
      });
      tables.push({ variable, by, cells });
    }
  }
  return { wave: 'test', n: respondents.length, weighted: false, tables };
}

function tallyOf(partCount: number): Tally {
  return { parts: Array.from({ length: partCount }, (_, p) => ({ variable: `part${p}`, value: '1' })), none: { variable: 'keine', value: '1' } };
}

/**
 * Suppressed cells whose count the published numbers fix (Gauss–Jordan on the homogeneous system), but the
 * count's 0 cells beside a published "keine" cell: those are public anyway.
 */
function recovered(pub: PublicResultsDocument, tally: Tally): string[] {
  const unknowns = new Map<string, number>();
  const key = (variable: string, by: string, group: string, value: string) => `${variable}|${by}|${group}|${value}`;
  const hidden = new Set(pub.tables.flatMap((table) => table.cells.flatMap((cell) => ('suppressed' in cell ? [key(table.variable, table.by, cell.by, cell.value)] : []))));
  const publicZero = (name: string) => {
    const [variable, by, group, value] = name.split('|');
    return variable === 'count' && value === '0' && !hidden.has(key('keine', by!, group!, '1'));
  };
  for (const name of hidden) if (!publicZero(name)) unknowns.set(name, unknowns.size);
  const equations: number[][] = [];
  const equation = (terms: readonly [string, number][]) => {
    const row = new Array<number>(unknowns.size).fill(0);
    for (const [name, coefficient] of terms) if (unknowns.has(name)) row[unknowns.get(name)!]! += coefficient;
    if (row.some((x) => x !== 0)) equations.push(row);
  };
  for (const table of pub.tables) {
    const groups = [...new Set(table.cells.map((cell) => cell.by))];
    const values = [...new Set(table.cells.map((cell) => cell.value))];
    const withheld = groups.filter((group) => table.cells.some((cell) => cell.by === group && 'suppressed' in cell && cell.base === undefined));
    for (const group of groups.filter((g) => !withheld.includes(g))) equation(values.map((value) => [key(table.variable, table.by, group, value), 1]));
    equation(withheld.flatMap((group) => values.map((value): [string, number] => [key(table.variable, table.by, group, value), 1])));
    if (table.by !== 'all') for (const value of values) equation([...groups.map((group): [string, number] => [key(table.variable, table.by, group, value), 1]), [key(table.variable, 'all', 'all', value), -1]]);
  }
  for (const table of pub.tables.filter((t) => t.variable === 'count')) {
    for (const group of new Set(table.cells.map((cell) => cell.by))) {
      const values = table.cells.filter((cell) => cell.by === group).map((cell) => cell.value);
      equation([...values.map((value): [string, number] => [key('count', table.by, group, value), Number(value)]), ...tally.parts.map((part): [string, number] => [key(part.variable, table.by, group, part.value), -1])]);
      equation([[key('count', table.by, group, '0'), 1], [key('keine', table.by, group, '1'), -1]]);
    }
  }
  const names = [...unknowns.keys()];
  const pivots: number[] = [];
  for (let column = 0, rank = 0; column < names.length && rank < equations.length; column++) {
    const best = equations.slice(rank).reduce((b, row, i) => (Math.abs(row[column]!) > Math.abs(equations[b]![column]!) ? rank + i : b), rank);
    if (Math.abs(equations[best]![column]!) < 1e-9) continue;
    [equations[rank], equations[best]] = [equations[best]!, equations[rank]!];
    const pivot = equations[rank]!.map((x) => x / equations[rank]![column]!);
    equations[rank] = pivot;
    equations.forEach((row, r) => r !== rank && row[column] !== 0 && (equations[r] = row.map((x, c) => x - row[column]! * pivot[c]!)));
    pivots.push(column);
    rank++;
  }
  return pivots.filter((column, r) => equations[r]!.every((x, c) => c === column || pivots.includes(c) || Math.abs(x) < 1e-9)).map((column) => names[column]!);
}

const respondents = fc
  .record({ partCount: fc.integer({ min: 3, max: 5 }), size: fc.integer({ min: 12, max: 90 }), groups: fc.integer({ min: 2, max: 5 }) })
  .chain(({ partCount, size, groups }) =>
    fc.record({
      partCount: fc.constant(partCount),
      rows: fc.array(
        fc.record({
          parts: fc.array(fc.boolean(), { minLength: partCount, maxLength: partCount }),
          g: fc.integer({ min: 0, max: groups - 1 }),
          h: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: size, maxLength: size },
      ),
    }),
  )
  .map(({ partCount, rows }) => ({ partCount, respondents: rows.map((row): Respondent => ({ parts: row.parts, groups: { g: `g${row.g}`, h: `h${row.h}` } })) }));

test('property: with its parts and "keine" published beside it, no suppressed cell of a count is recoverable, nor one of theirs', () => {
  let withheldWhole = 0;
  let runs = 0;
  fc.assert(
    fc.property(respondents, fc.integer({ min: 3, max: 6 }), ({ partCount, respondents: rows }, k) => {
      const tally = tallyOf(partCount);
      const pub = suppressResults(documentOf(rows, partCount), k, { tallies: { count: tally } });
      assert.deepEqual(recovered(pub, tally), []);
      for (const table of pub.tables) for (const cell of table.cells) if (!('suppressed' in cell)) assert.ok(cell.n === 0 || cell.n >= k, `${table.variable} × ${table.by}: ${cell.n}`);
      runs++;
      if (pub.tables.filter((table) => table.variable === 'count').every((table) => table.cells.every((cell) => 'suppressed' in cell))) withheldWhole++;
    }),
    { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 2019) },
  );
  assert.ok(withheldWhole < runs / 4, `count withheld whole in ${withheldWhole} of ${runs} runs`);
});

test('without the tally the same attacker recovers cells: the equations matter', () => {
  let found = 0;
  fc.assert(
    fc.property(respondents, ({ partCount, respondents: rows }) => {
      const pub = suppressResults(documentOf(rows, partCount), 5);
      if (recovered(pub, tallyOf(partCount)).length > 0) found++;
    }),
    { numRuns: 100, seed: 2019 },
  );
  assert.ok(found > 10, `recovered in ${found} of 100 documents`);
});

test('the 0 cell follows "keine": hidden where it is hidden, never a complement where it is published', () => {
  // keine = 1 for 3 respondents of group g0 (suppressed there); the count's 0 cell of g0 must hide too.
  const rows: Respondent[] = [
    ...Array.from({ length: 3 }, (): Respondent => ({ parts: [false, false], groups: { g: 'g0', h: 'h0' } })),
    ...Array.from({ length: 12 }, (_, i): Respondent => ({ parts: [true, i % 3 !== 0, i % 2 === 0], groups: { g: 'g0', h: 'h1' } })),
    ...Array.from({ length: 20 }, (_, i): Respondent => ({ parts: [i % 4 !== 0, i % 5 !== 0, i % 3 === 0], groups: { g: 'g1', h: i % 2 ? 'h0' : 'h1' } })),
    ...Array.from({ length: 9 }, (): Respondent => ({ parts: [false, false, false], groups: { g: 'g1', h: 'h1' } })),
  ];
  const pub = suppressResults(documentOf(rows, 3), 5, { tallies: { count: tallyOf(3) } });
  const cell = (variable: string, by: string, group: string, value: string) => pub.tables.find((t) => t.variable === variable && t.by === by)!.cells.find((c) => c.by === group && c.value === value)!;
  assert.ok('suppressed' in cell('keine', 'g', 'g0', '1'));
  assert.ok('suppressed' in cell('count', 'g', 'g0', '0'));
  for (const table of pub.tables.filter((t) => t.variable === 'count')) {
    for (const c of table.cells.filter((c) => c.value === '0' && 'suppressed' in c)) assert.ok('suppressed' in cell('keine', table.by, c.by, '1'), `${table.by} ${c.by}`);
  }
  assert.deepEqual(recovered(pub, tallyOf(3)), []);
});
