// One map of the report: <figure> with the choropleth (SVG), caption, class legend, BKG attribution (as
// the licence asks: visible next to the map, linked to www.bkg.bund.de) and the table as its alternative.
import { laenderMapSvg, MAP_COLORS, mapDomainMax } from '../charts/laender-map.js';
import type { ReportMap } from '../charts/report-maps.js';
import { formatPercent, formatPercentOneDecimal } from '../format-share.js';
import { type Fragment, html, raw } from './html.js';
import { scrollable } from './scrollable.js';

export const BKG_ATTRIBUTION = '© GeoBasis-DE / BKG 2021 (Daten verändert)';
export const BKG_URL = 'http://www.bkg.bund.de';

export function mapFigureHtml(map: ReportMap): Fragment {
  const id = map.spec.id;
  const caption = `Karte ${map.number}: ${map.caption}`;
  if (map.rows.every((row) => row.share === undefined)) {
    return html`<figure class="figure missing" id="${id}">
<p class="note">Diese Karte entfällt: Für sie gibt es zu wenige Antworten, oder alle Werte sind aus Gründen des Datenschutzes gesperrt.</p>
<figcaption>${caption}</figcaption>
</figure>`;
  }
  const percent = map.number === 1 ? formatPercentOneDecimal : formatPercent;
  return html`<figure class="figure map" id="${id}" aria-labelledby="${id}-caption">
<figcaption id="${id}-caption">${caption}</figcaption>
<div class="chart map-chart">${raw(laenderMapSvg(map.spec))}</div>
${legend(map)}
<p class="attribution">Karte: <a href="${BKG_URL}">${BKG_ATTRIBUTION}</a>, Datenlizenz Deutschland – Namensnennung – Version 2.0</p>
<p class="alt">${map.spec.alt}</p>
${scrollable(
  `Daten zu Karte ${map.number}`,
  html`<table class="data">
<caption>Daten zu Karte ${map.number} (– gesperrt oder ohne Antworten)</caption>
<thead><tr><th scope="col">Land</th>${map.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${map.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.state}</th><td>${row.count ?? '–'}</td><td>${row.base ?? '–'}</td><td>${row.share === undefined ? '–' : percent(row.share)}</td></tr>`,
  )}</tbody>
</table>`,
)}
</figure>`;
}

/** Class limits of the quantize scale (five equal steps from 0 to the rounded maximum). */
function legend(map: ReportMap): Fragment {
  const step = mapDomainMax(map.spec) / MAP_COLORS.length;
  const limit = (value: number) => `${String(Math.round(value * 10) / 10).replace('.', ',')}`;
  return html`<ul class="legend" aria-hidden="true"><li>${map.spec.legend}:</li>${MAP_COLORS.map(
    (_, i) => html`<li><span class="swatch m${i}"></span>${limit(i * step)} bis ${i === MAP_COLORS.length - 1 ? '' : 'unter '}${limit((i + 1) * step)}</li>`,
  )}<li><span class="swatch mna"></span>gesperrt oder keine Antworten</li></ul>`;
}
