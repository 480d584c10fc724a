// The web app: fetch(Request) → Response (Hono); Node's server is only an adapter (main.ts).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { DmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { waveOverview } from '../tasks/wave-overview.js';
import { pageLayout } from './page-layout.js';
import { startPage } from './start-page.js';

export interface AppDeps {
  readonly store: Store;
  readonly log: (line: string) => void;
}

export function createApp({ store, log }: AppDeps): Hono {
  const app = new Hono();
  app.use(secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"] } }));
  app.get('/', async (c) => c.html(startPage(await waveOverview(store))));
  app.get('/healthz', async (c) => {
    await store.listWaves();
    return c.json({ status: 'ok' });
  });
  app.notFound((c) => c.html(errorPage('Seite nicht gefunden', `Die Adresse ${c.req.path} gibt es nicht.`), 404));
  app.onError((error, c) => {
    if (error instanceof DmError) return c.html(errorPage('Fehler', error.message), error.status as 400);
    log(`Interner Fehler bei ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.html(errorPage('Interner Fehler', 'Es ist ein interner Fehler aufgetreten. Bitte später erneut versuchen.'), 500);
  });
  return app;
}

function errorPage(title: string, message: string) {
  return pageLayout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Zur Startseite</a></p>`);
}
