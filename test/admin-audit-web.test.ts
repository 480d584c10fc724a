// The admins' audit viewer and backup download: chain state and head hash, entries escaped; the backup is
// a complete, verifiable snapshot taken while the app serves (also on the embedded database).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodeBackup } from '../src/formats/backup-file.js';
import { openStore } from '../src/store/open-store.js';
import { analystSession } from './support/analyst-session.js';
import { type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let fixture: SurveyFixture;
let admin: string;
let analyst: string;

before(async () => {
  fixture = await surveyFixture();
  admin = (await analystSession(fixture.app, fixture.store, { role: 'admin' })).cookie;
  analyst = (await analystSession(fixture.app, fixture.store)).cookie;
  await fixture.store.appendAudit({ actor: '<script>alert(1)</script>', action: 'test.escape', subject: 'x' });
});
after(() => fixture.close());

const get = (path: string, cookie?: string) => fixture.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

test('audit viewer: admins see the intact chain with its head and the newest entries, escaped', async () => {
  const response = await get('/verwaltung/protokoll', admin);
  assert.equal(response.status, 200);
  const page = await response.text();
  const { head, entries } = await fixture.store.verifyAuditChain();
  assert.match(page, new RegExp(`Hash-Kette intakt: ${entries} Einträge`));
  assert.ok(page.includes(head));
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(page, /<script>alert/);
  assert.equal((await get('/verwaltung/protokoll', analyst)).status, 403);
  assert.equal((await get('/verwaltung/protokoll')).status, 303);
});

test('backup download: admins get a verifiable snapshot of every table that restores elsewhere; others do not', async () => {
  const response = await get('/verwaltung/sicherung', admin);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="digitalmonitor-sicherung-.*\.gz"/);
  const decoded = decodeBackup(new Uint8Array(await response.arrayBuffer()));
  assert.ok(decoded.ok);
  const target = await openStore({});
  try {
    await target.restoreSnapshot(decoded.content);
    assert.equal((await target.invitations('w')).length, (await fixture.store.invitations('w')).length);
    assert.equal((await target.verifyAuditChain()).broken, null);
  } finally {
    await target.close();
  }
  assert.equal((await fixture.store.auditLog(1))[0]?.subject, 'backup', 'the download is audited');
  assert.equal((await get('/verwaltung/sicherung', analyst)).status, 403);
  assert.equal((await get('/verwaltung/sicherung')).status, 401);
});
