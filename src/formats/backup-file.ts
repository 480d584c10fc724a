// The backup file: gzip of one header line (JSON: format, version, migrations, created, SHA-256 and length
// of the body), then per table a line `{"table": name, "rows": count}` followed by its rows, one JSON text
// per line, passed through untouched. Checksum and length turn a truncated or altered file into a clear
// error instead of a partial restore.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export const BACKUP_FORMAT = 'digitalmonitor-backup';
const VERSION = 1;

/** What a backup holds (structurally the store's snapshot). */
export interface BackupContent {
  readonly migrations: readonly string[];
  readonly tables: readonly { readonly name: string; readonly rows: readonly string[] }[];
}

interface Header {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly migrations: readonly string[];
  readonly tables: number;
  readonly bodyBytes: number;
  readonly bodySha256: string;
}

export type BackupDecoding =
  | { readonly ok: true; readonly content: BackupContent; readonly createdAt: string }
  | { readonly ok: false; readonly detail: string };

export function encodeBackup(content: BackupContent, createdAt: string): Uint8Array {
  const lines: string[] = [];
  for (const { name, rows } of content.tables) {
    lines.push(JSON.stringify({ table: name, rows: rows.length }));
    for (const row of rows) lines.push(row.includes('\n') ? JSON.stringify(JSON.parse(row)) : row);
  }
  const body = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
  const header: Header = {
    format: BACKUP_FORMAT,
    version: VERSION,
    createdAt,
    migrations: content.migrations,
    tables: content.tables.length,
    bodyBytes: body.length,
    bodySha256: sha256(body),
  };
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
}

export function decodeBackup(bytes: Uint8Array): BackupDecoding {
  let plain: Buffer;
  try {
    plain = gunzipSync(bytes);
  } catch {
    return { ok: false, detail: 'nicht gzip-komprimiert oder abgeschnitten' };
  }
  const newline = plain.indexOf(0x0a);
  const header = newline < 0 ? undefined : parseHeader(plain.subarray(0, newline).toString('utf8'));
  if (!header) return { ok: false, detail: 'Kopfzeile fehlt oder ist keine Sicherung des Digitalmonitors' };
  if (header.version !== VERSION) return { ok: false, detail: `Dateiformat-Version ${header.version}, erwartet ${VERSION}` };
  const body = plain.subarray(newline + 1);
  if (body.length !== header.bodyBytes) return { ok: false, detail: `${body.length} statt ${header.bodyBytes} Bytes Inhalt: abgeschnitten` };
  if (sha256(body) !== header.bodySha256) return { ok: false, detail: 'Prüfsumme stimmt nicht: Inhalt verändert' };
  const tables = readTables(body.toString('utf8').split('\n').slice(0, -1));
  if (!tables || tables.length !== header.tables) return { ok: false, detail: 'Tabellenverzeichnis stimmt nicht mit dem Inhalt überein' };
  return { ok: true, content: { migrations: header.migrations, tables }, createdAt: header.createdAt };
}

function readTables(lines: readonly string[]): BackupContent['tables'] | undefined {
  const tables: { name: string; rows: string[] }[] = [];
  for (let at = 0; at < lines.length; ) {
    const head = parseJson(lines[at]!) as { table?: unknown; rows?: unknown } | undefined;
    if (typeof head?.table !== 'string' || !Number.isInteger(head.rows) || at + 1 + (head.rows as number) > lines.length) return undefined;
    const count = head.rows as number;
    tables.push({ name: head.table, rows: lines.slice(at + 1, at + 1 + count) });
    at += 1 + count;
  }
  return tables;
}

function parseHeader(line: string): Header | undefined {
  const value = parseJson(line) as Partial<Header> | undefined;
  return value?.format === BACKUP_FORMAT && Array.isArray(value.migrations) && typeof value.bodySha256 === 'string' ? (value as Header) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
