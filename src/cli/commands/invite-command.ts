import { dmError } from '../../errors.js';
import { formatInvitationLettersCsv } from '../../formats/invitation-letters-csv.js';
import { type Reissue, inviteUnits, revokeUnits } from '../../tasks/invitations.js';
import type { Command } from '../command.js';

export const inviteCommand: Command = {
  name: 'invite',
  summary: 'Einladungen mit Zugangscodes ausstellen, neu ausstellen oder widerrufen (Serienbrief-Datei)',
  help: `Aufruf:
  digitalmonitor invite --wave <id> --out <briefe.csv> [--reissue all|<ags,…>]
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
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Welle oder Einladung unbekannt, 5 keine Zielgruppe.
`,
  options: { wave: { type: 'string' }, out: { type: 'string' }, reissue: { type: 'string' }, revoke: { type: 'string' } },
  usesStore: true,
  async run({ io, values, store, config }) {
    const { wave, out, reissue, revoke } = values as Record<string, string | undefined>;
    if (!wave) throw dmError('DM_USAGE', { detail: 'invite braucht --wave <id>.' });
    const list = (value: string) => value.split(/[\s,;]+/).filter((v) => v !== '');
    if (revoke !== undefined) {
      if (out !== undefined || reissue !== undefined) throw dmError('DM_USAGE', { detail: '--revoke geht nicht zusammen mit --out oder --reissue.' });
      const revoked = await revokeUnits(await store(), wave, list(revoke), 'cli');
      io.stdout(`${revoked} Einladung(en) in Welle „${wave}“ widerrufen.\n`);
      return 0;
    }
    if (!out) throw dmError('DM_USAGE', { detail: 'invite braucht --out <briefe.csv> (oder --revoke).' });
    const mode: Reissue = reissue === undefined ? 'new' : reissue === 'all' ? 'all' : list(reissue);
    const deliver = async (letters: Parameters<typeof formatInvitationLettersCsv>[0]) => {
      const csv = formatInvitationLettersCsv(letters);
      if (out === '-') io.stdout(csv);
      else await io.writeFile(out, csv);
    };
    const result = await inviteUnits(await store(), { waveId: wave, baseUrl: config.baseUrl, reissue: mode, actor: 'cli' }, deliver);
    if (result.issued === 0) {
      io.stderr(`Keine neuen Einladungen: alle ${result.active} Kommunen der Zielgruppe haben schon einen Code. Nichts geschrieben (neu ausstellen: --reissue).\n`);
      return 0;
    }
    const revoked = result.revoked > 0 ? `, ${result.revoked} alte Codes ungültig` : '';
    io.stderr(`${result.issued} Einladung(en) ausgestellt${revoked}${out === '-' ? '' : `: ${out}`}. Die Codes stehen nur in dieser Datei.\n`);
    return 0;
  },
};
