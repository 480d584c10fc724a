// Conformance cases: snapshot (backup) and restore of every table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBackup, encodeBackup } from '../../src/formats/backup-file.js';
import { DmError } from '../../src/errors.js';
import type { Store } from '../../src/store/store.js';
import { type OpenFixture, register, unit, withStore } from './store-fixture.js';

/** A store with a row in every table the port can fill. */
async function filled(store: Store): Promise<void> {
  await store.replaceRegister(register([unit('01001000'), unit('01002000', { name: 'Kiel „Förde“', population: 248_873 })]));
  await store.createWave({ id: 'w', title: 'Welle mit Ümlaut', instrumentVersion: '2019', opensAt: '2019-01-01T00:00:00Z', minCellCount: 3 });
  await store.saveResponses('w', [{ ags: '01001000', answers: { strategy_status: 'vorhanden', comments: 'Zeile 1\nZeile 2 "zitiert" \\ <script>' } }], {
    status: 'submitted',
    source: 'import',
    actor: 'analyst@test',
  });
  await store.issueInvitations('w', [{ ags: '01002000', codeSha256: 'a'.repeat(64) }], { actor: 'analyst@test', replaceActive: false });
  await store.createUser({ email: 'admin@test.de', role: 'admin', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' }, 'cli');
}

export function backupCases(open: OpenFixture): void {
  test('backup: snapshot → file → restore into an empty store gives every table back, row for row', () =>
    withStore(open, async ({ store }) => {
      await filled(store);
      const source = await store.snapshot();
      assert.ok(source.tables.length >= 8, `tables: ${source.tables.map((t) => t.name).join(', ')}`);
      const decoded = decodeBackup(encodeBackup(source, '2026-12-04T12:00:00.000Z'));
      assert.ok(decoded.ok);
      await withStore(open, async ({ store: target }) => {
        await target.restoreSnapshot(decoded.content);
        assert.deepEqual(parsed(await target.snapshot()), parsed(source));
        assert.equal((await target.responsesForWave('w'))[0]?.answers.comments, 'Zeile 1\nZeile 2 "zitiert" \\ <script>');
        // Sequences continue after the restored ids.
        await target.appendAudit({ actor: 'after-restore', action: 'test', subject: 'x' });
        assert.equal((await target.auditLog(1))[0]?.actor, 'after-restore');
      });
    }));

  test('backup: a snapshot taken during writes holds each write wholly or not at all', () =>
    withStore(open, async ({ store }) => {
      await store.createWave({ id: 'w', title: 'Test', instrumentVersion: '2019' });
      const batch = (b: number) => Array.from({ length: 10 }, (_, i) => ({ ags: String(1_000_000 + b * 10 + i).padStart(8, '0'), answers: { strategy_status: 'geplant' } }));
      let writing = true;
      const writer = (async () => {
        for (let b = 0; b < 40; b++) await store.saveResponses('w', batch(b), { status: 'draft', source: 'import', actor: 'test' });
        writing = false;
      })();
      const snapshots = [];
      while (writing) snapshots.push(await store.snapshot());
      await writer;
      snapshots.push(await store.snapshot());
      for (const snapshot of snapshots) {
        const rows = (name: string) => snapshot.tables.find((t) => t.name === name)!.rows.map((row) => JSON.parse(row) as { action?: string });
        const saves = rows('audit_log').filter((entry) => entry.action === 'responses.save').length;
        assert.equal(rows('responses').length, 10 * saves);
      }
      assert.equal(snapshots.at(-1)!.tables.find((t) => t.name === 'responses')!.rows.length, 400);
    }));

  test('backup: restore refuses a store that holds data, and one of another schema; nothing changes', () =>
    withStore(open, async ({ store }) => {
      await filled(store);
      const backup = await store.snapshot();
      const before = parsed(await store.snapshot());
      await assert.rejects(store.restoreSnapshot(backup), (error: unknown) => error instanceof DmError && error.code === 'DM_BACKUP_TARGET_NOT_EMPTY');
      assert.deepEqual(parsed(await store.snapshot()), before);
      await withStore(open, async ({ store: target }) => {
        const older = { ...backup, migrations: backup.migrations.slice(0, -1) };
        await assert.rejects(target.restoreSnapshot(older), (error: unknown) => error instanceof DmError && error.code === 'DM_BACKUP_VERSION');
        const broken = { ...backup, tables: backup.tables.map((t) => (t.name === 'register_units' ? { ...t, rows: [...t.rows, '{"ags": null}'] } : t)) };
        await assert.rejects(target.restoreSnapshot(broken));
        assert.ok((await target.snapshot()).tables.every((t) => t.rows.length === 0), 'nothing half-restored');
      });
    }));
}

/** Tables with their rows as values (key order and number spelling of to_jsonb aside). */
function parsed(snapshot: Awaited<ReturnType<Store['snapshot']>>): unknown {
  return { migrations: snapshot.migrations, tables: snapshot.tables.map((t) => ({ name: t.name, rows: t.rows.map((row) => JSON.parse(row) as unknown) })) };
}
