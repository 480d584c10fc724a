// The page shell of the analyst area: the site layout plus who is signed in and a logout button.
import { html } from 'hono/html';
import type { User } from '../../store/store.js';
import { type Html, pageLayout } from '../page-layout.js';

export function analystLayout(title: string, user: User, body: Html): Html {
  const role = user.role === 'admin' ? 'Administration' : 'Analyse';
  const nav = html`<nav aria-label="Verwaltung"><p><a href="/verwaltung">Verwaltung</a>${user.role === 'admin' ? html` · <a href="/verwaltung/konten">Konten</a> · <a href="/verwaltung/protokoll">Protokoll</a>` : ''} · <a href="/verwaltung/konto">Mein Konto</a> · <a href="/verwaltung/api-schluessel">API-Schlüssel</a>
 · angemeldet als ${user.email} (${role})</p>
<form method="post" action="/abmelden"><p><button class="sec">Abmelden</button></p></form></nav>`;
  return pageLayout(title, body, '/verwaltung', nav);
}
