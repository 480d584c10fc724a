// The report page (issue 5): self-contained German HTML in the seed's order, every statement and figure,
// escaping, demo banner, golden file test/golden/report-demo.html (UPDATE_GOLDEN=1 to accept changes).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { ResultsDocument } from '../src/analysis/results-document.js';
import { suppressResults } from '../src/analysis/disclosure/suppress-results.js';
import { renderReport } from '../src/report/html/report-page.js';
import { REGISTER_ATTRIBUTION } from '../src/report/html/seed-texts.js';
import { responseRates } from '../src/report/response-rates.js';
import { buildStatements } from '../src/report/statements.js';
import { REGISTER_ATTRIBUTION as WEB_ATTRIBUTION } from '../src/web/page-layout.js';
import { demoResults, publishedFigures } from './support/demo-results.js';

const { results, data, register } = demoResults();
const meta = {
  title: 'Wie sind die Kommunen digital aufgestellt?',
  demo: true,
  period: '1. Dezember 2018 bis 28. Februar 2019',
  responseRates: responseRates(data, register, 'register'),
};
const page = renderReport(results, meta);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('report page of the demo wave', () => {
  test('German, self-contained: no script, no external resource', () => {
    assert.match(page, /^<!doctype html>\n<html lang="de">/);
    assert.doesNotMatch(page, /<script|<link |<img |<iframe|<object|src="|@import|url\(/);
    assert.equal((page.match(/href="/g) ?? []).length, (page.match(/<a href="/g) ?? []).length, 'href only on links, never on a resource');
    assert.match(page, /@page \{ size: A4/);
  });

  test('sections in the seed order', () => {
    const order = [
      'Auf einen Blick',
      'Einleitung und Methodik',
      '1. E-Government gemeinsam angehen!',
      '2. Daten nutzen!',
      '3. Strategien entwickeln!',
      '4. Digitalisierung zur Chefsache machen!',
      '5. Digitalisierung braucht Kompetenzen!',
      '6. Die Infrastruktur ist nicht der Flaschenhals!',
      'Was zu tun ist: Handlungsempfehlungen',
      'Methodenanhang',
      'Lizenz und Datenquellen',
    ].map((title) => page.indexOf(`>${title}</h2>`));
    assert.ok(order.every((position, i) => position > 0 && (i === 0 || position > order[i - 1]!)), JSON.stringify(order));
    const abb = [...page.matchAll(/<figcaption id="abb-\d+-caption">Abb\. (\d+):/g)].map((m) => Number(m[1]));
    assert.deepEqual(abb, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal((page.match(/<table class="data">/g) ?? []).length, 12 /* Abb. 1–10, Karte 1–2 */);
    const karten = [...page.matchAll(/<figcaption id="karte-\d-caption">Karte (\d):/g)].map((m) => Number(m[1]));
    assert.deepEqual(karten, [2, 1], 'Karte 2 in chapter 1, Karte 1 (response rate) in the annex');
    assert.ok(page.indexOf('id="karte-1"') > page.indexOf('>Methodenanhang</h2>'));
    assert.equal((page.match(/<h3>\d\. /g) ?? []).length, 6 /* Handlungsempfehlungen */);
  });

  test('the demo report contains every published figure\'s statement', () => {
    const statements = buildStatements(results);
    for (const figure of publishedFigures()) {
      const statement = statements.find((candidate) => candidate.figures.includes(figure.id));
      assert.ok(statement, figure.id);
      assert.ok(page.includes(`<p data-statement="${statement.id}">${escape(statement.text)}</p>`), `${figure.id}: ${statement.text}`);
    }
  });

  test('demo banner, headline indicators, attribution', () => {
    assert.match(page, /class="demo-banner"[^>]*>Demo-Daten:/);
    assert.match(page, /<strong>59\u00a0%<\/strong>der Kommunen haben eine Digitalisierungsstrategie/);
    assert.equal(REGISTER_ATTRIBUTION, WEB_ATTRIBUTION);
    assert.ok(page.includes(escape(REGISTER_ATTRIBUTION)));
    assert.doesNotMatch(renderReport(results, { ...meta, demo: false }), /class="demo-banner"/);
  });

  test('text from outside is escaped', () => {
    const evil = renderReport({ ...results, wave: '<script>alert(1)</script>' } as ResultsDocument, { ...meta, title: 'A <b>"&' });
    assert.doesNotMatch(evil, /<script>|<b>/);
    assert.match(evil, /<title>A &lt;b&gt;&quot;&amp;<\/title>/);
    assert.match(evil, /Welle &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('public report: suppressed cells are never shown, and the rule is stated', () => {
    const published = renderReport(suppressResults(results, 5), { ...meta, suppressionK: 5 });
    assert.match(published, /Zellen mit weniger als 5 Antworten/);
    assert.match(published, /Hat eine Gruppe weniger als 5 Antworten, fehlt auch ihre Basis/);
    assert.doesNotMatch(published, /NaN|undefined/);
  });

  test('matches test/golden/report-demo.html', () => {
    const file = new URL('golden/report-demo.html', import.meta.url);
    const changed = new URL('golden/report-demo-changed.html', import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, page);
    const expected = readFileSync(file, 'utf8');
    if (page !== expected) writeFileSync(changed, page);
    else if (existsSync(changed)) rmSync(changed);
    assert.ok(page === expected, `report differs from the golden file; see ${changed.pathname}`);
  });
});

describe('a wave with too few responses', () => {
  test('public report of 8 respondents: figures replaced by a German note, numbers "nicht ausgewiesen", no NaN', async () => {
    const { filterWaveData } = await import('../src/analysis/filter-wave-data.js');
    const { analyzeWave } = await import('../src/analysis/analyze-wave.js');
    const tinyData = filterWaveData(demoResults().data, (i) => i < 8);
    const tiny = analyzeWave(tinyData);
    const published = renderReport(suppressResults(tiny, 5), { ...meta, suppressionK: 5, responseRates: responseRates(tinyData, register, 'register') });
    assert.match(published, /Diese Abbildung entfällt: Für sie gibt es zu wenige Antworten/);
    assert.match(published, /nicht ausgewiesen \(zu wenige Antworten\)/);
    assert.doesNotMatch(published, /NaN|undefined|Infinity/);
    assert.equal((published.match(/<figcaption/g) ?? []).length, 12);
    assert.match(published, /<figure class="figure missing" id="karte-2">\n<p class="note">Diese Karte entfällt: Für sie gibt es zu wenige Antworten/);
    // The methods annex names no Land or size class with 1 … 4 respondents (a city state is one unit).
    const annex = published.slice(published.indexOf('<h3>Stichprobe</h3>'), published.indexOf('<h3>Rücklauf</h3>'));
    const shown = [...annex.matchAll(/<tr><th scope="row">[^<]*<\/th><td>(\d+)<\/td>/g)].map((match) => Number(match[1]));
    assert.ok(shown.every((n) => n >= 5), `shown: ${shown.join(', ')}`);
    assert.match(annex, /<td>–<\/td><td>–<\/td>/);
    const internal = renderReport(tiny, meta);
    assert.match(internal.slice(internal.indexOf('<h3>Stichprobe</h3>')), /<tr><th scope="row">[^<]*<\/th><td>[1-4]<\/td>/, 'the analysts see every count');
  });
});
