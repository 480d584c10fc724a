import { html } from 'hono/html';
import type { ResponseCount } from '../store/store.js';
import { SIZE_CLASS_LABELS } from '../register/size-class-labels.js';
import { stateByCode } from '../register/states.js';
import type { SizeClass } from '../register/unit.js';
import type { WaveOverview } from '../tasks/wave-overview.js';
import { WAVE_STATUS_DE } from '../tasks/waves.js';
import { pageLayout } from './page-layout.js';
import { scrollable } from '../report/html/scrollable.js';

const GERMAN = new Intl.NumberFormat('de-DE');
const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });

/** Start page: every wave with its responses by Bundesland and by size class (response monitoring). */
export function startPage(overviews: readonly WaveOverview[]) {
  const body = html`<h1>Befragungswellen</h1>
${overviews.length === 0 ? html`<p>Noch keine Welle angelegt. Mit <code>digitalmonitor wave create</code> anlegen.</p>` : ''}
${overviews.map(waveSection)}`;
  return pageLayout('Befragungswellen', body);
}

function waveSection({ wave, monitor }: WaveOverview) {
  const period = [wave.opensAt, wave.closesAt].map((at) => (at ? new Date(at).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) : '…')).join(' – ');
  return html`<section aria-labelledby="welle-${wave.id}">
<h2 id="welle-${wave.id}">${wave.title} <small>(${wave.id})</small></h2>
${wave.demo ? html`<p class="demo"><strong>Demo-Daten:</strong> Diese Welle besteht aus synthetischen Antworten pseudonymer Kommunen („Musterstadt 017“). Keine Angabe stammt von einer echten Kommune.</p>` : ''}
<p>Status: ${WAVE_STATUS_DE[wave.status]} · Zeitraum: ${period} · Fragebogen ${wave.instrumentVersion} ·
Antworten: ${GERMAN.format(monitor.total.responses)} (davon abgeschickt: ${GERMAN.format(monitor.total.submitted)})</p>
<div class="grid">
${countTable(`Antworten nach Bundesland – ${wave.id}`, 'Bundesland', monitor.byState, monitor.total.responses, (code) => stateByCode(code)?.name ?? code)}
${countTable(`Antworten nach KGSt-Größenklasse – ${wave.id}`, 'Größenklasse', monitor.bySizeClass, monitor.total.responses, (key) => SIZE_CLASS_LABELS[key as SizeClass] ?? key)}
</div>
</section>`;
}

function countTable(caption: string, header: string, rows: readonly ResponseCount[], total: number, label: (key: string) => string) {
  return scrollable(
    caption,
    html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${header}</th><th scope="col" class="num">Antworten</th><th scope="col" class="num">abgeschickt</th><th scope="col" class="num">Anteil</th></tr></thead>
<tbody>
${rows.map(
  (row) => html`<tr><th scope="row">${label(row.key)}</th><td class="num">${GERMAN.format(row.responses)}</td><td class="num">${GERMAN.format(row.submitted)}</td><td class="num">${total > 0 ? PERCENT.format(row.responses / total) : '–'}</td></tr>
`,
)}
</tbody>
</table>`,
  );
}
