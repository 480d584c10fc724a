// The public report of a wave (issue 5): GET /bericht/:wave → the report HTML with disclosure control
// (suppressResults, the wave's minimum cell count); its stylesheet is served beside it so that the app's
// CSP (no inline styles) holds. Unknown wave → 404 page through the app's error handler. Cached per wave.
import { Hono } from 'hono';
import { REPORT_CSS } from '../report/html/report-css.js';
import type { Store } from '../store/store.js';
import { buildReport } from '../tasks/build-report.js';
import { expiringCache } from '../tasks/expiring-cache.js';

export const REPORT_CSS_PATH = '/bericht/bericht.css';
/** The report is analysed and suppressed once per wave and then served from memory this long at most. */
const REPORT_CACHE_MS = 10 * 60 * 1000;

export function reportRoutes({ store, now = Date.now }: { readonly store: Store; readonly now?: () => number }): Hono {
  const app = new Hono();
  const reports = expiringCache<string>(REPORT_CACHE_MS, now);
  app.get('/bericht.css', (c) => c.body(REPORT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/:wave', async (c) => {
    const waveId = c.req.param('wave');
    // The report reads its wave and, for the trend chapter, the earlier ones: any change there renews it.
    const key = JSON.stringify(await store.listWaves());
    const build = () =>
      buildReport(store, { waveId, format: 'html', public: true, stylesheet: REPORT_CSS_PATH, explorerLink: `/ergebnisse/${encodeURIComponent(waveId)}` });
    return c.html(await reports(waveId, key, build));
  });
  return app;
}
