// The maps of the report (issue 5 "Map"): response rate and the strategy indicator by Land as choropleths
// from the committed, simplified TopoJSON; table alternative; suppression; BKG attribution. Golden SVGs in
// test/golden/karte-<n>.svg (UPDATE_GOLDEN=1 to accept changes).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { suppressResults } from '../src/analysis/disclosure/suppress-results.js';
import { filterWaveData } from '../src/analysis/filter-wave-data.js';
import { laenderMapSvg } from '../src/report/charts/laender-map.js';
import { reportMaps } from '../src/report/charts/report-maps.js';
import { mapFigureHtml } from '../src/report/html/map-figure-html.js';
import { LAENDER_TOPOLOGY } from '../src/report/map/laender-topology.js';
import { responseRates } from '../src/report/response-rates.js';
import { demoResults } from './support/demo-results.js';

const { data, results, register } = demoResults();
const rates = responseRates(data, register, 'register');
const maps = reportMaps(results, rates, undefined);

describe('maps of the demo wave', () => {
  test('the committed topology is small and has the 16 Länder', () => {
    const source = readFileSync(new URL('../src/report/map/laender-topology.ts', import.meta.url), 'utf8');
    assert.ok(source.length < 12_000, `${source.length} characters`);
    const ids = (LAENDER_TOPOLOGY.objects['laender'] as { geometries: { id: string }[] }).geometries.map((g) => g.id);
    assert.deepEqual(ids, ['SH', 'HH', 'NI', 'HB', 'NW', 'HE', 'RP', 'BW', 'BY', 'SL', 'BE', 'BB', 'MV', 'SN', 'ST', 'TH']);
  });

  test('response rate = respondents / real register units, by Land and in total', () => {
    const real = register.filter((unit) => !unit.synthetic);
    assert.equal(rates.respondents, 412);
    assert.equal(rates.population, real.length);
    assert.equal(rates.byState['Bayern']!.population, real.filter((unit) => unit.state === 'Bayern').length);
    const sum = Object.values(rates.byState).reduce((total, entry) => total + entry.respondents, 0);
    assert.equal(sum, 412);
    const karte1 = maps[0]!;
    const bayern = karte1.rows.find((row) => row.state === 'Bayern')!;
    assert.equal(bayern.share, rates.byState['Bayern']!.respondents / rates.byState['Bayern']!.population);
  });

  test('a target population counts only its own units', () => {
    const target = register.filter((unit) => unit.state === 'Saarland');
    const only = responseRates(data, target, 'target');
    assert.equal(only.population, target.length);
    assert.equal(only.respondents, 0, 'demo respondents are synthetic, never in a real target');
  });

  for (const map of maps) {
    test(`${map.spec.id} matches test/golden/${map.spec.id}.svg`, () => {
      const svg = laenderMapSvg(map.spec);
      assert.equal(laenderMapSvg(map.spec), svg, 'deterministic');
      assert.match(svg, /^<svg role="img" aria-label="Karte \d: /);
      assert.equal((svg.match(/<path /g) ?? []).length, 32, 'fill and outline of 16 Länder');
      assert.ok(svg.length < 40_000, `${svg.length} bytes`);
      const file = new URL(`golden/${map.spec.id}.svg`, import.meta.url);
      const changed = new URL(`golden/${map.spec.id}-changed.svg`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, svg);
      const expected = readFileSync(file, 'utf8');
      if (svg !== expected) writeFileSync(changed, svg);
      else if (existsSync(changed)) rmSync(changed);
      assert.ok(svg === expected, `${map.spec.id}: SVG differs from the golden file; see ${changed.pathname}`);
    });
  }

  test('figure: caption, legend, BKG attribution linked to bkg.bund.de, table with all 16 Länder', () => {
    const figure = mapFigureHtml(maps[0]!).toString();
    assert.match(figure, /<figcaption id="karte-1-caption">Karte 1: Rücklaufquote nach Ländern<\/figcaption>/);
    assert.match(figure, /<a href="http:\/\/www.bkg.bund.de">© GeoBasis-DE \/ BKG 2021 \(Daten verändert\)<\/a>/);
    assert.equal((figure.match(/<tr><th scope="row">/g) ?? []).length, 16);
    assert.match(figure, /<tr><th scope="row">Bayern<\/th><td>\d+<\/td><td>\d{4}<\/td><td>\d+,\d\u00a0%<\/td><\/tr>/);
  });
});

describe('suppression on the maps', () => {
  const small = analyzeWave(filterWaveData(data, (i) => i < 250));
  const smallRates = responseRates(filterWaveData(data, (i) => i < 250), register, 'register');
  const [karte1, karte2] = reportMaps(suppressResults(small, 5), smallRates, 5);

  test('a Land with 0 < respondents < k shows no response rate, and its indicator is suppressed', () => {
    const few = Object.entries(smallRates.byState).filter(([, entry]) => entry.respondents > 0 && entry.respondents < 5);
    assert.ok(few.length > 0, 'the sample has a small Land');
    for (const [state] of few) {
      assert.equal(karte1!.rows.find((row) => row.state === state)!.share, undefined, state);
      assert.equal(karte2!.rows.find((row) => row.state === state)!.share, undefined, state);
    }
    // Counts are withheld too, with a complement, since n is published: no table shows a count 1 … 4.
    for (const map of [karte1!, karte2!]) {
      const counts = map.rows.flatMap((row) => [map.number === 1 ? row.count : row.base]).filter((n): n is number => n !== undefined);
      assert.ok(counts.every((n) => n === 0 || n >= 5), `Karte ${map.number}: ${counts.join(', ')}`);
      assert.ok(map.rows.filter((row) => (map.number === 1 ? row.count : row.base) === undefined).length >= 2, `Karte ${map.number}: a complement`);
    }
    const html = mapFigureHtml(karte2!).toString();
    assert.match(html, /<td>–<\/td>/);
    assert.match(laenderMapSvg(karte2!.spec), /fill="#d9d9d9"/);
  });

  test("no value at all → the map's place with a German note", () => {
    const none = reportMaps(suppressResults(analyzeWave(filterWaveData(data, (i) => i < 3)), 5), undefined, 5);
    assert.equal(none.length, 1);
    assert.match(mapFigureHtml(none[0]!).toString(), /Diese Karte entfällt: Für sie gibt es zu wenige Antworten/);
  });
});
