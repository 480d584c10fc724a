// The contacts file for e-mail invitations and reminders: one row per unit with columns "AGS" and
// "E-Mail" (more columns are ignored), from German Excel or any CSV (csv-text.ts).
import { decodeCsvBytes, parseCsv } from './csv-text.js';

export interface Contacts {
  /** AGS → address. */
  readonly byAgs: ReadonlyMap<string, string>;
  /** German, one per bad row. */
  readonly errors: readonly string[];
}

const ADDRESS = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/;

export function parseContactsCsv(bytes: Uint8Array): Contacts {
  const decoded = decodeCsvBytes(bytes);
  if ('issue' in decoded) return { byAgs: new Map(), errors: ['Die Kontaktdatei ist nicht in UTF-8 kodiert (in Excel: „CSV UTF-8“ speichern).'] };
  const table = parseCsv(decoded.text);
  const ags = table.header.findIndex((column) => column.trim().toUpperCase() === 'AGS');
  const mail = table.header.findIndex((column) => /^e-?mail$/i.test(column.trim()));
  if (ags < 0 || mail < 0) return { byAgs: new Map(), errors: ['Die Kontaktdatei braucht die Spalten „AGS“ und „E-Mail“.'] };
  const byAgs = new Map<string, string>();
  const errors: string[] = [];
  table.rows.forEach((row, index) => {
    const line = index + 2;
    const typed = (row[ags] ?? '').trim();
    const unit = typed.length === 7 ? `0${typed}` : typed; // Excel drops the leading zero
    const address = (row[mail] ?? '').trim();
    if (!/^[0-9]{8}$/.test(unit)) errors.push(`Zeile ${line}: AGS „${row[ags] ?? ''}“ hat nicht 8 Ziffern.`);
    else if (!ADDRESS.test(address)) errors.push(`Zeile ${line}: „${address}“ ist keine E-Mail-Adresse.`);
    else if (byAgs.has(unit)) errors.push(`Zeile ${line}: AGS ${unit} kommt mehrfach vor.`);
    else byAgs.set(unit, address);
  });
  return { byAgs, errors };
}
