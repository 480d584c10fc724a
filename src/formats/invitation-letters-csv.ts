// The mail-merge file of invitations, for German Excel and Word: UTF-8 with BOM, ';', CRLF.
import { formatCsv, GERMAN_EXCEL_CSV } from './csv-text.js';

export interface InvitationLetter {
  readonly ags: string;
  readonly name: string;
  readonly link: string;
  readonly code: string;
}

const HEADER = ['AGS', 'Name', 'Persönlicher Link', 'Code'] as const;

export function formatInvitationLettersCsv(letters: readonly InvitationLetter[]): string {
  const rows = letters.map((letter) => [letter.ags, letter.name, letter.link, letter.code]);
  return formatCsv(HEADER, rows, { ...GERMAN_EXCEL_CSV, isTextColumn: (column) => column === 'Name' });
}
