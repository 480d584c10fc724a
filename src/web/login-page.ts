// The analysts' sign-in form (no JavaScript). One German message for every failure, beside the fields.
import { html } from 'hono/html';
import { type Html, pageLayout } from './page-layout.js';

export interface LoginView {
  readonly email?: string;
  /** Where to go afterwards: a path on this site. */
  readonly next: string;
  readonly error?: string;
}

export function loginPage({ email = '', next, error }: LoginView): Html {
  const invalid = error ? html` aria-invalid="true" aria-describedby="login-err"` : '';
  const body = html`<h1>Anmelden</h1>
<p>Anmeldung für Analystinnen, Analysten und Administration. Kommunen öffnen den Fragebogen über den <a href="/umfrage">persönlichen Link</a>.</p>
${error ? html`<div class="box" role="alert"><p class="err" id="login-err"><span class="vh">Fehler: </span>${error}</p></div>` : ''}
<form method="post" action="/anmelden" novalidate>
<input type="hidden" name="weiter" value="${next}">
<div class="q"><label for="email"><strong>E-Mail-Adresse</strong></label><br>
<input type="email" id="email" name="email" autocomplete="username" spellcheck="false" value="${email}"${invalid}></div>
<div class="q"><label for="passwort"><strong>Passwort</strong></label><br>
<input type="password" id="passwort" name="passwort" autocomplete="current-password"${invalid}></div>
<div class="q"><label for="code"><strong>Bestätigungscode</strong> (nur bei Zwei-Faktor-Anmeldung)</label><br>
<span class="hint" id="code-hint">Der 6-stellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes. Ohne Zwei-Faktor-Anmeldung bleibt das Feld leer.</span><br>
<input type="text" id="code" name="code" autocomplete="one-time-code" spellcheck="false" autocapitalize="off" maxlength="64" aria-describedby="code-hint${error ? ' login-err' : ''}"${error ? html` aria-invalid="true"` : ''}></div>
<p><button>Anmelden</button></p>
</form>`;
  return pageLayout(error ? 'Fehler: Anmelden' : 'Anmelden', body);
}

export function signedOutPage(): Html {
  return pageLayout('Abgemeldet', html`<h1>Abgemeldet</h1><p>Sie sind abgemeldet.</p><p><a href="/anmelden">Wieder anmelden</a></p>`);
}
