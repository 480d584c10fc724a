// Linked variables in disclosure control — counts over other questions (derived-tallies-2019.ts) and
// recodes (derived-recodes-2019.ts), including a recode used as a grouping — checked by the linear attacker
// of test/support/published-equations.ts, written independently of the suppression code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DERIVED_RECODES_2019, type Recode } from '../../instrument/derived-recodes-2019.js';
import { DERIVED_TALLIES_2019, type Tally } from '../../instrument/derived-tallies-2019.js';
import { instrument2019 } from '../../instrument/waves/instrument-2019.js';
import { publicResults } from '../../tasks/public-results.js';
import type { ResultsDocument } from '../results-document.js';
import { demoResults } from '../../../test/support/demo-results.js';
import { documentOf, type Respondent, type Variable } from '../../../test/support/respondents-document.js';
import { recovered, type Relations } from '../../../test/support/published-equations.js';
import { loadHighs, wholeNumberAudit, type Audit } from '../../../test/support/whole-number-attack.js';
import { suppressResults, type PublicResultsDocument } from './suppress-results.js';

function assertNoSmallCell(pub: PublicResultsDocument, k: number): void {
  for (const table of pub.tables) for (const cell of table.cells) if (!('suppressed' in cell)) assert.ok(cell.n === 0 || cell.n >= k, `${table.variable} × ${table.by}: ${cell.n}`);
}

const withheldWhole = (pub: PublicResultsDocument, variable: string) => pub.tables.filter((t) => t.variable === variable).every((t) => t.cells.every((cell) => 'suppressed' in cell));

// --- Counts over other questions ---

/** parts 0/1, "keine" = none of them, count = how many; groupings g and h. */
function tallyDocument(rows: readonly { parts: readonly boolean[]; g: number; h: number }[], partCount: number): ResultsDocument {
  const respondents = rows.map((row): Respondent => ({
    ...Object.fromEntries(row.parts.map((on, p) => [`part${p}`, on ? '1' : '0'])),
    count: String(row.parts.filter(Boolean).length),
    keine: row.parts.some(Boolean) ? '0' : '1',
    g: `g${row.g}`,
    h: `h${row.h}`,
  }));
  const variables: Variable[] = [
    { name: 'count', values: Array.from({ length: partCount + 1 }, (_, v) => String(v)) },
    ...Array.from({ length: partCount }, (_, p) => ({ name: `part${p}`, values: ['0', '1'] })),
    { name: 'keine', values: ['0', '1'] },
  ];
  return documentOf(respondents, variables, ['g', 'h']);
}

function tallyOf(partCount: number): Tally {
  return { parts: Array.from({ length: partCount }, (_, p) => ({ variable: `part${p}`, value: '1' })), none: { variable: 'keine', value: '1' } };
}

const tallyRespondents = fc
  .record({ partCount: fc.integer({ min: 3, max: 5 }), size: fc.integer({ min: 12, max: 90 }), groups: fc.integer({ min: 2, max: 5 }) })
  .chain(({ partCount, size, groups }) =>
    fc.record({
      partCount: fc.constant(partCount),
      rows: fc.array(
        fc.record({ parts: fc.array(fc.boolean(), { minLength: partCount, maxLength: partCount }), g: fc.integer({ min: 0, max: groups - 1 }), h: fc.integer({ min: 0, max: 2 }) }),
        { minLength: size, maxLength: size },
      ),
    }),
  );

test('property: with its parts and "keine" published beside it, no suppressed cell of a count is recoverable, nor one of theirs', () => {
  let whole = 0;
  let runs = 0;
  fc.assert(
    fc.property(tallyRespondents, fc.integer({ min: 3, max: 6 }), ({ partCount, rows }, k) => {
      const relations = { tallies: { count: tallyOf(partCount) } };
      const pub = suppressResults(tallyDocument(rows, partCount), k, relations);
      assert.deepEqual(recovered(pub, relations), []);
      assertNoSmallCell(pub, k);
      runs++;
      if (withheldWhole(pub, 'count')) whole++;
    }),
    { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 2019) },
  );
  assert.ok(whole < runs / 4, `count withheld whole in ${whole} of ${runs} runs`);
});

test('without the tally the same attacker recovers cells: the equations matter', () => {
  let found = 0;
  fc.assert(
    fc.property(tallyRespondents, ({ partCount, rows }) => {
      const pub = suppressResults(tallyDocument(rows, partCount), 5);
      if (recovered(pub, { tallies: { count: tallyOf(partCount) } }).length > 0) found++;
    }),
    { numRuns: 100, seed: 2019 },
  );
  assert.ok(found > 10, `recovered in ${found} of 100 documents`);
});

test('the 0 cell follows "keine": hidden where it is hidden, never a complement where it is published', () => {
  // keine = 1 for 3 respondents of group g0 (suppressed there); the count's 0 cell of g0 must hide too.
  const rows = [
    ...Array.from({ length: 3 }, () => ({ parts: [false, false, false], g: 0, h: 0 })),
    ...Array.from({ length: 12 }, (_, i) => ({ parts: [true, i % 3 !== 0, i % 2 === 0], g: 0, h: 1 })),
    ...Array.from({ length: 20 }, (_, i) => ({ parts: [i % 4 !== 0, i % 5 !== 0, i % 3 === 0], g: 1, h: i % 2 })),
    ...Array.from({ length: 9 }, () => ({ parts: [false, false, false], g: 1, h: 1 })),
  ];
  const relations = { tallies: { count: tallyOf(3) } };
  const pub = suppressResults(tallyDocument(rows, 3), 5, relations);
  const cell = (variable: string, by: string, group: string, value: string) => pub.tables.find((t) => t.variable === variable && t.by === by)!.cells.find((c) => c.by === group && c.value === value)!;
  assert.ok('suppressed' in cell('keine', 'g', 'g0', '1'));
  assert.ok('suppressed' in cell('count', 'g', 'g0', '0'));
  for (const table of pub.tables.filter((t) => t.variable === 'count')) {
    for (const c of table.cells.filter((c) => c.value === '0' && 'suppressed' in c)) assert.ok('suppressed' in cell('keine', table.by, c.by, '1'), `${table.by} ${c.by}`);
  }
  assert.deepEqual(recovered(pub, relations), []);
});

// --- Recodes, and a recode as a grouping ---

/** source 0 … 5, band merges it into three values, flag merges band into two and is also a grouping. */
const RECODES: Readonly<Record<string, Recode>> = {
  band: { variable: 'source', values: { '0': 'low', '1': 'mid', '2': 'mid', '3': 'high', '4': 'high', '5': 'high' } },
  flag: { variable: 'band', values: { low: 'false', mid: 'false', high: 'true' } },
};

function recodeDocument(rows: readonly { source: number; g: number; h: number }[]): ResultsDocument {
  const respondents = rows.map((row): Respondent => {
    const band = RECODES.band!.values[String(row.source)]!;
    return { source: String(row.source), band, flag: RECODES.flag!.values[band]!, g: `g${row.g}`, h: `h${row.h}` };
  });
  const variables: Variable[] = [
    { name: 'source', values: ['0', '1', '2', '3', '4', '5'] },
    { name: 'band', values: ['low', 'mid', 'high'] },
    { name: 'flag', values: ['false', 'true'] },
  ];
  return documentOf(respondents, variables, ['g', 'h', 'flag']);
}

const recodeRespondents = fc
  .record({ size: fc.integer({ min: 15, max: 120 }), groups: fc.integer({ min: 2, max: 6 }), skew: fc.integer({ min: 0, max: 5 }) })
  .chain(({ size, groups, skew }) =>
    fc.array(
      fc.record({ source: fc.oneof(fc.constant(skew), fc.integer({ min: 0, max: 5 })), g: fc.integer({ min: 0, max: groups - 1 }), h: fc.integer({ min: 0, max: 2 }) }),
      { minLength: size, maxLength: size },
    ),
  );

test('property: a recode chain and the recode as a grouping: nothing recoverable, and the coarse recodes stay published', () => {
  const whole = { small: 0, large: 0, runs: 0, largeRuns: 0 };
  let flagCells = 0;
  let flagHidden = 0;
  fc.assert(
    fc.property(recodeRespondents, fc.integer({ min: 3, max: 6 }), (rows, k) => {
      const pub = suppressResults(recodeDocument(rows), k, { recodes: RECODES });
      assert.deepEqual(recovered(pub, { recodes: RECODES }), []);
      assertNoSmallCell(pub, k);
      // Withheld whole mostly in tiny documents, where a recode's own all-table cells are below k.
      const large = rows.length >= 40;
      whole.runs++;
      if (large) whole.largeRuns++;
      if (['source', 'band', 'flag'].some((variable) => withheldWhole(pub, variable))) whole[large ? 'large' : 'small']++;
      const flag = pub.tables.filter((t) => t.variable === 'flag' && t.by !== 'flag').flatMap((t) => t.cells);
      flagCells += flag.length;
      flagHidden += flag.filter((cell) => 'suppressed' in cell).length;
    }),
    { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 2021) },
  );
  assert.ok(whole.small + whole.large < whole.runs * 0.15 && whole.large <= whole.largeRuns * 0.01, `a variable withheld whole: ${JSON.stringify(whole)}`);
  // The flag, suppressed on its own counts first, keeps most of its cells (before: only where every source cell was published).
  assert.ok(flagHidden < flagCells / 2, `flag: ${flagHidden} of ${flagCells} cells suppressed`);
});

test('a recode is suppressed on its own counts; the source hides a merged cell wherever the recode hides, and values it keeps alone are never complements', () => {
  // band "mid" merges 1 and 2; in group p both are small but their sum, 9, is published.
  const counts: Record<string, number[]> = { p: [20, 4, 5, 30, 1, 2], q: [25, 30, 28, 35, 20, 22], r: [22, 31, 26, 33, 21, 24] };
  const rows = Object.entries(counts).flatMap(([group, n]) => n.flatMap((count, source) => Array.from({ length: count }, () => ({ source, g: ['p', 'q', 'r'].indexOf(group), h: source % 3 }))));
  const pub = suppressResults(recodeDocument(rows), 5, { recodes: RECODES });
  const cell = (variable: string, group: string, value: string) => pub.tables.find((t) => t.variable === variable && t.by === 'g')!.cells.find((c) => c.by === `g${['p', 'q', 'r'].indexOf(group)}` && c.value === value)!;
  assert.ok(!('suppressed' in cell('band', 'p', 'mid')), 'band mid of p: 9, published');
  assert.ok('suppressed' in cell('source', 'p', '1') && 'suppressed' in cell('source', 'p', '2'));
  // Source 0 is band "low" alone: its count is public through the band and never serves as a complement.
  assert.ok(!('suppressed' in cell('source', 'p', '0')));
  for (const group of ['p', 'q', 'r']) {
    for (const value of ['low', 'mid', 'high']) {
      if (!('suppressed' in cell('band', group, value))) continue;
      const merged = Object.keys(RECODES.band!.values).filter((source) => RECODES.band!.values[source] === value);
      assert.ok(merged.some((source) => 'suppressed' in cell('source', group, source)), `${group} ${value}`);
    }
  }
  assert.deepEqual(recovered(pub, { recodes: RECODES }), []);
});

// --- A count with a recode that is also a grouping (community_count, community_band, vg_community) ---

/** band: 0, 1, 2+ of the count; engaged: band 2+, also a grouping (its false column holds counts 0 and 1 only). */
const COUNT_RECODES: Readonly<Record<string, Recode>> = {
  band: { variable: 'count', values: { '0': '0', '1': '1', '2': '2+', '3': '2+', '4': '2+', '5': '2+' } },
  engaged: { variable: 'band', values: { '0': 'false', '1': 'false', '2+': 'true' } },
};

function bandedDocument(rows: readonly { parts: readonly boolean[]; g: number; h: number }[], partCount: number): ResultsDocument {
  const respondents = rows.map((row): Respondent => {
    const count = String(row.parts.filter(Boolean).length);
    const band = COUNT_RECODES.band!.values[count]!;
    return {
      ...Object.fromEntries(row.parts.map((on, p) => [`part${p}`, on ? '1' : '0'])),
      count,
      band,
      engaged: COUNT_RECODES.engaged!.values[band]!,
      g: `g${row.g}`,
      h: `h${row.h}`,
    };
  });
  const variables: Variable[] = [
    { name: 'count', values: Array.from({ length: partCount + 1 }, (_, v) => String(v)) },
    { name: 'band', values: ['0', '1', '2+'] },
    { name: 'engaged', values: ['false', 'true'] },
    ...Array.from({ length: partCount }, (_, p) => ({ name: `part${p}`, values: ['0', '1'] })),
  ];
  return documentOf(respondents, variables, ['g', 'h', 'engaged']);
}

// Measured on 1,500 documents each (seeds 7 and 11) before these rules: a cell recoverable in 187 and 189
// (185 and 186 with a true count 1 … k − 1), the count withheld whole in 499 and 475. Now 0 and 1, none
// small (a complement hidden in vain), and 178 and 164.
test('property: a count, its band and the band as grouping: no small count recoverable, any cell in at most 1 of 500 documents', () => {
  let whole = 0;
  let exposed = 0;
  let runs = 0;
  fc.assert(
    fc.property(tallyRespondents, fc.integer({ min: 3, max: 6 }), ({ partCount, rows }, k) => {
      const relations = { tallies: { count: { parts: tallyOf(partCount).parts } }, recodes: COUNT_RECODES };
      const doc = bandedDocument(rows, partCount);
      const pub = suppressResults(doc, k, relations);
      const found = recovered(pub, relations);
      const n = (name: string) => {
        const [variable, by, group, value] = name.split('|');
        return (doc.tables.find((t) => t.variable === variable && t.by === by)!.cells.find((c) => c.by === group && c.value === value) as { n: number }).n;
      };
      assert.deepEqual(found.filter((name) => n(name) > 0 && n(name) < k), []);
      if (found.length > 0) exposed++;
      assertNoSmallCell(pub, k);
      runs++;
      if (withheldWhole(pub, 'count')) whole++;
    }),
    { numRuns: Number(process.env.RUNS ?? 600), seed: Number(process.env.SEED ?? 7) },
  );
  // 0 of 600 here (2 when cells that recodes and parts fix stay hidden: withLinkedDetermined).
  assert.ok(exposed <= runs / 500, `a cell recoverable in ${exposed} of ${runs} documents`);
  assert.ok(whole < runs / 5, `count withheld whole in ${whole} of ${runs} runs`);
});

// The same documents against the attacker who also knows that counts are never negative (the linear
// program of τ-ARGUS and sdcTable) and whole (HiGHS, test/support/whole-number-attack.ts). Not safe in
// every document: measured on 300 each (seeds 7 and 11), a small count pinned by whole numbers in 41 and
// 32 before other-whole-solution.ts, 22 and 15 when one other whole solution per column sufficed, 8 and 4
// now that a column keeps three (across tables: a column's own sums leave several solutions); without
// whole numbers in 1 and 0 (docs/disclosure.md, "Grenzen"). Here (100, seed 7): 22, then 10, now 5; 1.
test('documents: a count, its band and the band as grouping against the non-negative and the whole-number attacker', async () => {
  const highs = await loadHighs();
  const runs = Number(process.env.RUNS ?? 100);
  const documents = fc.sample(fc.tuple(tallyRespondents, fc.integer({ min: 3, max: 6 })), { seed: Number(process.env.SEED ?? 7), numRuns: runs });
  let [linear, whole, small] = [0, 0, 0];
  for (const [{ partCount, rows }, k] of documents) {
    const relations = { tallies: { count: { parts: tallyOf(partCount).parts } }, recodes: COUNT_RECODES };
    const doc = bandedDocument(rows, partCount);
    const pub = suppressResults(doc, k, relations);
    const pinnedSmall = (audit: Audit) => audit.pinned.some(({ n }) => n > 0 && n < k);
    const integer = wholeNumberAudit(highs, pub, doc, relations, k);
    small += integer.small;
    // What the non-negative attacker pins, whole numbers pin too: only those documents need the second run.
    if (!pinnedSmall(integer)) continue;
    whole++;
    if (pinnedSmall(wholeNumberAudit(highs, pub, doc, relations, k, { whole: false }))) linear++;
  }
  assert.ok(small > 1000, `${small} small suppressed cells`);
  assert.ok(linear <= runs / 100, `non-negative attacker: a small count pinned in ${linear} of ${runs} documents`);
  assert.ok(whole <= runs / 16, `whole-number attacker: a small count pinned in ${whole} of ${runs} documents`);
});

/** A count, its parts (and "keine"), and its recodes and theirs, as the attacker's relations. */
function countFamily(count: string): { readonly variables: Set<string>; readonly relations: Relations } {
  const tally = DERIVED_TALLIES_2019[count]!;
  const recodes: Record<string, Recode> = {};
  for (let added = true; added; ) {
    added = false;
    for (const [derived, recode] of Object.entries(DERIVED_RECODES_2019)) {
      if (!recodes[derived] && (recode.variable === count || recodes[recode.variable])) added = Boolean((recodes[derived] = recode));
    }
  }
  const parts = [...tally.parts, ...(tally.none ? [tally.none] : [])].map((part) => part.variable);
  return { variables: new Set([count, ...Object.keys(recodes), ...parts]), relations: { tallies: { [count]: tally }, recodes } };
}

for (const k of [3, 5, 10]) {
  test(`demo 2019, k = ${k}: every count with its parts and recodes is safe against the linear attacker`, () => {
    const pub = publicResults(instrument2019, demoResults().results, k);
    for (const count of Object.keys(DERIVED_TALLIES_2019)) {
      const { variables, relations } = countFamily(count);
      assert.deepEqual(recovered({ ...pub, tables: pub.tables.filter((table) => variables.has(table.variable)) }, relations), [], count);
    }
  });
}

test('demo 2019, k = 3, 5, 10: the share without any community offer is published', () => {
  // k = 5, 10: the band no longer pins where two parts hide; k = 3: one part hides in vg_community
  // "false", and the last part hides there too instead of the band's "1" (its all-table cell).
  for (const k of [3, 5, 10]) {
    const pub = publicResults(instrument2019, demoResults().results, k);
    const all = pub.tables.find((table) => table.variable === 'community_count' && table.by === 'all')!;
    for (const value of ['0', '1']) assert.ok(!('suppressed' in all.cells.find((cell) => cell.value === value)!), `k = ${k}: community_count ${value} published`);
  }
});
