// The public results explorer page (issue 5): a GET form (works without JavaScript) and, once a variable
// is chosen, the suppressed table with 95 % intervals, a bar chart, the test in plain words and the CSV link.
import { html, raw } from 'hono/html';
import { BAR_COLORS, BAR_OUTLINE, barChartSvg } from '../report/charts/bar-chart.js';
import type { CatalogVariable } from '../report/explorer/explorer-catalog.js';
import { explorerChartSpec, type ExplorerTable } from '../report/explorer/explorer-table.js';
import { type ExplorerTrend, explorerTrendChartSpec, type ExplorerTrendResult } from '../report/explorer/explorer-trend.js';
import { formatPercent } from '../report/format-share.js';
import type { Exploration } from '../tasks/explore-results.js';
import { pageLayout } from './page-layout.js';

export function explorerPage(exploration: Exploration) {
  const { wave, table } = exploration;
  // The query in the title: screen readers announce it, and browser history tells the tables apart.
  const query = table ? `${table.variable.label}${table.grouping.name === 'all' ? '' : ` nach ${table.grouping.label}`}${table.weighted ? ', gewichtet' : ''} – ` : '';
  const title = `${query}Ergebnisse erkunden – ${wave.title}`;
  const body = html`<h1>Ergebnisse erkunden</h1>
<p>${wave.title} (Welle ${wave.id}) · <a href="/bericht/${wave.id}">zum Bericht</a></p>
${wave.demo ? html`<p class="demo"><strong>Demo-Daten:</strong> Diese Welle besteht aus synthetischen Antworten pseudonymer Kommunen. Keine Angabe stammt von einer echten Kommune.</p>` : ''}
${form(exploration)}
${exploration.variable === undefined ? html`<p>Merkmal und Gruppierung wählen und „Anzeigen“ drücken.</p>` : table ? result(exploration, table) : html`<p class="box">Zu diesem Merkmal gibt es keine Antworten.</p>`}
${table && exploration.trend ? trendSection(exploration, exploration.trend, table) : ''}`;
  return pageLayout(title, body);
}

function form(exploration: Exploration) {
  const sections = [...new Set(exploration.variables.map((variable) => variable.section))];
  const option = (variable: CatalogVariable) =>
    html`<option value="${variable.name}"${variable.name === exploration.variable ? ' selected' : ''}>${variable.label}</option>`;
  return html`<form method="get" action="/ergebnisse/${exploration.wave.id}">
<p><label for="variable">Merkmal</label><br>
<select id="variable" name="variable"><option value="">– bitte wählen –</option>
${sections.map((section) => html`<optgroup label="${section}">${exploration.variables.filter((v) => v.section === section).map(option)}</optgroup>`)}
</select></p>
<p><label for="by">Gruppierung</label><br>
<select id="by" name="by">${exploration.groupings.map(
    (grouping) => html`<option value="${grouping.name}"${grouping.name === exploration.by ? ' selected' : ''}>${grouping.label}</option>`,
  )}</select></p>
<p><input type="checkbox" id="gewichtet" name="gewichtet" value="1"${exploration.weighted ? ' checked' : ''}><label for="gewichtet">gewichtet (Raking auf das Gemeindeverzeichnis nach Land und Größenklasse)</label></p>
<p><input type="checkbox" id="entwicklung" name="entwicklung" value="1"${exploration.trendRequested ? ' checked' : ''}><label for="entwicklung">Entwicklung seit der vorigen Welle zeigen</label></p>
<p><button type="submit">Anzeigen</button></p>
</form>`;
}

function result(exploration: Exploration, table: ExplorerTable) {
  const spec = explorerChartSpec(table);
  const grouped = table.grouping.name !== 'all';
  const heading = `${table.variable.label}${grouped ? ` nach ${table.grouping.label}` : ''}`;
  return html`<section aria-labelledby="auswahl-h">
<h2 id="auswahl-h">${heading}</h2>
<p>${table.weighted ? 'Gewichtete Anteile (Raking); Intervalle aus der Linearisierung.' : 'Ungewichtete Anteile; Wilson-Intervalle.'} Gezeigt werden Anteile an den Kommunen, die die Frage beantwortet haben, mit 95-%-Konfidenzintervall. Zellen mit weniger als ${exploration.k} Antworten und die Zellen, aus denen sie sich zurückrechnen ließen, sind gesperrt (–). Hat eine Gruppe weniger als ${exploration.k} Antworten, fehlt auch ihre Basis, ebenso wo eine Basis eine gesperrte Zahl verriete.</p>
${grouped ? html`<p><strong>Test:</strong> ${table.testText}</p>` : ''}
${resultTable(table)}
<p><a href="/ergebnisse/${exploration.wave.id}/tabelle.csv?${query(table).toString()}" download>Tabelle als CSV-Datei für Excel herunterladen</a></p>
${spec.rows.length === 0
  ? html`<p class="box">Kein Diagramm: Alle Werte dieser Tabelle sind gesperrt.</p>`
  : html`<figure aria-labelledby="auswahl-chart">
<figcaption id="auswahl-chart">Diagramm: ${heading}</figcaption>
${raw(responsive(barChartSvg(spec)))}
${legend(spec.series ?? [])}
</figure>`}
</section>`;
}

/** Rows: groups; columns: values (share and 95 % interval); base last. */
function resultTable(table: ExplorerTable) {
  const cell = (group: string, value: string) => table.cells.find((candidate) => candidate.group === group && candidate.value === value);
  const shown = (group: string, value: string) => {
    const count = cell(group, value)?.count;
    return count ? shareWithInterval(count) : '–';
  };
  const base = (group: string) => {
    const found = table.cells.find((candidate) => candidate.group === group)?.base;
    return found === undefined ? '–' : BASE_FORMAT.format(found);
  };
  return html`<div class="wide" role="region" aria-labelledby="auswahl-tabelle" tabindex="0"><table>
<caption id="auswahl-tabelle">${table.variable.label}: Anteile in Prozent (95-%-Konfidenzintervall)</caption>
<thead><tr><th scope="col">${table.grouping.name === 'all' ? 'Gruppe' : table.grouping.label}</th>${table.values.map(
    (value) => html`<th scope="col" class="num">${table.variable.valueLabel(value)}</th>`,
  )}<th scope="col" class="num">Basis${table.weighted ? ' (gewichtet)' : ''}</th></tr></thead>
<tbody>${table.groups.map(
    (group) =>
      html`<tr><th scope="row">${table.grouping.groupLabel(group)}</th>${table.values.map((value) => html`<td class="num">${shown(group, value)}</td>`)}<td class="num">${base(group)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function trendSection(exploration: Exploration, result: ExplorerTrendResult, table: ExplorerTable) {
  if ('hidden' in result) {
    return html`<section aria-labelledby="entwicklung-h">
<h2 id="entwicklung-h">Entwicklung</h2>
<p class="box">${result.hidden}</p>
</section>`;
  }
  const trend = result.shown;
  return html`<section aria-labelledby="entwicklung-h">
<h2 id="entwicklung-h">Entwicklung seit ${trend.waves[0]}</h2>
<p>${trend.weighted
    ? 'Gewichtete Anteile, jede Welle auf ihre eigene Grundgesamtheit im Gemeindeverzeichnis gewichtet; die Veränderung prüft der Rao-Scott-Test (Welle × Antwort).'
    : 'Ungewichtete Anteile; die Veränderung prüft der Chi-Quadrat-Test (Welle × Antwort; bei kleinen Zahlen der exakte Test nach Fisher).'} Kommunen, die an beiden Wellen teilgenommen haben, bilden das Panel; bei Ja/Nein-Merkmalen prüft der McNemar-Test ihre Wechsel (ungewichtet). Signifikant heißt: p &lt; 0,05.</p>
${trendTable(trend, table)}
<ul>${trend.changes.map((change) => html`<li>${change.text}</li>`)}</ul>
<figure aria-labelledby="entwicklung-chart">
<figcaption id="entwicklung-chart">Diagramm: ${table.variable.label}${table.grouping.name === 'all' ? '' : ` nach ${table.grouping.label}`}, je Welle</figcaption>
${raw(responsive(barChartSvg(explorerTrendChartSpec(trend, table.variable, table.grouping))))}
${legend(trend.waves)}
</figure>
<p><a href="/ergebnisse/${exploration.wave.id}/entwicklung.csv?${query(table).toString()}" download>Entwicklung als CSV-Datei für Excel herunterladen</a></p>
</section>`;
}

/** One row per wave, a row group per group; shares with 95 % intervals, the base last. */
function trendTable(trend: ExplorerTrend, table: ExplorerTable) {
  const grouped = table.grouping.name !== 'all';
  const width = trend.values.length + 2;
  const row = (group: string, wave: string) => {
    const cells = trend.cells.filter((cell) => cell.group === group && cell.wave === wave);
    if (cells.length === 0) return html`<tr><th scope="row">${wave}</th><td colspan="${width - 1}">keine Antworten</td></tr>`;
    const shown = (value: string) => {
      const cell = cells.find((candidate) => candidate.value === value);
      return cell ? shareWithInterval(cell) : '–';
    };
    return html`<tr><th scope="row">${wave}</th>${trend.values.map((value) => html`<td class="num">${shown(value)}</td>`)}<td class="num">${BASE_FORMAT.format(cells[0]!.base)}</td></tr>`;
  };
  return html`<div class="wide" role="region" aria-labelledby="entwicklung-tabelle" tabindex="0"><table>
<caption id="entwicklung-tabelle">${table.variable.label}: Anteile je Welle in Prozent (95-%-Konfidenzintervall)</caption>
<thead><tr><th scope="col">Welle</th>${trend.values.map((value) => html`<th scope="col" class="num">${table.variable.valueLabel(value)}</th>`)}<th scope="col" class="num">Basis${trend.weighted ? ' (gewichtet)' : ''}</th></tr></thead>
${trend.groups.map(
    (group) => html`<tbody>${grouped ? html`<tr><th scope="rowgroup" colspan="${width}">${table.grouping.groupLabel(group)}</th></tr>` : ''}${trend.waves.map((wave) => row(group, wave))}</tbody>`,
  )}
</table></div>`;
}

/** Bases: whole numbers, weighted ones with one decimal. */
const BASE_FORMAT = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** "23 % (19–28 %)". */
function shareWithInterval({ share, ci95 }: { readonly share: number; readonly ci95: readonly [number, number] }): string {
  return `${formatPercent(share)} (${Math.round(ci95[0] * 100)}–${formatPercent(ci95[1])})`;
}

/** The selection of a shown table, for its downloads. */
function query(table: ExplorerTable): URLSearchParams {
  return new URLSearchParams({ variable: table.variable.name, by: table.grouping.name, ...(table.weighted ? { gewichtet: '1' } : {}) });
}

/** Colour keys drawn as tiny SVGs (presentation attributes, no inline style: the CSP stays strict). */
function legend(series: readonly string[]) {
  if (series.length < 2) return '';
  return html`<ul aria-hidden="true">${series.map(
    (name, i) => html`<li><svg width="12" height="12" viewBox="0 0 12 12"><rect width="12" height="12" fill="${BAR_COLORS[i] ?? '#000'}" stroke="${BAR_OUTLINE}"></rect></svg> ${name}</li>`,
  )}</ul>`;
}

/** Without fixed width and height the chart scales to the column (viewBox keeps the proportions). */
function responsive(svg: string): string {
  return svg.replace(/^<svg([^>]*)>/, (tag) => tag.replace(/ (width|height)="[\d.]+"/g, ''));
}
