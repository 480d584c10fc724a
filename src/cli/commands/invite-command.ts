import { dmError } from '../../errors.js';
import { formatInvitationLettersCsv } from '../../formats/invitation-letters-csv.js';
import type { InvitationLetter } from '../../formats/invitation-letters-csv.js';
import { type InviteInput, type Reissue, inviteUnits, revokeUnits } from '../../tasks/invitations.js';
import { mailInvitations } from '../../tasks/mail-invitations.js';
import type { Command, CommandContext } from '../command.js';
import { openMailer, readContacts, reportMail } from './mail-options.js';

export const inviteCommand: Command = {
  name: 'invite',
  summary: 'Einladungen mit Zugangscodes ausstellen, neu ausstellen oder widerrufen (Serienbrief-Datei)',
  help: `Aufruf:
  digitalmonitor invite --wave <id> --out <briefe.csv> [--reissue all|<ags,…>]
  digitalmonitor invite --wave <id> --send --contacts <kontakte.csv> [--out <briefe.csv>] [--reissue …]
  digitalmonitor invite --wave <id> --revoke <ags,…>

Stellt jeder Kommune der Zielgruppe (wave target), die noch keine aktive Einladung hat, einen zufälligen
Zugangscode aus und schreibt die Serienbrief-Datei (AGS; Name; Persönlicher Link; Code) für deutsches
Excel/Word: UTF-8 mit BOM, Semikolon, CRLF. Die Codes stehen NUR in dieser Datei – gespeichert wird nur
ein Hash. Bitte sicher aufbewahren; verlorene Codes mit --reissue neu ausstellen (der alte Code wird
ungültig, angemeldete Sitzungen enden). Mit --out - wird auf die Standardausgabe geschrieben.
Links beginnen mit BASE_URL (Standard http://localhost:<port>).
  --reissue all        allen Kommunen der Zielgruppe neue Codes ausstellen
  --reissue <ags,…>    nur diesen Kommunen (sie brauchen eine aktive Einladung)
  --revoke <ags,…>     Einladungen widerrufen, ohne neue auszustellen
  --send               Einladungen per E-Mail (braucht SMTP_URL, optional MAIL_FROM) an die Adressen aus
  --contacts <datei>   einer CSV-Datei mit den Spalten AGS und E-Mail (auch aus deutschem Excel). Ohne --out
                       werden nur Kommunen mit Adresse eingeladen; mit --out alle, versandt an die mit Adresse.
Exit-Codes: 0 erfolgreich, 1 E-Mail nicht angenommen, 2 Aufruf fehlerhaft, 3 Kontaktdatei fehlerhaft,
4 Welle oder Einladung unbekannt, 5 keine Zielgruppe.
`,
  options: {
    wave: { type: 'string' },
    out: { type: 'string' },
    reissue: { type: 'string' },
    revoke: { type: 'string' },
    send: { type: 'boolean' },
    contacts: { type: 'string' },
  },
  usesStore: true,
  async run(context) {
    const { io, values, store, config } = context;
    const { wave, out, reissue, revoke, contacts } = values as Record<string, string | undefined>;
    if (!wave) throw dmError('DM_USAGE', { detail: 'invite braucht --wave <id>.' });
    const list = (value: string) => value.split(/[\s,;]+/).filter((v) => v !== '');
    if (revoke !== undefined) {
      if (out !== undefined || reissue !== undefined || values.send) throw dmError('DM_USAGE', { detail: '--revoke geht nicht zusammen mit --out, --reissue oder --send.' });
      const revoked = await revokeUnits(await store(), wave, list(revoke), 'cli');
      io.stdout(`${revoked} Einladung(en) in Welle „${wave}“ widerrufen.\n`);
      return 0;
    }
    if (!out && !values.send) throw dmError('DM_USAGE', { detail: 'invite braucht --out <briefe.csv>, --send oder --revoke.' });
    const mode: Reissue = reissue === undefined ? 'new' : reissue === 'all' ? 'all' : list(reissue);
    const deliver = async (letters: Parameters<typeof formatInvitationLettersCsv>[0]) => {
      const csv = formatInvitationLettersCsv(letters);
      if (out === '-') io.stdout(csv);
      else if (out) await io.writeFile(out, csv);
    };
    const input = { waveId: wave, baseUrl: config.baseUrl, reissue: mode, actor: 'cli' };
    if (values.send) return sendInvitations(context, input, contacts, out ? deliver : undefined);
    const result = await inviteUnits(await store(), input, deliver);
    if (result.issued === 0) {
      io.stderr(`Keine neuen Einladungen: alle ${result.active} Kommunen der Zielgruppe haben schon einen Code. Nichts geschrieben (neu ausstellen: --reissue).\n`);
      return 0;
    }
    const revoked = result.revoked > 0 ? `, ${result.revoked} ${result.revoked === 1 ? 'alter Code' : 'alte Codes'} ungültig` : '';
    io.stderr(`${result.issued} Einladung(en) ausgestellt${revoked}${out === '-' ? '' : `: ${out}`}. Die Codes stehen nur in dieser Datei.\n`);
    return 0;
  },
};

async function sendInvitations(
  { io, config, store }: CommandContext,
  input: InviteInput,
  contactsPath: string | undefined,
  letters: ((letters: readonly InvitationLetter[]) => Promise<void>) | undefined,
): Promise<number> {
  const mailer = openMailer(config);
  try {
    const result = await mailInvitations(await store(), input, await readContacts(io, contactsPath), mailer, letters);
    io.stderr(`${result.issued} Einladung(en) ausgestellt.\n`);
    reportMail(io, 'Einladung(en)', result);
    return 0;
  } finally {
    mailer.close();
  }
}
