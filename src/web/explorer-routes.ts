// The public results explorer (issue 5): GET /ergebnisse/:wave (form and result, with `entwicklung=1` also the
// development since the previous wave; no JavaScript needed), GET /ergebnisse/:wave/tabelle.csv (the shown
// table for German Excel) and …/entwicklung.csv (its development). Only closed waves, only suppressed tables;
// unknown wave → 404 page, unknown variable → 400 page, through the app's error handler.
import { type Context, Hono } from 'hono';
import type { Store } from '../store/store.js';
import { type ExploreInput, resultsExplorer } from '../tasks/explore-results.js';
import { explorerPage } from './explorer-page.js';

export function explorerRoutes({ store }: { readonly store: Store }): Hono {
  const explorer = resultsExplorer(store);
  const app = new Hono();
  const input = (wave: string, query: (name: string) => string | undefined): ExploreInput => ({
    waveId: wave,
    variable: query('variable'),
    by: query('by'),
    weighted: query('gewichtet') === '1',
    trend: query('entwicklung') === '1',
  });
  const download = (c: Context, { filename, text }: { filename: string; text: string }) =>
    c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9_.-]/g, '_')}"` });
  app.get('/:wave/tabelle.csv', async (c) => download(c, await explorer.csv(input(c.req.param('wave'), (name) => c.req.query(name)))));
  app.get('/:wave/entwicklung.csv', async (c) => download(c, await explorer.trendCsv(input(c.req.param('wave'), (name) => c.req.query(name)))));
  app.get('/:wave', async (c) => {
    return c.html(explorerPage(await explorer.explore(input(c.req.param('wave'), (name) => c.req.query(name)))));
  });
  return app;
}
