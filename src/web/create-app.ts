// The web app: fetch(Request) → Response (Hono); Node's server is only an adapter (main.ts).
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { DmError, dmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { waveOverview } from '../tasks/wave-overview.js';
import { accountRoutes } from './analyst/account-routes.js';
import { apiKeysRoutes } from './analyst/api-keys-routes.js';
import { analystRoutes } from './analyst/analyst-routes.js';
import { analystContext } from './analyst/require-role.js';
import { apiRoutes } from './api/api-routes.js';
import { APP_CSS } from './app-css.js';
import { csrfCheck } from './csrf.js';
import { microdataRoutes } from './downloads/microdata-routes.js';
import { openDataRoutes } from './downloads/open-data-routes.js';
import { type LoginAttempts, loginRoutes } from './login-routes.js';
import { pageLayout } from './page-layout.js';
import { type RateLimit, tokenBucket } from './rate-limit.js';
import { explorerRoutes } from './explorer-routes.js';
import { reportRoutes } from './report-routes.js';
import { startPage } from './start-page.js';
import { analystProfileRoutes, respondentProfileRoutes } from './profile/profile-routes.js';
import { surveyRoutes } from './survey/survey-routes.js';
import type { WeightedTablesRunner } from '../tasks/analyze.js';

export interface AppDeps {
  readonly store: Store;
  readonly log: (line: string) => void;
  /** Public base URL (config BASE_URL): https makes cookies Secure; its origin passes the CSRF check. */
  readonly baseUrl?: string;
  readonly now?: () => Date;
  /** Invitation-code attempts per client; default 10 at once, then one per 6 s (per process). */
  readonly codeAttempts?: RateLimit;
  /** Analyst sign-in attempts; default per client 10 at once then one per 6 s, per account 5 then one per 60 s. */
  readonly loginAttempts?: LoginAttempts;
  /** JSON-API requests per API key; default 1,000 at once, then 100 per second (per process). */
  readonly apiRequests?: RateLimit;
  /** Weighted analyses of the API on more than one thread (AnalysisThreads). */
  readonly analysisThreads?: WeightedTablesRunner;
}

const MAX_BODY_BYTES = 64 * 1024; // the longest page (2,000-character comment, percent-encoded) stays far below

export function createApp({
  store,
  log,
  baseUrl,
  now = () => new Date(),
  codeAttempts = tokenBucket(10, 6_000),
  loginAttempts = defaultLoginAttempts(),
  apiRequests = tokenBucket(1_000, 10),
  analysisThreads,
}: AppDeps): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  // gzip only what carries no session secret (BREACH): requests without cookies, and the API (bearer keys).
  const gzip = compress();
  app.use((c, next) => (c.req.header('Cookie') === undefined || c.req.path.startsWith('/api/') ? gzip(c, next) : next()));
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => methodNotAllowedPage(c, methods) }));
  const pageBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => Promise.reject(dmError('DM_BODY_TOO_LARGE', { detail: '64 KB' })) });
  // The JSON API sets its own limits per route (the response import takes larger bodies).
  app.use((c, next) => (c.req.path.startsWith('/api/') ? next() : pageBodyLimit(c, next)));
  app.use(analystContext(store));
  app.get('/', async (c) => c.html(startPage(await waveOverview(store))));
  app.get('/healthz', async (c) => {
    await store.listWaves();
    return c.json({ status: 'ok' });
  });
  app.get('/static/app.css', (c) => c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }));
  const publicOrigin = baseUrl === undefined ? undefined : new URL(baseUrl).origin;
  app.route('/umfrage/digitalprofil', respondentProfileRoutes({ store }));
  app.route(
    '/umfrage',
    surveyRoutes({
      store,
      now,
      secureCookies: baseUrl?.startsWith('https:') ?? false,
      codeAttempts,
      clientKey,
      csrf: csrfCheck(publicOrigin),
    }),
  );
  app.route('/bericht', reportRoutes({ store, now: () => now().getTime() }));
  app.route('/ergebnisse', explorerRoutes({ store }));
  const secureCookies = baseUrl?.startsWith('https:') ?? false;
  app.route('/verwaltung', analystRoutes({ store }));
  app.route('/verwaltung', accountRoutes({ store, now, csrf: csrfCheck(publicOrigin) }));
  app.route('/verwaltung', apiKeysRoutes({ store, now, csrf: csrfCheck(publicOrigin) }));
  app.route('/verwaltung', microdataRoutes({ store, baseUrl }));
  app.route('/opendata', openDataRoutes({ store, baseUrl }));
  app.route('/verwaltung', analystProfileRoutes({ store }));
  app.route('/', loginRoutes({ store, now, secureCookies, attempts: loginAttempts, clientKey, csrf: csrfCheck(publicOrigin) }));
  app.route('/api', apiRoutes({ store, baseUrl, analysisThreads, log, perKey: apiRequests, failedPerClient: loginAttempts.perClient, clientKey }));
  app.notFound((c) => c.html(errorPage(c, 'Seite nicht gefunden', `Die Adresse ${c.req.path} gibt es nicht.`), 404));
  app.onError((error, c) => {
    if (error instanceof DmError) return c.html(errorPage(c, CODE_TITLES[error.code] ?? errorTitle(error.status), error.message), error.status as 400);
    if (error instanceof HTTPException && error.status < 500) {
      return c.html(errorPage(c, errorTitle(error.status), 'Die Anfrage ist fehlerhaft. Es wurde nichts gespeichert.'), error.status);
    }
    log(`Interner Fehler bei ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.html(errorPage(c, 'Interner Fehler', 'Es ist ein interner Fehler aufgetreten. Bitte später erneut versuchen.'), 500);
  });
  return app;
}

function defaultLoginAttempts(): LoginAttempts {
  return { perClient: tokenBucket(10, 6_000), perAccount: tokenBucket(5, 60_000) };
}

/** The peer address from @hono/node-server's env; tests pass the same shape to app.request(). */
function clientKey(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unbekannt';
}

function methodNotAllowedPage(c: Context, methods: readonly string[]) {
  const message = dmError('DM_METHOD_NOT_ALLOWED', { detail: c.req.method }).message;
  return c.html(errorPage(c, 'Methode nicht erlaubt', `${message} Erlaubt: ${methods.join(', ')}.`), 405, { Allow: methods.join(', ') });
}

/** Page titles that say what kind of error it is (WCAG 2.4.2), not just "Fehler". */
const ERROR_TITLES: Readonly<Record<number, string>> = {
  400: 'Anfrage fehlerhaft',
  401: 'Anmeldung nötig',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  405: 'Methode nicht erlaubt',
  409: 'Konflikt',
  413: 'Eingabe zu groß',
  415: 'Falscher Inhaltstyp',
  422: 'Eingabe ungültig',
  429: 'Zu viele Versuche',
  503: 'Vorübergehend nicht verfügbar',
};

/** Where the status alone misleads: a profile that is not there yet is no "Konflikt" to the reader. */
const CODE_TITLES: Readonly<Partial<Record<string, string>>> = {
  DM_PROFILE_TOO_FEW: 'Digitalprofil noch nicht verfügbar',
  DM_PROFILE_NOT_RESPONDED: 'Kein Digitalprofil: Fragebogen nicht abgeschickt',
  DM_PROFILE_NOT_IN_REGISTER: 'Kein Digitalprofil: Kommune fehlt im Gemeindeverzeichnis',
};

function errorTitle(status: number): string {
  return `Fehler: ${ERROR_TITLES[status] ?? 'Anfrage nicht ausgeführt'}`;
}

function errorPage(c: Context, title: string, message: string) {
  const survey = c.req.path.startsWith('/umfrage');
  const back = survey ? html`<a href="/umfrage">Zum Fragebogen</a>` : html`<a href="/">Zur Startseite</a>`;
  return pageLayout(title, html`<h1>${title}</h1><p>${message}</p><p>${back}</p>`, survey ? '/umfrage' : '/');
}
