import { dmError } from '../../errors.js';
import { mailReminders } from '../../tasks/mail-invitations.js';
import type { Command } from '../command.js';
import { openMailer, readContacts, reportMail } from './mail-options.js';

export const remindCommand: Command = {
  name: 'remind',
  summary: 'Erinnerungen per E-Mail an alle eingeladenen Kommunen ohne abgeschickte Antwort',
  help: `Aufruf: digitalmonitor remind --wave <id> --send --contacts <kontakte.csv>

Schickt jeder Kommune mit aktiver Einladung, die noch nicht abgeschickt hat, eine Erinnerung per E-Mail
an die Adresse aus der Kontaktdatei (CSV mit den Spalten AGS und E-Mail, auch aus deutschem Excel).
Die Erinnerung enthält keinen Zugangscode (er ist nur als Hash gespeichert): sie verweist auf den Link
aus der Einladung; neue Codes mit „invite --reissue <ags> --send“.
Braucht SMTP_URL (z. B. smtp://benutzer:passwort@mail.example.de:587), Absender aus MAIL_FROM.
Die Erinnerungsliste als Datei: „monitor --wave <id> --reminders <datei.csv>“.
Exit-Codes: 0 erfolgreich, 1 E-Mail nicht angenommen, 2 Aufruf fehlerhaft, 3 Kontaktdatei fehlerhaft,
4 Welle unbekannt.
`,
  options: { wave: { type: 'string' }, send: { type: 'boolean' }, contacts: { type: 'string' } },
  usesStore: true,
  async run({ io, values, store, config }) {
    if (typeof values.wave !== 'string') throw dmError('DM_USAGE', { detail: 'remind braucht --wave <id>.' });
    if (!values.send) throw dmError('DM_USAGE', { detail: 'remind verschickt E-Mails nur mit --send.' });
    const mailer = openMailer(config);
    try {
      const contacts = await readContacts(io, values.contacts as string | undefined);
      const outcome = await mailReminders(await store(), { waveId: values.wave, baseUrl: config.baseUrl, actor: 'cli' }, contacts, mailer);
      reportMail(io, 'Erinnerung(en)', outcome);
      return 0;
    } finally {
      mailer.close();
    }
  },
};
