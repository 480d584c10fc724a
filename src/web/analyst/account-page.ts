// /verwaltung/konto: the signed-in account's two-factor login — set up (QR code and secret as text,
// confirmed with a code), the recovery codes shown once, switched off with a code. No JavaScript.
import { html, raw } from 'hono/html';
import type { TwoFactorState, User } from '../../store/store.js';
import { RECOVERY_CODE_COUNT, type TotpSetup } from '../../tasks/two-factor.js';
import type { Html } from '../page-layout.js';
import { analystLayout } from './analyst-layout.js';

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
export const ACCOUNT_PATH = '/verwaltung/konto';

export interface AccountView {
  readonly state: TwoFactorState;
  /** Present while a setup is pending. */
  readonly setup?: TotpSetup;
  readonly error?: string;
  readonly notice?: string;
}

export function accountPage(user: User, view: AccountView): Html {
  const { state, error, notice } = view;
  const body = html`<h1>Mein Konto</h1>
<p>Angemeldet als ${user.email}.</p>
${error ? html`<div class="box" role="alert"><p class="err" id="code-err"><span class="vh">Fehler: </span>${error}</p></div>` : ''}
${notice ? html`<div class="box info" role="status"><p>${notice}</p></div>` : ''}
<h2>Zwei-Faktor-Anmeldung</h2>
${state.totpEnabledAt !== null ? enabledSection(state, Boolean(error)) : view.setup ? pendingSection(view.setup, Boolean(error)) : offSection()}`;
  return analystLayout(error ? 'Fehler: Mein Konto' : 'Mein Konto', user, body);
}

/** Shown once, right after the confirmation. */
export function recoveryCodesPage(user: User, codes: readonly string[]): Html {
  const body = html`<h1>Zwei-Faktor-Anmeldung eingeschaltet</h1>
<div class="box info" role="status"><p>Ab jetzt brauchen Sie bei der Anmeldung zusätzlich den Code aus Ihrer Authenticator-App.</p></div>
<h2>Ihre ${codes.length} Wiederherstellungscodes</h2>
<p>Bewahren Sie diese Codes sicher auf (ausdrucken oder im Passwort-Manager). Jeder Code gilt genau einmal, wenn Ihr Gerät nicht zur Hand ist. <strong>Sie werden nur jetzt angezeigt.</strong></p>
<ol class="codes">${codes.map((code) => html`<li><code>${code}</code></li>`)}</ol>
<p><a href="${ACCOUNT_PATH}">Zurück zu Mein Konto</a></p>`;
  return analystLayout('Wiederherstellungscodes', user, body);
}

function offSection(): Html {
  return html`<p>Die Zwei-Faktor-Anmeldung ist <strong>ausgeschaltet</strong>. Eingeschaltet verlangt die Anmeldung zusätzlich zum Passwort einen wechselnden 6-stelligen Code aus einer Authenticator-App (TOTP, z. B. FreeOTP, Aegis, Google oder Microsoft Authenticator).</p>
<form method="post" action="${ACCOUNT_PATH}/zwei-faktor/einrichten"><p><button>Zwei-Faktor-Anmeldung einrichten</button></p></form>`;
}

function pendingSection(setup: TotpSetup, invalid: boolean): Html {
  const grouped = setup.secret.match(/.{1,4}/g)!.join(' ');
  return html`<p>Die Einrichtung ist begonnen, aber noch nicht bestätigt.</p>
<p class="step"><strong>Schritt 1:</strong> Scannen Sie den QR-Code mit Ihrer Authenticator-App.</p>
<figure>${raw(setup.qrSvg)}<figcaption>Oder geben Sie den Schlüssel von Hand ein (zeitbasiert, 6 Stellen, 30 Sekunden): <code id="secret">${grouped}</code></figcaption></figure>
<p class="step"><strong>Schritt 2:</strong> Bestätigen Sie mit dem Code, den die App jetzt anzeigt.</p>
${codeForm('bestaetigen', 'Einschalten', 'Der 6-stellige Code aus der Authenticator-App.', invalid)}
<form method="post" action="${ACCOUNT_PATH}/zwei-faktor/einrichten"><p><button class="sec">Mit neuem Schlüssel neu beginnen</button></p></form>`;
}

function enabledSection(state: TwoFactorState, invalid: boolean): Html {
  return html`<p>Die Zwei-Faktor-Anmeldung ist <strong>eingeschaltet</strong> (seit ${DATE_TIME.format(new Date(state.totpEnabledAt!))}).
Unbenutzte Wiederherstellungscodes: ${state.recoveryCodesLeft} von ${RECOVERY_CODE_COUNT}.</p>
<p>Ausschalten nur mit einem gültigen Code (oder einem Wiederherstellungscode). Gerät verloren und keine Codes mehr? Die Administration kann die Zwei-Faktor-Anmeldung mit <code>digitalmonitor user reset-2fa &lt;e-mail&gt;</code> zurücksetzen.</p>
${codeForm('ausschalten', 'Zwei-Faktor-Anmeldung ausschalten', 'Der 6-stellige Code aus der Authenticator-App oder ein Wiederherstellungscode.', invalid)}`;
}

function codeForm(action: string, button: string, hint: string, invalid: boolean): Html {
  const describedBy = invalid ? 'code-hint code-err' : 'code-hint';
  return html`<form method="post" action="${ACCOUNT_PATH}/zwei-faktor/${action}" novalidate>
<div class="q"><label for="code"><strong>Bestätigungscode</strong></label><br>
<span class="hint" id="code-hint">${hint}</span><br>
<input type="text" id="code" name="code" autocomplete="one-time-code" spellcheck="false" autocapitalize="off" maxlength="64" aria-describedby="${describedBy}"${invalid ? raw(' aria-invalid="true"') : ''}></div>
<p><button>${button}</button></p>
</form>`;
}
