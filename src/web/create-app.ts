// The web app: fetch(Request) → Response (Hono); Node's server is only an adapter (main.ts).
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { DmError, dmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { waveOverview } from '../tasks/wave-overview.js';
import { APP_CSS } from './app-css.js';
import { csrfCheck } from './csrf.js';
import { pageLayout } from './page-layout.js';
import { type RateLimit, tokenBucket } from './rate-limit.js';
import { reportRoutes } from './report-routes.js';
import { startPage } from './start-page.js';
import { surveyRoutes } from './survey/survey-routes.js';

export interface AppDeps {
  readonly store: Store;
  readonly log: (line: string) => void;
  /** Public base URL (config BASE_URL): https makes cookies Secure; its origin passes the CSRF check. */
  readonly baseUrl?: string;
  readonly now?: () => Date;
  /** Invitation-code attempts per client; default 10 at once, then one per 6 s (per process). */
  readonly codeAttempts?: RateLimit;
}

const MAX_BODY_BYTES = 64 * 1024; // the longest page (2,000-character comment, percent-encoded) stays far below

export function createApp({ store, log, baseUrl, now = () => new Date(), codeAttempts = tokenBucket(10, 6_000) }: AppDeps): Hono {
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
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => methodNotAllowedPage(c, methods) }));
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => Promise.reject(dmError('DM_BODY_TOO_LARGE', { detail: '64 KB' })) }));
  app.get('/', async (c) => c.html(startPage(await waveOverview(store))));
  app.get('/healthz', async (c) => {
    await store.listWaves();
    return c.json({ status: 'ok' });
  });
  app.get('/static/app.css', (c) => c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }));
  const publicOrigin = baseUrl === undefined ? undefined : new URL(baseUrl).origin;
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
  app.route('/bericht', reportRoutes({ store }));
  app.notFound((c) => c.html(errorPage(c, 'Seite nicht gefunden', `Die Adresse ${c.req.path} gibt es nicht.`), 404));
  app.onError((error, c) => {
    if (error instanceof DmError) return c.html(errorPage(c, 'Fehler', error.message), error.status as 400);
    if (error instanceof HTTPException && error.status < 500) {
      return c.html(errorPage(c, 'Fehler', 'Die Anfrage ist fehlerhaft. Es wurde nichts gespeichert.'), error.status);
    }
    log(`Interner Fehler bei ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.html(errorPage(c, 'Interner Fehler', 'Es ist ein interner Fehler aufgetreten. Bitte später erneut versuchen.'), 500);
  });
  return app;
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

function errorPage(c: Context, title: string, message: string) {
  const survey = c.req.path.startsWith('/umfrage');
  const back = survey ? html`<a href="/umfrage">Zum Fragebogen</a>` : html`<a href="/">Zur Startseite</a>`;
  return pageLayout(title, html`<h1>${title}</h1><p>${message}</p><p>${back}</p>`, survey ? '/umfrage' : '/');
}
