// The reminder list of a wave (invited units that have not submitted), for German Excel: UTF-8 with BOM,
// ';', CRLF — the same conventions as the invitation letters.
import { formatCsv, GERMAN_EXCEL_CSV } from './csv-text.js';

export interface ReminderRow {
  readonly ags: string;
  readonly name: string;
  /** Land name. */
  readonly state: string;
  readonly sizeClass: string;
  /** German status: nicht begonnen / in Bearbeitung. */
  readonly status: string;
  /** German date and time or empty. */
  readonly lastActivity: string;
}

const HEADER = ['AGS', 'Name', 'Land', 'Größenklasse', 'Stand', 'Letzte Aktivität'] as const;

export function formatReminderListCsv(rows: readonly ReminderRow[]): string {
  const cells = rows.map((row) => [row.ags, row.name, row.state, row.sizeClass, row.status, row.lastActivity]);
  return formatCsv(HEADER, cells, { ...GERMAN_EXCEL_CSV, isTextColumn: (column) => column === 'Name' });
}
