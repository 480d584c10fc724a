import { html } from 'hono/html';
import type { ResponseCount } from '../store/store.js';
import { SIZE_CLASS_LABELS } from '../register/size-class-labels.js';
import { stateByCode } from '../register/states.js';
import type { SizeClass } from '../register/unit.js';
import type { WaveOverview } from '../tasks/wave-overview.js';
import { WAVE_STATUS_DE } from '../tasks/waves.js';
import { pageLayout } from './page-layout.js';
import { scrollable } from '../report/html/scrollable.js';
import { suppressedCounts } from '../analysis/disclosure/suppress-counts.js';

const GERMAN = new Intl.NumberFormat('de-DE');
const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
${wave.status === 'closed' ? publicLinks(wave.id) : ''}
<div class="grid">
${countTable(`Antworten nach Bundesland – ${wave.id}`, 'Bundesland', monitor.byState, monitor.total.responses, wave.minCellCount, (code) => stateByCode(code)?.name ?? code)}
${countTable(`Antworten nach KGSt-Größenklasse – ${wave.id}`, 'Größenklasse', monitor.bySizeClass, monitor.total.responses, wave.minCellCount, (key) => SIZE_CLASS_LABELS[key as SizeClass] ?? key)}
</div>
<p>„–“: weniger als ${wave.minCellCount} Antworten oder zum Schutz einer solchen Zahl nicht ausgewiesen (Geheimhaltung; Stadtstaaten sind einzelne Kommunen).</p>
</section>`;
}

/** What a closed wave publishes (report, explorer, open data); before closing these answer 403. */
function publicLinks(waveId: string) {
  const id = encodeURIComponent(waveId);
  return html`<p>Ergebnisse: <a href="/bericht/${id}">Bericht</a> · <a href="/ergebnisse/${id}">selbst erkunden</a> · <a href="/opendata/${id}">offene Daten</a></p>`;
}

/** Public: counts below k (and their complements) are shown as „–“, per column (suppressedCounts). */
function countTable(caption: string, header: string, rows: readonly ResponseCount[], total: number, k: number, label: (key: string) => string) {
  const hidden = suppressedCounts(rows.map((row) => row.responses), k);
  const hiddenSubmitted = suppressedCounts(rows.map((row) => row.submitted), k);
  const count = (n: number, hide: boolean | undefined) => (hide ? '–' : GERMAN.format(n));
  return scrollable(
    caption,
    html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${header}</th><th scope="col" class="num">Antworten</th><th scope="col" class="num">abgeschickt</th><th scope="col" class="num">Anteil</th></tr></thead>
<tbody>
${rows.map(
  (row, i) => html`<tr><th scope="row">${label(row.key)}</th><td class="num">${count(row.responses, hidden[i])}</td><td class="num">${count(row.submitted, hiddenSubmitted[i])}</td><td class="num">${total > 0 && !hidden[i] ? PERCENT.format(row.responses / total) : '–'}</td></tr>
`,
)}
</tbody>
</table>`,
  );
}
