import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppressResults } from '../analysis/disclosure/suppress-results.js';
import type { CountCell, ResultsDocument, ResultsTable } from '../analysis/results-document.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import { publicResults } from '../tasks/public-results.js';
import { demoResults } from '../../test/support/demo-results.js';
import { shareOf } from './read-results.js';
import { buildStatements } from './statements.js';

function table(variable: string, by: string, groups: Record<string, Record<string, number>>): ResultsTable {
  const cells = Object.entries(groups).flatMap(([group, counts]): CountCell[] => {
    const base = Object.values(counts).reduce((a, b) => a + b, 0);
    return Object.entries(counts).map(([value, n]) => ({ by: group, value, n, base, share: n / base, ci95: [0, 1] }));
  });
  return { variable, by, cells };
}

/** A flag by size: a, b small and suppressed, c and d published. */
function doc(missing = 0): ResultsDocument {
  const groups = { a: { ja: 2, nein: 20 }, b: { ja: 15, nein: 3 }, c: { ja: 30, nein: 25 }, d: { ja: 40, nein: 35 } };
  const all = { all: { ja: 87 + missing, nein: 83 } };
  return { wave: 'w', n: 170 + missing, weighted: false, tables: [table('flag', 'all', all), table('flag', 'size_class', groups)] };
}

test('a share over groups with suppressed cells is the all table less the other groups, where that is public', () => {
  const pub = suppressResults(doc(), 5);
  assert.ok(pub.tables[1]!.cells.some((cell) => 'suppressed' in cell));
  assert.deepEqual(shareOf(pub, { variable: 'flag', values: ['ja'], by: 'size_class', groups: ['a', 'b'] }), { n: 17, base: 40, share: 17 / 40 });
  assert.equal(shareOf(pub, { variable: 'flag', values: ['ja'], by: 'size_class', groups: ['a'] }), undefined, 'one group alone stays suppressed');
  // Three respondents without a size class: the all table no longer equals the groups' sum.
  assert.equal(shareOf(suppressResults(doc(3), 5), { variable: 'flag', values: ['ja'], by: 'size_class', groups: ['a', 'b'] }), undefined);
});

test('on the public demo report: the large municipalities in the E-Government comparison get their share back', () => {
  const { results } = demoResults();
  const pub = publicResults(instrument2019, results, 5);
  const large = { variable: 'vg_egov', values: ['true'], by: 'size_class', groups: ['gk1', 'gk2', 'gk3'] };
  assert.deepEqual(shareOf(pub, large), shareOf(results, large));
});

test('public demo statements never call a difference unclear when its test is withheld', () => {
  const pub = publicResults(instrument2019, demoResults().results, 5);
  const statements = buildStatements(pub);
  const egov = statements.find((statement) => statement.id === 'egov_by_size')!;
  assert.match(egov.text, /72\u00a0% gegenüber 34\u00a0%/);
  for (const { id, text } of statements) {
    for (const sentence of text.split(/\)[.;]\s*/)) {
      if (sentence.includes('Test nicht ausgewiesen')) assert.doesNotMatch(sentence, /keine?n? klaren? Unterschied/, id);
    }
  }
});

test('on the public demo report: suppressed count values are read from the recode that merges exactly them, and only then', () => {
  const { results } = demoResults();
  const pub = publicResults(instrument2019, results, 5);
  const cell = (value: string) => pub.tables.find((t) => t.variable === 'egov_count' && t.by === 'all')!.cells.find((c) => c.value === value)!;
  assert.ok('suppressed' in cell('1') && 'suppressed' in cell('2'), 'egov_count 1 and 2 are suppressed in the demo at k = 5');
  for (const values of [['1', '2'], ['0', '1', '2']]) {
    const query = { variable: 'egov_count', values };
    assert.deepEqual(shareOf(pub, query), shareOf(results, query), values.join(','));
  }
  assert.equal(shareOf(pub, { variable: 'egov_count', values: ['1'] }), undefined, 'no recode keeps 1 alone');
  assert.equal(shareOf(pub, { variable: 'egov_count', values: ['2', '3'] }), undefined, 'egov_band merges 3 with 4 … 9');
});
