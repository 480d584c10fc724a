import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertValidResults } from '../../../test/support/validate-results.js';
import { analyzeWave } from '../analyze-wave.js';
import type { CountCell, ResultsDocument, ResultsTable } from '../results-document.js';
import { MISSING, type WaveData } from '../wave-data.js';
import { recoverableCells } from './recoverable-cells.js';
import { suppressResults } from './suppress-results.js';

function cells(by: string, counts: Record<string, number>, scale = 1): CountCell[] {
  const base = Object.values(counts).reduce((a, b) => a + b, 0) * scale;
  return Object.entries(counts).map(([value, n]) => ({ by, value, n: n * scale, base, share: (n * scale) / base, ci95: [0, 1] as const }));
}

/** strategy_status (three values) by all and by vg_egov; a flag fully published. */
function doc(scale = 1): ResultsDocument {
  const test = { method: 'chi2', statistic: 9.87, df: 2, p: 0.0072, cramers_v: 0.2 } as const;
  const tables: ResultsTable[] = [
    { variable: 'strategy_status', by: 'all', cells: cells('all', { vorhanden: 23, in_entwicklung: 60, geplant: 80 }, scale) },
    {
      variable: 'strategy_status',
      by: 'vg_egov',
      cells: [...cells('false', { vorhanden: 3, in_entwicklung: 30, geplant: 50 }, scale), ...cells('true', { vorhanden: 20, in_entwicklung: 30, geplant: 30 }, scale)],
      test,
    },
    { variable: 'broadband_good', by: 'all', cells: cells('all', { false: 60, true: 103 }, scale) },
    { variable: 'broadband_good', by: 'vg_egov', cells: [...cells('false', { false: 30, true: 53 }, scale), ...cells('true', { false: 30, true: 50 }, scale)], test },
  ];
  return { wave: '2019', n: 163, weighted: scale !== 1, tables };
}

test('suppressed cells keep by, value and base only; the test of their table is withheld', () => {
  const pub = suppressResults(doc(), 5);
  const byVgEgov = pub.tables[1]!;
  assert.deepEqual(byVgEgov.cells[0], { by: 'false', value: 'vorhanden', base: 83, suppressed: true });
  assert.deepEqual(
    byVgEgov.cells.map((cell) => 'suppressed' in cell),
    [true, true, false, true, true, false],
  );
  assert.deepEqual(byVgEgov.test, { method: 'chi2', suppressed: true });
  assert.equal(pub.disclosure.suppressed_cells, 4);
  assert.deepEqual(pub.disclosure, { k: 5, suppressed_cells: 4 });
});

test('tables without small cells, the all table included, are published unchanged', () => {
  const input = doc();
  const pub = suppressResults(input, 5);
  assert.deepEqual(pub.tables[0], input.tables[0]);
  assert.deepEqual(pub.tables.slice(2), input.tables.slice(2));
  assert.equal(pub.wave, '2019');
  assert.equal(pub.n, 163);
});

test('k per wave: with k = 3 the cell of 3 is published', () => {
  assert.equal(suppressResults(doc(), 3).disclosure.suppressed_cells, 0);
  assert.equal(suppressResults(doc(), 31).tables[0]!.cells.filter((cell) => 'suppressed' in cell).length, 2);
});

test('weighted: the pattern comes from the unweighted counts of the same analysis', () => {
  const weighted = doc(2.5);
  assert.throws(() => suppressResults(weighted, 5), /ungewichtet/);
  const pub = suppressResults(weighted, 5, { counts: doc() });
  assert.deepEqual(pub.tables[1]!.cells[0], { by: 'false', value: 'vorhanden', base: 207.5, suppressed: true });
  assert.equal(pub.disclosure.suppressed_cells, 4);
});

test('a table without any group of base > 0 passes through', () => {
  const input: ResultsDocument = {
    wave: '2019',
    n: 10,
    weighted: false,
    tables: [
      { variable: 'never_asked', by: 'all', cells: [] },
      { variable: 'never_asked', by: 'vg_egov', cells: [], test: null },
    ],
  };
  assert.deepEqual(suppressResults(input, 5).tables, input.tables);
});

test('a public document cannot be suppressed again, and k must be a positive integer', () => {
  const pub = suppressResults(doc(), 5) as unknown as ResultsDocument;
  assert.throws(() => suppressResults(pub, 5), /schon gesperrt/);
  assert.throws(() => suppressResults(doc(), 0), /k muss/);
});

test('on analyzeWave output: schema-valid, no small count published, no suppressed count recoverable, tests withheld', () => {
  // 80 respondents with a small group (4 units), a filtered variable and a variable that is also a grouping.
  let seed = 7;
  const next = (m: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
  const n = 80;
  const codes = (width: number, missingEvery = 0): Uint8Array =>
    Uint8Array.from({ length: n }, (_, i) => (missingEvery && i % missingEvery === 0 ? MISSING : next(width) === 0 ? next(width) : Math.min(next(width), next(width))));
  const vgFlag = { name: 'vg_flag', values: ['false', 'true'], codes: codes(2) };
  const data: WaveData = {
    waveId: 'disclosure',
    n,
    ags: Array.from({ length: n }, (_, i) => String(i).padStart(8, '0')),
    variables: [{ name: 'status', values: ['a', 'b', 'c', 'd'], codes: codes(4) }, { name: 'fields', values: ['0', '1'], codes: codes(2, 3) }, vgFlag],
    groupings: [vgFlag, { name: 'region', values: ['n', 'o', 's', 'w'], codes: Uint8Array.from({ length: n }, (_, i) => (i < 4 ? 0 : 1 + next(3))) }],
    population: new Float64Array(n),
  };
  const input = analyzeWave(data);
  const pub = suppressResults(input, 5);
  assert.ok(pub.disclosure.suppressed_cells > 0);
  assertValidResults(pub); // docs/results-document.schema.json
  for (const [t, table] of pub.tables.entries()) {
    const original = input.tables[t]!;
    for (const [c, cell] of table.cells.entries()) {
      const n = (original.cells[c] as CountCell).n;
      if ('suppressed' in cell) assert.deepEqual(Object.keys(cell).filter((key) => key !== 'base').sort(), ['by', 'suppressed', 'value']);
      else assert.ok(n === 0 || n >= 5, `${table.variable} × ${table.by}: ${n} published`);
      // A base is a count of units too: none below k is published.
      assert.ok(cell.base === undefined || cell.base >= 5, `${table.variable} × ${table.by}: base ${cell.base} published`);
    }
    const anySuppressed = table.cells.some((cell) => 'suppressed' in cell);
    if (anySuppressed && original.test) assert.deepEqual(table.test, { method: original.test.method, suppressed: true });
    // The small region's cells are all hidden.
    if (table.by === 'region') assert.ok(table.cells.filter((cell) => cell.by === 'n').every((cell) => 'suppressed' in cell));
  }
  for (const variable of data.variables) {
    const tables = pub.tables.filter((table) => table.variable === variable.name);
    const hidden = (by: string, group: string) => variable.values.map((value) => tables.find((table) => table.by === by)!.cells.some((cell) => cell.by === group && cell.value === value && 'suppressed' in cell));
    const groupsOf = (by: string) => [...new Set(tables.find((table) => table.by === by)!.cells.map((cell) => cell.by))];
    const withheld = (by: string, group: string) => tables.find((table) => table.by === by)!.cells.some((cell) => cell.by === group && cell.base === undefined);
    const pattern = {
      all: hidden('all', 'all'),
      tables: data.groupings.map((grouping) => {
        const columns = groupsOf(grouping.name).map((group) => hidden(grouping.name, group));
        return variable.values.map((_, v) => columns.map((column) => column[v]!));
      }),
      withheld: { all: withheld('all', 'all'), tables: data.groupings.map((grouping) => groupsOf(grouping.name).map((group) => withheld(grouping.name, group))) },
    };
    assert.deepEqual(recoverableCells(pattern), [], variable.name);
  }
});

/** A variable by all and by region from counts per group (value → n); groups with base 0 are left out, as analyzeWave does. */
function variableTables(variable: string, groups: Record<string, Record<string, number>>): ResultsTable[] {
  const values = Object.keys(Object.values(groups)[0]!);
  const all = Object.fromEntries(values.map((value) => [value, Object.values(groups).reduce((sum, counts) => sum + counts[value]!, 0)]));
  const present = Object.entries(groups).filter(([, counts]) => Object.values(counts).some((n) => n > 0));
  const test = { method: 'chi2', statistic: 1, df: 1, p: 0.5, cramers_v: 0.1 } as const;
  return [
    { variable, by: 'all', cells: cells('all', all) },
    { variable, by: 'region', cells: present.flatMap(([group, counts]) => cells(group, counts)), test },
  ];
}

const FILTERS = new Map([['helpful', [{ variable: 'known', in: ['ja'] }]]]);

function regionCells(doc: { tables: readonly { variable: string; by: string; cells: readonly ResultsTable['cells'][number][] }[] }, variable: string) {
  return doc.tables.find((table) => table.variable === variable && table.by === 'region')!.cells;
}

test('a filtered question withholds the base that would reveal a suppressed count of its filter', () => {
  // known = ja filters helpful. (ja, a) = 2 is small; its cheapest complement in row ja is (ja, b) = 30.
  const known = { a: { ja: 2, nein: 10 }, b: { ja: 30, nein: 12 }, c: { ja: 8, nein: 50 }, d: { ja: 40, nein: 25 } };
  const helpful = { a: { '0': 1, '1': 1 }, b: { '0': 10, '1': 20 }, c: { '0': 3, '1': 5 }, d: { '0': 15, '1': 25 } };
  const input: ResultsDocument = { wave: 'filter', n: 177, weighted: false, tables: [...variableTables('known', known), ...variableTables('helpful', helpful)] };
  const pub = suppressResults(input, 5, { filters: FILTERS });
  assertValidResults(pub);
  const hiddenJa = regionCells(pub, 'known').filter((cell) => cell.value === 'ja' && 'suppressed' in cell).map((cell) => cell.by);
  assert.deepEqual(hiddenJa, ['a', 'b']);
  const withheld = [...new Set(regionCells(pub, 'helpful').filter((cell) => cell.base === undefined).map((cell) => cell.by))];
  assert.deepEqual(withheld, ['a', 'b']);
  assert.ok(regionCells(pub, 'helpful').filter((cell) => cell.by === 'b').every((cell) => 'suppressed' in cell));
  // Without the link, helpful × region publishes b's base, 30: the suppressed count (ja, b).
  assert.equal(regionCells(suppressResults(input, 5), 'helpful').find((cell) => cell.by === 'b')!.base, 30);
});

test('a group the filtered question lacks is listed, without numbers, where its filter count is suppressed', () => {
  // e: 3 units, none of them "ja"; known withholds e (and a, the smallest other base, with it).
  const known = { a: { ja: 2, nein: 10 }, b: { ja: 30, nein: 12 }, e: { ja: 0, nein: 3 } };
  const helpful = { a: { '0': 1, '1': 1 }, b: { '0': 10, '1': 20 }, e: { '0': 0, '1': 0 } };
  const input: ResultsDocument = { wave: 'filter', n: 57, weighted: false, tables: [...variableTables('known', known), ...variableTables('helpful', helpful)] };
  const pub = suppressResults(input, 5, { filters: FILTERS });
  assertValidResults(pub);
  const cells = regionCells(pub, 'helpful');
  assert.deepEqual([...new Set(cells.map((cell) => cell.by))], ['a', 'b', 'e']);
  assert.deepEqual(cells.filter((cell) => cell.by === 'e'), [
    { by: 'e', value: '0', suppressed: true },
    { by: 'e', value: '1', suppressed: true },
  ]);
  // Without the link its absence would say: nobody in e answered "ja".
  assert.ok(!regionCells(suppressResults(input, 5), 'helpful').some((cell) => cell.by === 'e'));
  // A recode of the filtered question lists e the same way.
  const recoded = { a: { any: 2 }, b: { any: 30 }, e: { any: 0 } };
  const withRecode: ResultsDocument = { ...input, tables: [...input.tables, ...variableTables('recoded', recoded)] };
  const both = suppressResults(withRecode, 5, { filters: FILTERS, recodes: { recoded: { variable: 'helpful', values: { '0': 'any', '1': 'any' } } } });
  assertValidResults(both);
  assert.deepEqual(regionCells(both, 'recoded').filter((cell) => cell.by === 'e'), [{ by: 'e', value: 'any', suppressed: true }]);
});

test('a filtered question whose filter count is hidden in the all table publishes no base at all', () => {
  const known = { a: { ja: 2, nein: 40 }, b: { ja: 1, nein: 50 } }; // ja = 3 overall: small
  const helpful = { a: { '0': 1, '1': 1 }, b: { '0': 0, '1': 1 } };
  const input: ResultsDocument = { wave: 'filter', n: 93, weighted: false, tables: [...variableTables('known', known), ...variableTables('helpful', helpful)] };
  const pub = suppressResults(input, 5, { filters: new Map([['helpful', [{ variable: 'known', in: ['ja'] }]]]) });
  const helpfulCells = pub.tables.filter((table) => table.variable === 'helpful').flatMap((table) => table.cells);
  assert.ok(helpfulCells.length > 0 && helpfulCells.every((cell) => 'suppressed' in cell && cell.base === undefined));
});
