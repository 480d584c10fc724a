// The German texts of invitation and reminder e-mails (plain text; no HTML, no tracking).
import type { InvitationLetter } from '../formats/invitation-letters-csv.js';
import type { InvitedUnit, Wave } from '../store/store.js';

export interface MailText {
  readonly subject: string;
  readonly text: string;
}

const DATE = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' });
const SIGNATURE = 'Mit freundlichen Grüßen\nIhr Team des Kommunalen Digitalmonitors';

export function invitationMailText(wave: Wave, letter: InvitationLetter): MailText {
  const start = letter.link.slice(0, letter.link.lastIndexOf('/'));
  const text = `Guten Tag,

Ihre Kommune ${letter.name} (AGS ${letter.ags}) ist herzlich zur Befragung „${wave.title}“ eingeladen.

Ihr persönlicher Link zum Fragebogen:
${letter.link}

Oder geben Sie auf ${start} diesen Zugangscode ein:
${letter.code}

Mehrere Personen Ihrer Verwaltung können den Fragebogen gemeinsam ausfüllen, speichern und später weitermachen. Bitte geben Sie Link und Code nur innerhalb Ihrer Verwaltung weiter.${until(wave)}

${SIGNATURE}
`;
  return { subject: `Einladung zur Befragung „${wave.title}“`, text };
}

export function reminderMailText(wave: Wave, unit: InvitedUnit, baseUrl: string): MailText {
  const started = unit.status === 'in_progress' ? ' Sie haben bereits begonnen – vielen Dank! Ihre gespeicherten Antworten sind erhalten.' : '';
  const text = `Guten Tag,

für ${unit.name ?? `die Kommune mit AGS ${unit.ags}`} (AGS ${unit.ags}) liegt zur Befragung „${wave.title}“ noch keine abgeschickte Antwort vor.${started}

Bitte öffnen Sie den Fragebogen über den persönlichen Link aus Ihrer Einladung oder geben Sie den Zugangscode aus der Einladung hier ein:
${baseUrl.replace(/\/$/, '')}/umfrage
${until(wave)}
Falls Sie die Einladung nicht mehr finden, antworten Sie bitte auf diese E-Mail; Sie erhalten dann einen neuen Zugangscode.

${SIGNATURE}
`;
  return { subject: `Erinnerung: Befragung „${wave.title}“`, text };
}

function until(wave: Wave): string {
  return wave.closesAt ? `\nAntworten sind bis zum ${DATE.format(new Date(wave.closesAt))} möglich.\n` : '';
}
