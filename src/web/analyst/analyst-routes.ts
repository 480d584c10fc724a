// The analyst area under /verwaltung: response monitoring per wave and the reminder list download.
import { Hono } from 'hono';
import { formatReminderListCsv } from '../../formats/reminder-list-csv.js';
import type { Store } from '../../store/store.js';
import { reminderRows, submittedResponses, waveMonitoring } from '../../tasks/wave-monitoring.js';
import { analystHomePage, monitoringPage } from './monitoring-page.js';
import { type AnalystEnv, requireRole } from './require-role.js';
import { usersPage } from './users-page.js';
import { auditPage } from './audit-page.js';
import { createBackup } from '../../tasks/backup.js';

/** Entries on the admins' audit page (the CLI's `audit list --limit` shows any number). */
const AUDIT_PAGE_ENTRIES = 200;

const WAVE = ':wave{[a-z0-9_-]{1,40}}';

export function analystRoutes({ store }: { readonly store: Store }): Hono<AnalystEnv> {
  const app = new Hono<AnalystEnv>();
  app.get('/', requireRole('analyst'), async (c) => c.html(analystHomePage(c.var.analyst!, await store.listWaves())));
  app.get(`/wellen/${WAVE}`, requireRole('analyst'), async (c) => {
    const monitoring = await waveMonitoring(store, c.req.param('wave'));
    return c.html(monitoringPage(c.var.analyst!, monitoring, await submittedResponses(store, monitoring.wave.id)));
  });
  app.get(`/wellen/${WAVE}/erinnerungen.csv`, requireRole('analyst', 'download'), async (c) => {
    const { wave, units } = await waveMonitoring(store, c.req.param('wave'));
    return c.body(formatReminderListCsv(reminderRows(units)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="erinnerungen-${wave.id}.csv"`,
    });
  });
  app.get('/konten', requireRole('admin'), async (c) => c.html(usersPage(c.var.analyst!, await store.listUsers())));
  app.get('/protokoll', requireRole('admin'), async (c) => c.html(auditPage(c.var.analyst!, await store.auditLog(AUDIT_PAGE_ENTRIES), await store.verifyAuditChain())));
  // A consistent snapshot while the server runs, also on the embedded database (its folder is locked for the CLI).
  app.get('/sicherung', requireRole('admin', 'download'), async (c) => {
    const backup = await createBackup(store);
    await store.appendAudit({ actor: `user:${c.var.analyst!.email}`, action: 'privacy.read', subject: 'backup', details: { tables: backup.tables, rows: backup.rows } });
    const name = `digitalmonitor-sicherung-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.gz`;
    const body = backup.bytes.buffer.slice(backup.bytes.byteOffset, backup.bytes.byteOffset + backup.bytes.byteLength) as ArrayBuffer;
    return c.body(body, 200, { 'Content-Type': 'application/gzip', 'Content-Disposition': `attachment; filename="${name}"` });
  });
  return app;
}
