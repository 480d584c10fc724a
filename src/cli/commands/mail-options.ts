// What `invite --send` and `remind` share: the contacts file and the SMTP mailer from the config.
import type { Config } from '../../config.js';
import { dmError } from '../../errors.js';
import { parseContactsCsv } from '../../formats/contacts-csv.js';
import { type SmtpMailer, smtpMailer } from '../../mail/smtp-mailer.js';
import type { MailOutcome } from '../../tasks/mail-invitations.js';
import type { Io } from '../io.js';

export async function readContacts(io: Io, path: string | undefined): Promise<ReadonlyMap<string, string>> {
  if (!path) throw dmError('DM_USAGE', { detail: 'E-Mail-Versand braucht --contacts <kontakte.csv> (Spalten AGS und E-Mail).' });
  const contacts = parseContactsCsv(await io.readFile(path));
  if (contacts.errors.length > 0) {
    const more = contacts.errors.length > 5 ? ` (und ${contacts.errors.length - 5} weitere)` : '';
    throw dmError('DM_CONTACTS_INVALID', { detail: `${path}: ${contacts.errors.slice(0, 5).join(' ')}${more}` });
  }
  return contacts.byAgs;
}

export function openMailer(config: Config): SmtpMailer {
  if (!config.smtpUrl) throw dmError('DM_MAIL_NOT_CONFIGURED');
  return smtpMailer(config.smtpUrl, config.mailFrom);
}

/** Prints what was sent; failures become DM_MAIL_FAILED (after everything else is reported). */
export function reportMail(io: Io, what: string, outcome: MailOutcome): void {
  io.stderr(`${outcome.sent} ${what} per E-Mail versandt.\n`);
  if (outcome.withoutAddress.length > 0) {
    io.stderr(`Ohne E-Mail-Adresse in der Kontaktdatei (nicht versandt): ${outcome.withoutAddress.join(', ')}\n`);
  }
  if (outcome.failed.length > 0) {
    throw dmError('DM_MAIL_FAILED', { detail: `nicht angenommen für AGS ${outcome.failed.join(', ')}. Erneut versuchen (Einladungen: invite --reissue <ags> --send).` });
  }
}
