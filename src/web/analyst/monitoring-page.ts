// /verwaltung/wellen/:wave — response monitoring: rates by Land and size class, every invited unit.
import { html } from 'hono/html';
import { SIZE_CLASS_LABELS } from '../../register/size-class-labels.js';
import { stateByCode } from '../../register/states.js';
import type { SizeClass } from '../../register/unit.js';
import type { User, Wave } from '../../store/store.js';
import { INVITED_STATUS_DE, profilesAvailable, type RateRow, type WaveMonitoring } from '../../tasks/wave-monitoring.js';
import { WAVE_STATUS_DE } from '../../tasks/waves.js';
import type { Html } from '../page-layout.js';
import { scrollable } from '../../report/html/scrollable.js';
import { analystLayout } from './analyst-layout.js';

const GERMAN = new Intl.NumberFormat('de-DE');
const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });
const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

export function analystHomePage(user: User, waves: readonly Wave[]): Html {
  // What a closed wave publishes (start page: the same links for the public).
  const published = (wave: Wave) =>
    wave.status === 'closed'
      ? html` · veröffentlicht: <a href="/bericht/${wave.id}">Bericht</a>, <a href="/ergebnisse/${wave.id}">Ergebnisse</a>, <a href="/opendata/${wave.id}">offene Daten</a>`
      : '';
  const items = waves.map(
    (wave) => html`<li><a href="/verwaltung/wellen/${wave.id}">${wave.title}</a> (${wave.id}, ${WAVE_STATUS_DE[wave.status]}${wave.demo ? ', Demo' : ''})${published(wave)}</li>`,
  );
  const body = html`<h1>Verwaltung</h1>
<h2>Rücklauf je Welle</h2>
${waves.length === 0 ? html`<p>Noch keine Welle angelegt.</p>` : html`<ul>${items}</ul>`}`;
  return analystLayout('Verwaltung', user, body);
}

/** @param submitted the wave's submitted responses, invited or not (submittedResponses) */
export function monitoringPage(user: User, m: WaveMonitoring, submitted: number): Html {
  const { wave, total } = m;
  const uninvited = submitted - total.submitted;
  const body = html`<h1>Rücklauf: ${wave.title}</h1>
<p>Welle ${wave.id} · Status: ${WAVE_STATUS_DE[wave.status]} · Eingeladen: ${GERMAN.format(total.invited)} ·
begonnen: ${GERMAN.format(total.started)} · abgeschickt: ${GERMAN.format(total.submitted)} (${share(total.submitted, total.invited)})</p>${
    uninvited > 0 ? html`
<p>Ohne Einladung eingegangen (etwa importiert): ${GERMAN.format(uninvited)} abgeschickte ${uninvited === 1 ? 'Antwort; sie zählt' : 'Antworten; sie zählen'} in keiner Quote.</p>` : ''
  }
<p><a href="/verwaltung/wellen/${wave.id}/erinnerungen.csv" download>Erinnerungsliste herunterladen</a> (alle ${GERMAN.format(total.invited - total.submitted)} noch nicht abgeschickten, CSV für Excel) · <a href="/verwaltung/wellen/${wave.id}/export">Daten exportieren</a></p>
<div class="grid">
${rateTable(`Rücklauf nach Bundesland`, 'Bundesland', m.byState, (key) => stateByCode(key)?.name ?? 'ohne Verzeichniseintrag')}
${rateTable(`Rücklauf nach KGSt-Größenklasse`, 'Größenklasse', m.bySizeClass, (key) => SIZE_CLASS_LABELS[key as SizeClass] ?? 'ohne Verzeichniseintrag')}
</div>
${unitTable(m, profilesAvailable(submitted, wave))}`;
  return analystLayout(`Rücklauf ${wave.title}`, user, body);
}

function rateTable(caption: string, header: string, rows: readonly RateRow[], label: (key: string) => string): Html {
  return scrollable(caption, html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${header}</th><th scope="col" class="num">eingeladen</th><th scope="col" class="num">begonnen</th><th scope="col" class="num">abgeschickt</th><th scope="col" class="num">Quote</th></tr></thead>
<tbody>${rows.map(
    (row) => html`<tr><th scope="row">${label(row.key)}</th><td class="num">${GERMAN.format(row.invited)}</td><td class="num">${GERMAN.format(row.started)}</td><td class="num">${GERMAN.format(row.submitted)}</td><td class="num">${share(row.submitted, row.invited)}</td></tr>
`,
  )}</tbody>
</table>`);
}

function unitTable({ wave, units }: WaveMonitoring, profilesAvailable: boolean): Html {
  if (units.length === 0) return html`<p>Noch niemand eingeladen (<code>digitalmonitor invite</code>).</p>`;
  return scrollable('Eingeladene Kommunen', html`<table>
<caption>Eingeladene Kommunen (${GERMAN.format(units.length)})</caption>
<thead><tr><th scope="col">AGS</th><th scope="col">Name</th><th scope="col">Land</th><th scope="col">Größenklasse</th><th scope="col">Stand</th><th scope="col">Letzte Aktivität</th></tr></thead>
<tbody>${units.map(
    (unit) => html`<tr><td>${unit.ags}</td><th scope="row">${unit.status === 'submitted' && profilesAvailable ? html`<a href="/verwaltung/wellen/${wave.id}/digitalprofil/${unit.ags}">${unit.name ?? unit.ags}</a>` : (unit.name ?? '(nicht mehr im Verzeichnis)')}</th><td>${unit.stateCode ?? ''}</td><td>${unit.sizeClass?.toUpperCase() ?? ''}</td><td>${INVITED_STATUS_DE[unit.status]}</td><td>${unit.lastActivity ? DATE_TIME.format(new Date(unit.lastActivity)) : '–'}</td></tr>
`,
  )}</tbody>
</table>`);
}

function share(part: number, whole: number): string {
  return whole === 0 ? '–' : PERCENT.format(part / whole);
}
