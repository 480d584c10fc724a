// The respondent's own contact data (docs/personal-data.md): what is stored, and a button that deletes it
// from the answers and every saved revision (Art. 17 DSGVO).
import { html } from 'hono/html';
import type { FlatResponse } from '../../instrument/model.js';
import type { Html } from '../page-layout.js';
import { logoutForm } from './respondent-pages.js';
import { surveyLayout } from './survey-layout.js';

export function contactPage(answers: FlatResponse, personal: readonly string[], deleted: boolean): Html {
  const stored = personal.filter((name) => answers[name]);
  const body = html`<h1>Ihre Kontaktangaben</h1>
${deleted ? html`<p class="box info" role="status">Ihre Kontaktangaben sind gelöscht – aus den Antworten und aus allen gespeicherten Fassungen.</p>` : ''}
<p>Der Digitalmonitor speichert zu Ihrer Kommune nur diese personenbezogene Angabe: die Kontaktadresse für den
Erfahrungsaustausch. Andere teilnehmende Kommunen sehen sie nur, wenn Sie dem Austausch zugestimmt haben.
Nach Abschluss der Befragung wird sie nach der Aufbewahrungsfrist automatisch gelöscht.</p>
${
  stored.length === 0
    ? html`<p>Zurzeit ist keine Kontaktangabe gespeichert.</p>`
    : html`<dl>${stored.map((name) => html`<dt>Kontakt für den Austausch</dt><dd>${answers[name]}</dd>`)}</dl>
<p>Einwilligung in den Austausch: ${answers.peer_exchange === 'ja' ? 'ja' : 'nein'}</p>
<form method="post" action="/umfrage/kontakt/loeschen"><p><button>Kontaktangaben jetzt löschen</button></p></form>`
}
<p><a href="/umfrage">Zum Fragebogen</a></p>
${logoutForm()}`;
  return surveyLayout('Ihre Kontaktangaben', body);
}
