// /verwaltung/protokoll (admin only): the newest audit entries and the state of the hash chain, with the
// head hash to note down (audit verify --anchor), and the backup download.
import { html } from 'hono/html';
import type { AuditChainCheck, StoredAuditEntry, User } from '../../store/store.js';
import type { Html } from '../page-layout.js';
import { scrollable } from '../../report/html/scrollable.js';
import { analystLayout } from './analyst-layout.js';

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Berlin' });
const REASON_DE = { content: 'Inhalt passt nicht zum Hash', link: 'Vorgänger fehlt oder Eintrag eingefügt' } as const;

export function auditPage(user: User, entries: readonly StoredAuditEntry[], check: AuditChainCheck): Html {
  const chain = check.broken
    ? html`<p class="box" role="alert">Die Hash-Kette ist gebrochen bei Eintrag ${check.broken.id}: ${REASON_DE[check.broken.reason]}.</p>`
    : html`<p class="box info">Hash-Kette intakt: ${check.entries} Einträge. Neuester Hash (außerhalb der Datenbank notieren, später mit <code>audit verify --anchor</code> prüfen):<br><code>${check.head || '–'}</code></p>`;
  const body = html`<h1>Protokoll</h1>
${chain}
<p><a href="/verwaltung/sicherung">Sicherung der ganzen Datenbank herunterladen</a> (enthält personenbezogene Daten; zurückspielen mit <code>digitalmonitor restore</code>).</p>
${scrollable('Protokoll', html`<table><caption>Die neuesten ${entries.length} Einträge</caption>
<thead><tr><th scope="col">Nr.</th><th scope="col">Zeit</th><th scope="col">Wer</th><th scope="col">Aktion</th><th scope="col">Gegenstand</th><th scope="col">Angaben</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr><th scope="row">${e.id}</th><td>${DATE_TIME.format(new Date(e.at))}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.subject}</td><td><code>${JSON.stringify(e.details ?? {})}</code></td></tr>
`,
  )}</tbody></table>`)}`;
  return analystLayout('Protokoll', user, body);
}
