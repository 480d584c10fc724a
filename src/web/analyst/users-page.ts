// /verwaltung/konten (admin only): the accounts; they are created and disabled with `digitalmonitor user`.
import { html } from 'hono/html';
import type { User } from '../../store/store.js';
import type { Html } from '../page-layout.js';
import { scrollable } from '../../report/html/scrollable.js';
import { analystLayout } from './analyst-layout.js';

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

export function usersPage(user: User, users: readonly User[]): Html {
  const body = html`<h1>Konten</h1>
<p>Anlegen und sperren auf der Kommandozeile: <code>digitalmonitor user add --analyst &lt;e-mail&gt;</code>, <code>digitalmonitor user disable &lt;e-mail&gt;</code>.</p>
${scrollable('Konten', html`<table><caption>Konten (${users.length})</caption>
<thead><tr><th scope="col">E-Mail-Adresse</th><th scope="col">Rolle</th><th scope="col">angelegt</th><th scope="col">Stand</th></tr></thead>
<tbody>${users.map(
    (u) => html`<tr><th scope="row">${u.email}</th><td>${u.role === 'admin' ? 'Administration' : 'Analyse'}</td><td>${DATE_TIME.format(new Date(u.createdAt))}</td><td>${u.disabledAt ? 'gesperrt' : 'aktiv'}</td></tr>
`,
  )}</tbody></table>`)}`;
  return analystLayout('Konten', user, body);
}
