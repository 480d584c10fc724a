// /verwaltung/api-schluessel: the signed-in account's own API keys — create (the key is shown exactly once,
// on the reply to the form), list with state and last use, revoke. No JavaScript.
import { html, raw } from 'hono/html';
import type { ApiKey, User } from '../../store/store.js';
import type { Html } from '../page-layout.js';
import { scrollable } from '../../report/html/scrollable.js';
import { analystLayout } from './analyst-layout.js';

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
export const API_KEYS_PATH = '/verwaltung/api-schluessel';

export interface ApiKeysView {
  readonly error?: string;
  readonly notice?: string;
  /** The entered values, kept after an error. */
  readonly name?: string;
  readonly expires?: string;
  /** The new key in clear text: present only on the reply to its creation. */
  readonly created?: { readonly key: string; readonly apiKey: ApiKey };
}

export function apiKeysPage(user: User, keys: readonly ApiKey[], view: ApiKeysView, now: Date): Html {
  const { error, notice, created } = view;
  const body = html`<h1>API-Schlüssel</h1>
<p>Mit einem API-Schlüssel greifen Skripte und andere Systeme über die JSON-API auf Ihre Aufgaben zu – mit den Rechten Ihres Kontos (${user.role === 'admin' ? 'Administration' : 'Analyse'}). Senden Sie ihn als Kopfzeile <code>Authorization: Bearer &lt;Schlüssel&gt;</code>; alle Vorgänge stehen unter <a href="/api/docs">/api/docs</a>. Gespeichert wird nur ein Hash des Schlüssels.</p>
${error ? html`<div class="box" role="alert"><p class="err" id="key-err"><span class="vh">Fehler: </span>${error}</p></div>` : ''}
${notice ? html`<div class="box info" role="status"><p>${notice}</p></div>` : ''}
${created ? createdBox(created.key, created.apiKey) : ''}
<h2>Neuen Schlüssel anlegen</h2>
${createForm(view, Boolean(error))}
<h2>Ihre Schlüssel</h2>
${keys.length === 0 ? html`<p>Sie haben noch keinen API-Schlüssel.</p>` : keyTable(keys, now)}`;
  return analystLayout(error ? 'Fehler: API-Schlüssel' : 'API-Schlüssel', user, body);
}

function createdBox(key: string, apiKey: ApiKey): Html {
  return html`<div class="box info" role="status"><p>Der Schlüssel Nr. ${apiKey.id} „${apiKey.name}“ ist angelegt. <strong>Er wird nur jetzt angezeigt</strong> – kopieren Sie ihn in Ihr Skript oder Ihren Passwort-Manager:</p>
<p><code id="new-key">${key}</code></p></div>`;
}

function createForm(view: ApiKeysView, invalid: boolean): Html {
  const describedBy = (hint: string) => (invalid ? `${hint} key-err` : hint);
  return html`<form method="post" action="${API_KEYS_PATH}" novalidate>
<div class="q"><label for="name"><strong>Bezeichnung</strong></label><br>
<span class="hint" id="name-hint">Wofür der Schlüssel ist, z. B. „Auswertungsskript“ (1 bis 100 Zeichen).</span><br>
<input type="text" id="name" name="name" maxlength="100" value="${view.name ?? ''}" aria-describedby="${describedBy('name-hint')}"${invalid ? raw(' aria-invalid="true"') : ''}></div>
<div class="q"><label for="expires"><strong>Gültig bis (freiwillig)</strong></label><br>
<span class="hint" id="expires-hint">Einschließlich dieses Tages (UTC); leer lassen für unbefristet.</span><br>
<input type="date" id="expires" name="expires" value="${view.expires ?? ''}" aria-describedby="${describedBy('expires-hint')}"></div>
<p><button>Schlüssel anlegen</button></p>
</form>`;
}

function keyTable(keys: readonly ApiKey[], now: Date): Html {
  return scrollable(
    'API-Schlüssel',
    html`<table><caption>Ihre API-Schlüssel (${keys.length})</caption>
<thead><tr><th scope="col">Nr.</th><th scope="col">Bezeichnung</th><th scope="col">angelegt</th><th scope="col">Stand</th><th scope="col">zuletzt benutzt</th><th scope="col">Aktion</th></tr></thead>
<tbody>${keys.map(
      (key) => html`<tr><td>${key.id}</td><th scope="row">${key.name}</th><td>${DATE_TIME.format(new Date(key.createdAt))}</td><td>${stateDe(key, now)}</td><td>${key.lastUsedAt ? DATE_TIME.format(new Date(key.lastUsedAt)) : 'nie'}</td><td>${
        key.revokedAt === null
          ? html`<form method="post" action="${API_KEYS_PATH}/${key.id}/widerrufen"><p><button class="sec" aria-label="Schlüssel Nr. ${key.id} „${key.name}“ widerrufen">Widerrufen</button></p></form>`
          : '–'
      }</td></tr>
`,
    )}</tbody></table>`,
  );
}

function stateDe(key: ApiKey, now: Date): string {
  if (key.revokedAt !== null) return `widerrufen (${DATE_TIME.format(new Date(key.revokedAt))})`;
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime()) return `abgelaufen (${DATE_TIME.format(new Date(key.expiresAt))})`;
  return key.expiresAt === null ? 'aktiv, unbefristet' : `aktiv bis ${DATE_TIME.format(new Date(key.expiresAt))}`;
}
