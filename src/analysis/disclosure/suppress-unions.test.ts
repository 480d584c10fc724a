// "Or" flags in disclosure control (derived-unions-2019.ts, union-columns.ts): a flag and its parts
// published side by side imply counts no table shows (flag − part; part + part − flag for two parts). An
// attacker written here reads them off every published column; none may be small.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Union } from '../../instrument/derived-unions-2019.js';
import type { CountCell } from '../results-document.js';
import { documentOf, type Respondent } from '../../../test/support/respondents-document.js';
import { suppressResults, type PublicResultsDocument } from './suppress-results.js';

const FLAG = ['false', 'true'];
const UNIONS: Readonly<Record<string, Union>> = {
  either: { value: 'true', parts: [{ variable: 'a', value: 'true' }, { variable: 'b', value: 'true' }] },
  any: { value: 'true', parts: ['a', 'b', 'c'].map((variable) => ({ variable, value: 'true' })), none: { variable: 'nobody', value: 'true' } },
  // An "or" of an "or": a and b lie within it too.
  outer: { value: 'true', parts: [{ variable: 'either', value: 'true' }, { variable: 'c', value: 'true' }] },
};

/** Every cell within a union: its parts, and the parts of parts that are unions themselves. */
const within = (union: Union, unions: Readonly<Record<string, Union>>): Union['parts'] =>
  union.parts.flatMap((part) => [part, ...(unions[part.variable]?.value === part.value ? within(unions[part.variable]!, unions) : [])]);

/** Counts the published cells imply, per union and column, that lie between 1 and k − 1. */
function smallImplied(pub: PublicResultsDocument, unions: Readonly<Record<string, Union>>, k: number): string[] {
  const cell = (variable: string, by: string, group: string, value: string): number | undefined => {
    const table = pub.tables.find((t) => t.variable === variable && t.by === by);
    const found = table?.cells.find((c) => c.by === group && c.value === value);
    if (!found) return table?.cells.some((c) => c.by === group) ? undefined : 0; // a group not listed has no units
    return 'suppressed' in found ? undefined : (found as CountCell).n;
  };
  const out: string[] = [];
  for (const [name, { value, parts, none }] of Object.entries(unions)) {
    for (const table of pub.tables.filter((t) => t.variable === name)) {
      for (const group of new Set(table.cells.map((c) => c.by))) {
        const flag = cell(name, table.by, group, value);
        const shown = parts.map((part) => cell(part.variable, table.by, group, part.value));
        if (flag === undefined) {
          // Hidden, but fixed when every part is shown and at most one is not 0: the flag is that part.
          if (shown.every((part) => part !== undefined) && shown.filter((part) => part! > 0).length <= 1) out.push(`${name} × ${table.by} = ${group}: hidden, = ${Math.max(...(shown as number[]))}`);
          continue;
        }
        const inside = within(unions[name]!, unions).map((part) => cell(part.variable, table.by, group, part.value));
        const implied = inside.flatMap((part) => (part === undefined ? [] : [flag - part]));
        if (shown.length === 2 && shown.every((part) => part !== undefined)) implied.push(shown[0]! + shown[1]! - flag);
        const otherValue = FLAG.find((candidate) => candidate !== value)!;
        const [rest, nobody] = [cell(name, table.by, group, otherValue), none && cell(none.variable, table.by, group, none.value)];
        if (rest !== undefined && nobody !== undefined) implied.push(rest - nobody);
        for (const n of implied) if (n > 0 && n < k) out.push(`${name} × ${table.by} = ${group}: ${n}`);
      }
    }
  }
  return out;
}

const respondents = fc
  .record({ size: fc.integer({ min: 15, max: 150 }), groups: fc.integer({ min: 2, max: 6 }) })
  .chain(({ size, groups }) =>
    fc.array(fc.record({ parts: fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 3, maxLength: 3 }), g: fc.integer({ min: 0, max: groups - 1 }), h: fc.integer({ min: 0, max: 2 }) }), {
      minLength: size,
      maxLength: size,
    }),
  );

/** Parts held by 5 %, 20 % and 50 % of units: rare parts leave groups with none (a flag equal to one part). */
const SHARE_OF_20 = [1, 4, 10];

function unionDocument(rows: readonly { parts: readonly number[]; g: number; h: number }[]) {
  const people: Respondent[] = rows.map(({ parts, g, h }) => {
    const [a, b, c] = parts.map((draw, p) => draw < SHARE_OF_20[p]!);
    return {
      a: String(a),
      b: String(b),
      c: String(c),
      either: String(a || b),
      any: String(a || b || c),
      outer: String(a || b || c),
      // The exclusive "nobody": some of those with no part choose it, others another answer.
      nobody: String(!(a || b || c) && parts[0]! % 2 === 0),
      g: `g${g}`,
      h: `h${h}`,
    };
  });
  return documentOf(people, ['a', 'b', 'c', 'nobody', 'either', 'any', 'outer'].map((name) => ({ name, values: FLAG })), ['g', 'h']);
}

test('property: no count implied by an "or" flag and its published parts is small', () => {
  let forced = 0;
  fc.assert(
    fc.property(respondents, fc.integer({ min: 3, max: 6 }), (rows, k) => {
      const doc = unionDocument(rows);
      const pub = suppressResults(doc, k, { unions: UNIONS });
      assert.deepEqual(smallImplied(pub, UNIONS, k), []);
      if (pub.disclosure.suppressed_cells > suppressResults(doc, k).disclosure.suppressed_cells) forced++;
    }),
    { numRuns: Number(process.env.RUNS ?? 200), seed: Number(process.env.SEED ?? 2019) },
  );
  assert.ok(forced > 0, 'the rule suppressed more in some documents');
});

test('without the unions the same attacker finds small implied counts', () => {
  let found = 0;
  fc.assert(
    fc.property(respondents, (rows) => {
      if (smallImplied(suppressResults(unionDocument(rows), 5), UNIONS, 5).length > 0) found++;
    }),
    { numRuns: 100, seed: 2019 },
  );
  assert.ok(found > 10, `small implied counts in ${found} of 100 documents`);
});

test('a flag that differs from its only non-zero part (item non-response) is suppressed on its own count, not withheld whole', () => {
  // g0: five units hold a (and not b); two of them left the other question unanswered, so the flag is
  // missing for them and counts 3 there.
  const held = (a: boolean, b: boolean, g: string, either?: string): Respondent => ({ a: String(a), b: String(b), ...(either ? { either } : {}), g });
  const people: Respondent[] = [
    ...Array.from({ length: 3 }, () => held(true, false, 'g0', 'true')),
    ...Array.from({ length: 2 }, () => held(true, false, 'g0')),
    ...Array.from({ length: 6 }, () => held(false, false, 'g0', 'false')),
    ...Array.from({ length: 8 }, (_, i) => held(i < 4, i % 2 === 0, 'g1', String(i < 4 || i % 2 === 0))),
    ...Array.from({ length: 9 }, (_, i) => held(i < 5, i > 2, 'g2', String(i < 5 || i > 2))),
  ];
  const built = documentOf(people, ['a', 'b', 'either'].map((name) => ({ name, values: FLAG })), ['g']);
  // The flag's base leaves its missing units out, as the analysis does.
  const answered = (cells: readonly CountCell[], group: string) => cells.filter((c) => c.by === group).reduce((sum, c) => sum + c.n, 0);
  const doc = {
    ...built,
    tables: built.tables.map((t) => (t.variable !== 'either' ? t : { ...t, cells: (t.cells as CountCell[]).map((c) => ({ ...c, base: answered(t.cells as CountCell[], c.by) })) })),
  };
  const either = { either: UNIONS['either']! };
  const pub = suppressResults(doc, 5, { unions: either });
  const cellOf = (variable: string, group: string) => pub.tables.find((t) => t.variable === variable && t.by === 'g')!.cells.find((c) => c.by === group && c.value === 'true')!;
  assert.deepEqual([(cellOf('a', 'g0') as CountCell).n, (cellOf('b', 'g0') as CountCell).n], [5, 0], 'the parts are published');
  assert.ok('suppressed' in cellOf('either', 'g0'), 'the flag (3) is not taken for the part (5)');
  assert.equal((cellOf('either', 'g2') as CountCell).n, 9, 'the rest of the flag is published');
  // A reader who takes the hidden flag for its part guesses 5; the count is 3.
  assert.deepEqual(smallImplied(pub, either, 5), ['either × g = g0: hidden, = 5']);
  assert.equal((doc.tables.find((t) => t.variable === 'either' && t.by === 'g')!.cells.find((c) => c.by === 'g0' && c.value === 'true') as CountCell).n, 3);
});
