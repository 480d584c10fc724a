// The respondent pages around the sections: code entry, start (Stammdaten), saved, receipt.
import { html } from 'hono/html';
import { SIZE_CLASS_LABELS } from '../../register/size-class-labels.js';
import type { RegisterUnit } from '../../register/unit.js';
import type { StoredResponse } from '../../store/store.js';
import type { Respondent } from '../../tasks/respondent-access.js';
import type { Html } from '../page-layout.js';
import { surveyLayout } from './survey-layout.js';

const UNIT_TYPE_DE: Readonly<Record<RegisterUnit['unitType'], string>> = {
  kreisfreie_stadt: 'Kreisfreie Stadt',
  kreisangehoerige_gemeinde: 'Kreisangehörige Gemeinde',
  landkreis: 'Landkreis',
};
const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Berlin' });

export function germanDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} Uhr`;
}

/** Without a session: enter the code from the letter. `error` re-renders after a failed attempt. */
export function codePage(error?: string, code = ''): Html {
  const body = html`<h1>Fragebogen öffnen</h1>
<p>Bitte öffnen Sie den persönlichen Link aus Ihrem Einladungsschreiben oder geben Sie hier den Zugangscode ein.</p>
<form method="post" action="/umfrage/anmelden" novalidate>
<div class="q${error ? ' bad' : ''}"><label for="code"><strong>Zugangscode</strong></label>
<p class="hint" id="code-hint">28 Zeichen, z. B. 7KQ2-M9XD-…; Groß- und Kleinschreibung egal.</p>
${error ? html`<p class="err" id="code-err"><span class="vh">Fehler: </span>${error}</p>` : ''}
<input type="text" id="code" name="code" autocomplete="off" spellcheck="false" value="${code}" aria-describedby="code-hint${error ? ' code-err' : ''}"${error ? html` aria-invalid="true"` : ''}></div>
<p><button>Weiter</button></p>
</form>`;
  return surveyLayout(error ? 'Fehler: Fragebogen öffnen' : 'Fragebogen öffnen', body);
}

/** Start: confirm the unit's register data, see progress, go to page 1 or to the review. */
export function startPage(respondent: Respondent, response: StoredResponse | null): Html {
  const { wave, instrument, unit } = respondent;
  const rows = instrument.registerFields.map((field) => html`<tr><th scope="row">${field.label}</th><td>${registerValue(unit, field.id, respondent.ags)}</td></tr>`);
  const body = html`<h1>${wave.title}</h1>
<p>Willkommen! Der Fragebogen hat ${instrument.sections.length} Seiten. Sie können jederzeit speichern und später weitermachen; mehrere Personen Ihrer Verwaltung können nacheinander oder gleichzeitig daran arbeiten.${wave.closesAt ? ` Antworten sind bis ${germanDateTime(wave.closesAt)} möglich.` : ''}</p>
${progress(response)}
<h2>Stammdaten Ihrer Kommune</h2>
<p>Diese Angaben stammen aus dem Gemeindeverzeichnis. Bitte prüfen Sie sie; falls etwas nicht stimmt, vermerken Sie es bitte auf der letzten Seite unter „Anmerkungen“.</p>
<table><caption class="vh">Stammdaten</caption><tbody>${rows}</tbody></table>
<form method="post" action="/umfrage/start"><p><button>Angaben stimmen – zum Fragebogen</button></p></form>
<h2>Seiten</h2>
<ol>${instrument.sections.map((section, i) => html`<li><a href="/umfrage/seite/${i + 1}">${section.title}</a></li>`)}<li><a href="/umfrage/pruefen">Übersicht und Abschicken</a></li></ol>
${logoutForm()}`;
  return surveyLayout(wave.title, body);
}

function progress(response: StoredResponse | null): Html | string {
  if (!response) return '';
  const state =
    response.status === 'submitted' && response.receipt
      ? html`Abgeschickt am ${germanDateTime(response.receipt.at)} (<a href="/umfrage/quittung">Quittung</a>).`
      : 'Noch nicht abgeschickt.';
  return html`<p class="box info">Zuletzt gespeichert am ${germanDateTime(response.updatedAt)}. ${state}</p>`;
}

function registerValue(unit: RegisterUnit | null, field: string, ags: string): string {
  if (field === 'ags') return ags;
  if (!unit) return 'nicht im Gemeindeverzeichnis';
  switch (field) {
    case 'name':
      return unit.name;
    case 'state':
      return unit.state;
    case 'district':
      return unit.district;
    case 'unit_type':
      return UNIT_TYPE_DE[unit.unitType];
    case 'population':
      return unit.population.toLocaleString('de-DE');
    case 'size_class':
      return SIZE_CLASS_LABELS[unit.sizeClass];
    default:
      return '–';
  }
}

/** After "Speichern und später weitermachen". */
export function savedPage(page: number, expiresAt: string | null): Html {
  const body = html`<h1>Ihre Antworten sind gespeichert</h1>
<p>Sie können das Fenster jetzt schließen. Später machen Sie einfach mit dem persönlichen Link aus Ihrem Einladungsschreiben weiter${expiresAt ? ` (in diesem Browser ohne erneute Anmeldung bis ${germanDateTime(expiresAt)})` : ''}.</p>
<p><a href="/umfrage/seite/${page}">Weiter ausfüllen (Seite ${page})</a></p>
${logoutForm()}`;
  return surveyLayout('Antworten gespeichert', body);
}

/**
 * The receipt: when, and the SHA-256 of the canonical answers. `current` differs after later edits.
 * @param profiles whether the wave already has the k responses a Digitalprofil needs (else: when it will)
 */
export function receiptPage(response: StoredResponse & { readonly receipt: NonNullable<StoredResponse['receipt']> }, currentSha256: string, profiles: { readonly available: boolean; readonly k: number }): Html {
  const edited = currentSha256 !== response.receipt.sha256;
  const body = html`<h1>Vielen Dank – Ihre Antworten sind abgeschickt</h1>
<p>Abgeschickt am ${germanDateTime(response.receipt.at)}.</p>
<p>Prüfsumme (SHA-256) der abgeschickten Antworten:<br><code>${response.receipt.sha256}</code></p>
<p class="hint">Mit der Prüfsumme lässt sich später nachweisen, welche Antworten abgeschickt wurden. Bitte drucken Sie diese Seite oder speichern Sie sie.</p>
${profiles.available ? html`<p class="box info"><a href="/umfrage/digitalprofil/${response.waveId}/${response.ags}">Ihr Digitalprofil</a>: wo Ihre Kommune im Vergleich steht, was Sie als Nächstes tun können und mit wem Sie sich austauschen können.</p>` : html`<p class="box info">Ihr Digitalprofil – wo Ihre Kommune im Vergleich steht und was Sie als Nächstes tun können – gibt es, sobald mindestens ${profiles.k} Kommunen geantwortet haben, damit keine einzelne erkennbar wird. Der Link erscheint dann hier.</p>`}
${edited ? html`<p class="box">Seit dem Abschicken wurden Antworten geändert. Bitte <a href="/umfrage/pruefen">prüfen und erneut abschicken</a>.</p>` : html`<p>Bis zum Ende der Befragung können Sie Ihre Antworten noch ändern: <a href="/umfrage/pruefen">Übersicht</a>.</p>`}
<p><a href="/umfrage/kontakt">Ihre Kontaktangaben ansehen oder löschen</a></p>
${logoutForm()}`;
  return surveyLayout('Quittung', body);
}

export function logoutForm(): Html {
  return html`<form method="post" action="/umfrage/abmelden"><p><button class="sec">Abmelden</button></p></form>`;
}
