// One figure of the report: <figure> with the chart (SVG), its caption, a legend for grouped bars, and the
// data as a table beneath (the full text alternative). Missing data: the figure's place with a German note.
import { barChartSvg } from '../charts/bar-chart.js';
import type { ReportFigure } from '../charts/report-figures.js';
import { formatPercent } from '../format-share.js';
import { type Fragment, html, raw } from './html.js';
import { scrollable } from './scrollable.js';

/** Swatch colours s0…s5 are in the report CSS (report-css.ts), same order as bar-chart.ts BAR_COLORS. */

export function figureHtml(figure: ReportFigure): Fragment {
  const { spec } = figure;
  const caption = `Abb. ${figure.number}: ${figure.caption}`;
  const id = spec.id;
  if (spec.rows.length === 0 && figure.notAsked) {
    return html`<figure class="figure missing" id="${id}">
<p class="note">Diese Abbildung entfällt: Der Fragebogen dieser Welle enthält die Fragen dazu nicht oder in geänderter Form.</p>
<figcaption>${caption}</figcaption>
</figure>`;
  }
  if (spec.rows.length === 0) {
    return html`<figure class="figure missing" id="${id}">
<p class="note">Diese Abbildung entfällt: Für sie gibt es zu wenige Antworten, oder alle Werte sind aus Gründen des Datenschutzes gesperrt.</p>
<figcaption>${caption}</figcaption>
</figure>`;
  }
  const series = spec.series ?? [];
  const legend =
    series.length > 1
      ? html`<ul class="legend" aria-hidden="true">${series.map((name, i) => html`<li><span class="swatch s${i}"></span>${name}</li>`)}</ul>`
      : '';
  return html`<figure class="figure" id="${id}" aria-labelledby="${id}-caption">
<figcaption id="${id}-caption">${caption} <span class="base">(Basis: ${figure.base})</span></figcaption>
<div class="chart">${raw(barChartSvg(spec))}</div>
${legend}
<p class="alt">${spec.alt}</p>
${dataTable(figure)}${figure.notAsked ? html`\n<p class="note">Ohne die Teile, deren Fragen der Fragebogen dieser Welle nicht oder in geänderter Form enthält.</p>` : ''}
</figure>`;
}

function dataTable(figure: ReportFigure): Fragment {
  const { spec } = figure;
  const series = spec.series ?? [];
  const cell = (label: string, name?: string) => {
    const row = spec.rows.find((candidate) => candidate.label === label && (name === undefined || candidate.series === name));
    return row ? formatPercent(row.share) : '–';
  };
  const head = series.length > 1 ? series : ['Anteil'];
  return scrollable(
    `Daten zu Abb. ${figure.number}`,
    html`<table class="data">
<caption>Daten zu Abb. ${figure.number} (Anteile in Prozent; – gesperrt oder ohne Antworten)</caption>
<thead><tr><th scope="col">Kategorie</th>${head.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
<tbody>${spec.categories.map(
    (label) => html`<tr><th scope="row">${label}</th>${series.length > 1 ? series.map((name) => html`<td>${cell(label, name)}</td>`) : html`<td>${cell(label)}</td>`}</tr>`,
  )}</tbody>
</table>`,
  );
}
