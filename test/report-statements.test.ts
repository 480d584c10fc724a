// The report's statements (issue 5 "Statements written from the numbers"): every published figure has
// its sentence, every number in a sentence is the engine's share formatted, and the sentences follow the
// data and the tests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { filterWaveData } from '../src/analysis/filter-wave-data.js';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import { describeShare, formatPercent } from '../src/report/format-share.js';
import { buildStatements, type Statement } from '../src/report/statements.js';
import { demoResults, publishedFigures } from './support/demo-results.js';
import { evaluateFiguresOnEngine } from './support/engine-figures.js';

const { data, results } = demoResults();
const figures = publishedFigures();
const statements = buildStatements(results);
const engine = new Map(evaluateFiguresOnEngine(figures, data).map((result) => [result.id, result]));
const byId = (list: readonly Statement[], id: string) => list.find((statement) => statement.id === id)!.text;

describe('report statements on the demo wave', () => {
  test('every published figure is stated by exactly one statement', () => {
    const stated = statements.flatMap((statement) => statement.figures);
    for (const figure of figures) assert.equal(stated.filter((id) => id === figure.id).length, 1, figure.id);
  });

  test('every share in a sentence is the engine share, formatted as shown', () => {
    let checked = 0;
    for (const statement of statements) {
      for (const { figure, value, shown } of statement.values) {
        if (shown === 'percent') assert.ok(statement.text.includes(formatPercent(value)), `${statement.id}: ${formatPercent(value)}`);
        if (shown === 'words') assert.ok(statement.text.toLowerCase().includes(describeShare(value).toLowerCase()), `${statement.id}: ${describeShare(value)}`);
        const published = figures.find((f) => f.id === figure);
        if (published?.metric === 'share') {
          const got = engine.get(figure)!.got as number;
          assert.ok(Math.abs(got - value) < 1e-12, `${figure}: report ${value}, engine ${got}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 35, `only ${checked} shares checked`);
  });

  test('every "N %" in the text comes from a value of its statement', () => {
    for (const statement of statements) {
      const shown = new Set(statement.values.flatMap(({ value }) => [formatPercent(value), describeShare(value)]));
      for (const match of statement.text.matchAll(/(\d+)\u00a0%/g)) {
        assert.ok([...shown].some((text) => text.endsWith(match[0])), `${statement.id}: ${match[0]} has no value`);
      }
    }
  });

  test('the seed sentences come out of the demo wave', () => {
    assert.match(byId(statements, 'strategy_shares'), /^14\u00a0% der Kommunen haben bereits eine Digitalisierungsstrategie, weitere 45\u00a0% entwickeln/);
    assert.match(byId(statements, 'community_offers'), /^Ein Viertel der Kommunen unterstützt keines .*, knapp 30\u00a0% unterstützen nur eines/);
    assert.match(byId(statements, 'strategy_by_size'), /^Größere Kommunen haben häufiger eine Digitalisierungsstrategie/);
    assert.match(byId(statements, 'broadband_by_groups'), /E-Government hängt nicht erkennbar .*kein klarer Unterschied/);
  });
});

describe('statements follow the data', () => {
  test('dropping most municipalities with a strategy changes the strategy sentences', () => {
    const status = data.variables.find((variable) => variable.name === 'strategy_status')!;
    const vorhanden = status.values.indexOf('vorhanden');
    let seen = 0;
    const fewer = filterWaveData(data, (i) => status.codes[i] !== vorhanden || seen++ % 4 === 0);
    const changed = buildStatements(analyzeWave(fewer));
    assert.notEqual(byId(changed, 'strategy_shares'), byId(statements, 'strategy_shares'));
    assert.match(byId(changed, 'strategy_shares'), /^4\u00a0% der Kommunen haben bereits/);
  });

  test('a comparison without a significant test says "kein klarer Unterschied", never "häufiger"', () => {
    const noTest: ResultsDocument = {
      ...results,
      tables: results.tables.map((table) => (table.variable === 'training__trends' && table.test ? { ...table, test: { ...table.test, p: 0.2 } } : table)),
    };
    assert.match(byId(statements, 'training_by_strategy'), /häufiger/);
    const text = byId(buildStatements(noTest), 'training_by_strategy');
    assert.match(text, /kein klarer Unterschied/);
    assert.doesNotMatch(text, /häufiger/);
  });

  test('a suppressed or missing number is said to be missing, not invented', () => {
    const empty: ResultsDocument = { ...results, tables: results.tables.map((table) => (table.variable === 'fiber_engaged' ? { ...table, cells: [] } : table)) };
    assert.match(byId(buildStatements(empty), 'fiber_engaged'), /nicht ausgewiesen/);
  });

  test('a withheld figure is named in a German sentence of its own, the other figure of the sentence stays', () => {
    /** The results with these all-table cells suppressed (variable → values). */
    const hiding = (cells: Record<string, readonly string[]>): ResultsDocument => ({
      ...results,
      tables: results.tables.map((table) =>
        cells[table.variable] && table.by === 'all'
          ? { ...table, cells: table.cells.map((cell) => (cells[table.variable]!.includes(cell.value) ? ({ by: cell.by, value: cell.value, base: cell.base, suppressed: true } as never) : cell)) }
          : table,
      ),
    });
    const community = (values: readonly string[]) => byId(buildStatements(hiding({ community_count: values, community_band: values })), 'community_offers');
    const NOT_SHOWN = 'nicht ausgewiesen \\(zu wenige Antworten\\)';
    assert.match(community(['1']), new RegExp(`^Ein Viertel der Kommunen unterstützt keines der genannten Angebote; wie viele Kommunen nur eines finanziell, logistisch oder anderweitig unterstützen, wird ${NOT_SHOWN}\\.$`));
    assert.match(community(['0']), new RegExp(`^Wie viele Kommunen keines der genannten Angebote unterstützen, wird ${NOT_SHOWN}; knapp 30\u00a0% unterstützen nur eines`));
    assert.equal(community(['0', '1']), 'Wie viele Kommunen keines der genannten Angebote unterstützen oder nur eines finanziell, logistisch oder anderweitig unterstützen, wird nicht ausgewiesen (zu wenige Antworten).');
    // egov_count 1 and 2 are egov_band "1-2": the figure is read there, and withheld only where both hide it.
    assert.match(byId(buildStatements(hiding({ egov_count: ['1', '2'] })), 'egov_components'), /^16\u00a0% der Kommunen setzen keine dieser Basiskomponenten ein, 32\u00a0% nur eine oder zwei\.$/);
    assert.match(
      byId(buildStatements(hiding({ egov_count: ['1', '2'], egov_band: ['1-2'] })), 'egov_components'),
      new RegExp(`^16\u00a0% der Kommunen setzen keine dieser Basiskomponenten ein; wie viele Kommunen nur eine oder zwei einsetzen, wird ${NOT_SHOWN}\\.$`),
    );
  });

  test('a statement on a variable the questionnaire version does not have is left out (issue 9)', () => {
    const without: ResultsDocument = { ...results, tables: results.tables.filter((table) => table.variable !== 'fiber_engaged') };
    const ids = buildStatements(without).map((statement) => statement.id);
    assert.ok(!ids.includes('fiber_engaged'));
    assert.equal(ids.length, statements.length - 1);
  });
});

describe('public statements (suppressed results)', () => {
  test('a test withheld for suppressed cells never turns into "kein klarer Unterschied"; withheld numbers read as German', async () => {
    const { suppressResults } = await import('../src/analysis/disclosure/suppress-results.js');
    const published = buildStatements(suppressResults(results, 5));
    const significant = statements.filter((statement) => /häufiger|seltener|hängt mit/.test(statement.text));
    assert.ok(significant.length >= 4, 'the demo wave has significant comparisons');
    let withheld = 0;
    for (const statement of significant) {
      const text = byId(published, statement.id);
      if (/Test nicht ausgewiesen|nicht prüfbar|nicht prüfen/.test(text)) withheld++;
      if (!/häufiger|seltener|hängt mit/.test(text)) assert.doesNotMatch(text, /kein klarer Unterschied|nicht erkennbar/, `${statement.id}: ${text}`);
    }
    assert.ok(withheld > 0, 'the demo wave has comparisons whose test is withheld in public');
    for (const statement of published) assert.doesNotMatch(statement.text, /damit nicht ausgewiesen|\(nicht ausgewiesen \(zu wenige Antworten\) der|Antworten\) gegenüber nicht ausgewiesen/, statement.id);
    assert.match(byId(published, 'strategy_by_size'), /Anteile nicht ausgewiesen, zu wenige Antworten/, 'the demo withholds both shares of this comparison');
    assert.equal(byId(published, 'strategy_links'), byId(statements, 'strategy_links'), 'the overall table is not withheld');
  });
});
