// Issue 9: the report chapter "Entwicklung seit <Welle>" – the headline indicators per wave as grouped
// bars with their data table, and one sentence per indicator written from the test of change (wave ×
// value; "mehr"/"weniger" only when significant at the 5 % level) and, for 0/1 indicators, from McNemar's
// test on the units that answered both waves. Public reports leave out what small counts would reveal.
import type { TrendDocument, TrendTable } from '../../analysis/trend/trend-document.js';
import { barChartSvg, type BarChartSpec } from '../charts/bar-chart.js';
import { formatDecimal, formatPercent } from '../format-share.js';
import { ALPHA } from '../statements.js';
import { type Fragment, html, raw } from './html.js';
import { scrollable } from './scrollable.js';

interface Indicator {
  readonly variable: string;
  readonly value: string;
  readonly label: string;
}

const INDICATORS: readonly Indicator[] = [
  { variable: 'strategy_status', value: 'vorhanden', label: 'Digitalisierungsstrategie liegt vor' },
  { variable: 'vg_egov', value: 'true', label: 'E-Government gut aufgestellt (≥ 3 Basiskomponenten)' },
  { variable: 'vg_community', value: 'true', label: 'In der örtlichen Gemeinschaft engagiert' },
  { variable: 'chefsache', value: 'true', label: 'Digitalisierung ist Chefsache' },
  { variable: 'fim_known', value: 'ja', label: 'FIM ist bekannt' },
  { variable: 'fiber_engaged', value: 'true', label: 'Am Glasfaserausbau beteiligt' },
];

export const TREND_CHAPTER_ID = 'entwicklung';

export function trendChapterTitle(trend: TrendDocument): string {
  return `Entwicklung seit ${trend.waves[0]!.wave}`;
}

/** @param k public report: the minimum cell count (indicators and panel counts below it are left out) */
export function trendChapterHtml(trend: TrendDocument, k?: number): Fragment {
  const shown = INDICATORS.flatMap((indicator) => {
    const table = trend.trends.find((t) => t.variable === indicator.variable && t.by === 'all');
    return table && (k === undefined || !revealsSmallCells(table, k)) ? [{ indicator, table }] : [];
  });
  const waves = trend.waves.map((wave) => wave.wave);
  const title = trendChapterTitle(trend);
  const left = trend.not_comparable.length;
  return html`<section id="${TREND_CHAPTER_ID}" class="chapter" aria-labelledby="${TREND_CHAPTER_ID}-h">
<h2 id="${TREND_CHAPTER_ID}-h">${title}</h2>
<p>Verglichen werden die Wellen ${waves.join(', ')} (${trend.waves.map((wave) => `${wave.n} Antworten`).join(', ')}), ungewichtet. „Mehr“ oder „weniger“ steht nur, wenn der Chi-Quadrat-Test (Welle × Antwort; bei kleinen Zahlen Fishers exakter Test) auf dem 5-%-Niveau signifikant ist. Kommunen, die an beiden Wellen teilgenommen haben, bilden das Panel; ihre Veränderung prüft der McNemar-Test.${left > 0 ? ` ${left} Variablen sind zwischen den Fragebogen-Versionen nicht vergleichbar und fehlen hier.` : ''}</p>
${shown.map(({ indicator, table }) => html`<p>${sentence(indicator, table, waves, k)}</p>`)}
${shown.length > 0 ? figure(shown, waves) : ''}
</section>`;
}

function shareIn(table: TrendTable, wave: string, value: string) {
  return table.cells.find((cell) => cell.wave === wave && cell.value === value);
}

function sentence(indicator: Indicator, table: TrendTable, waves: readonly string[], k: number | undefined): string {
  const first = shareIn(table, waves[0]!, indicator.value);
  const last = shareIn(table, waves[waves.length - 1]!, indicator.value);
  if (!first || !last) return `${indicator.label}: in mindestens einer Welle ohne Antworten.`;
  const change = table.changes.find((c) => c.group === 'all');
  const test = change?.test;
  const significant = test !== null && test !== undefined && test.p < ALPHA;
  const direction = last.share > first.share ? 'mehr' : 'weniger';
  const verdict = significant ? `signifikant ${direction}` : 'keine signifikante Veränderung';
  const method = test?.method === 'fisher' ? 'Fishers exakter Test' : 'Chi-Quadrat-Test';
  const trendText = `${indicator.label}: ${formatPercent(last.share)} der Kommunen (${waves[waves.length - 1]}) nach ${formatPercent(first.share)} (${waves[0]}) – ${verdict}${test ? ` (${method}, ${pValue(test.p)})` : ''}.`;
  const panel = change?.panel?.[change.panel.length - 1];
  if (!panel || panel.units === 0 || (k !== undefined && ((panel.rises > 0 && panel.rises < k) || (panel.falls > 0 && panel.falls < k)))) return trendText;
  const who = `Von den ${panel.units} Kommunen, die an ${panel.from} und ${panel.to} teilgenommen haben,`;
  if (!panel.test) return `${trendText} ${who} blieben alle bei ihrer Antwort.`;
  return `${trendText} ${who} kamen ${panel.rises} hinzu und ${panel.falls} fielen zurück (McNemar-Test, ${pValue(panel.test.p)}).`;
}

function pValue(p: number): string {
  return p < 0.001 ? 'p < 0,001' : `p = ${formatDecimal(p, 3)}`;
}

function revealsSmallCells(table: TrendTable, k: number): boolean {
  return table.cells.some((cell) => cell.n > 0 && cell.n < k);
}

function figure(shown: readonly { indicator: Indicator; table: TrendTable }[], waves: readonly string[]): Fragment {
  const categories = shown.map(({ indicator }) => indicator.label);
  const rows = shown.flatMap(({ indicator, table }) =>
    waves.flatMap((wave) => {
      const cell = shareIn(table, wave, indicator.value);
      return cell ? [{ label: indicator.label, series: wave, share: cell.share }] : [];
    }),
  );
  const caption = `Abb. E: Kennzahlen je Welle (${waves.join(', ')})`;
  const spec: BarChartSpec = { id: 'abb-entwicklung', alt: `${caption}. Die Werte stehen in der Tabelle unter der Abbildung.`, rows, categories, series: waves };
  const value = (label: string, wave: string) => {
    const row = rows.find((candidate) => candidate.label === label && candidate.series === wave);
    return row ? formatPercent(row.share) : '–';
  };
  return html`<figure class="figure" id="${spec.id}" aria-labelledby="${spec.id}-caption">
<figcaption id="${spec.id}-caption">${caption} <span class="base">(Basis: Kommunen, die die jeweilige Frage beantwortet haben)</span></figcaption>
<div class="chart">${raw(barChartSvg(spec))}</div>
<ul class="legend" aria-hidden="true">${waves.map((wave, i) => html`<li><span class="swatch s${i}"></span>${wave}</li>`)}</ul>
<p class="alt">${spec.alt}</p>
${scrollable(
  `Daten zu ${caption}`,
  html`<table class="data">
<caption>Daten zu ${caption}</caption>
<thead><tr><th scope="col">Kennzahl</th>${waves.map((wave) => html`<th scope="col">${wave}</th>`)}</tr></thead>
<tbody>${categories.map((label) => html`<tr><th scope="row">${label}</th>${waves.map((wave) => html`<td>${value(label, wave)}</td>`)}</tr>`)}</tbody>
</table>`,
)}
</figure>`;
}
