// Backup and restore of the whole store (issue 11 "Backups"): a consistent snapshot → file, file → store.
import { decodeBackup, encodeBackup } from '../formats/backup-file.js';
import { dmError } from '../errors.js';
import type { Store } from '../store/store.js';

export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
}

export async function createBackup(store: Pick<Store, 'snapshot'>, now: Date = new Date()): Promise<{ readonly bytes: Uint8Array } & BackupSummary> {
  const snapshot = await store.snapshot();
  return { bytes: encodeBackup(snapshot, now.toISOString()), ...summaryOf(snapshot.tables) };
}

/** All or nothing: a damaged file or one of another schema changes nothing. */
export async function restoreBackup(store: Pick<Store, 'restoreSnapshot'>, bytes: Uint8Array, path: string): Promise<BackupSummary & { readonly createdAt: string }> {
  const decoded = decodeBackup(bytes);
  if (!decoded.ok) throw dmError('DM_BACKUP_INVALID', { path, detail: decoded.detail });
  await store.restoreSnapshot(decoded.content);
  return { createdAt: decoded.createdAt, ...summaryOf(decoded.content.tables) };
}

function summaryOf(tables: readonly { readonly rows: readonly string[] }[]): BackupSummary {
  return { tables: tables.length, rows: tables.reduce((sum, table) => sum + table.rows.length, 0) };
}
