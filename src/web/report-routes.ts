// The public report of a wave (issue 5): GET /bericht/:wave → the report HTML with disclosure control
// (suppressResults, the wave's minimum cell count); its stylesheet is served beside it so that the app's
// CSP (no inline styles) holds. Unknown wave → 404 page through the app's error handler.
import { Hono } from 'hono';
import { REPORT_CSS } from '../report/html/report-css.js';
import type { Store } from '../store/store.js';
import { buildReport } from '../tasks/build-report.js';

export const REPORT_CSS_PATH = '/bericht/bericht.css';

export function reportRoutes({ store }: { readonly store: Store }): Hono {
  const app = new Hono();
  app.get('/bericht.css', (c) => c.body(REPORT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/:wave', async (c) =>
    c.html(
      await buildReport(store, {
        waveId: c.req.param('wave'),
        format: 'html',
        public: true,
        stylesheet: REPORT_CSS_PATH,
        explorerLink: `/ergebnisse/${encodeURIComponent(c.req.param('wave'))}`,
      }),
    ),
  );
  return app;
}
