import { dmError } from '../../errors.js';
import { deleteContactData, purgeExpiredContacts, setContactRetention, unitDataExport } from '../../tasks/privacy.js';
import type { Command } from '../command.js';

const ACTOR = 'cli';

export const privacyCommand: Command = {
  name: 'privacy',
  summary: 'Personenbezogene Daten: Auskunft, Löschung, Aufbewahrungsfristen (DSGVO)',
  help: `Aufruf: digitalmonitor privacy export --ags <ags> [--out <datei.json>]
        digitalmonitor privacy delete-contact --wave <id> --ags <ags>
        digitalmonitor privacy retention <welle> --days <tage>
        digitalmonitor privacy purge

export          alles, was über eine Kommune gespeichert ist (Art. 15 DSGVO): Verzeichniseintrag, Antworten
                aller Wellen mit jeder Fassung, Einladungen (ohne Codes), Protokolleinträge. Der Abruf
                wird protokolliert.
delete-contact  löscht die Kontaktangaben (contact_email) einer Kommune in einer Welle, auch aus allen
                früheren Fassungen (Art. 17 DSGVO).
retention       wie viele Tage nach Abschluss der Welle Kontaktangaben aufbewahrt werden (0–3650,
                Standard 365).
purge           löscht jetzt die Kontaktangaben aller Wellen, deren Frist abgelaufen ist (der Server tut
                das beim Start und alle sechs Stunden selbst).
Siehe docs/personal-data.md. Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 nicht gefunden.
`,
  options: { ags: { type: 'string' }, wave: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' } },
  usesStore: true,
  async run({ io, positionals, values, store }) {
    const [action, ...rest] = positionals;
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    switch (action) {
      case 'export': {
        const ags = text('ags');
        if (!ags || rest.length > 0) throw dmError('DM_USAGE', { detail: 'privacy export braucht --ags <ags>.' });
        const json = `${JSON.stringify(await unitDataExport(await store(), ags, ACTOR), null, 2)}\n`;
        const out = text('out');
        if (out === undefined || out === '-') io.stdout(json);
        else {
          await io.writeFile(out, json);
          io.stderr(`Auskunft geschrieben: ${out} (enthält personenbezogene Daten)\n`);
        }
        return 0;
      }
      case 'delete-contact': {
        const [wave, ags] = [text('wave'), text('ags')];
        if (!wave || !ags || rest.length > 0) throw dmError('DM_USAGE', { detail: 'privacy delete-contact braucht --wave <id> und --ags <ags>.' });
        const changed = await deleteContactData(await store(), wave, ags, ACTOR);
        io.stderr(changed > 0 ? `Kontaktangaben von ${ags} in Welle „${wave}“ gelöscht.\n` : `Keine Kontaktangaben von ${ags} in Welle „${wave}“ gespeichert.\n`);
        return 0;
      }
      case 'retention': {
        const [wave, extra] = rest;
        const days = Number(text('days'));
        if (!wave || extra !== undefined || text('days') === undefined) throw dmError('DM_USAGE', { detail: 'privacy retention braucht <welle> und --days <tage>.' });
        await setContactRetention(await store(), wave, days, ACTOR);
        io.stderr(`Welle „${wave}“: Kontaktangaben werden ${days} Tage nach Abschluss gelöscht.\n`);
        return 0;
      }
      case 'purge': {
        const purged = await purgeExpiredContacts(await store(), new Date(), ACTOR);
        io.stderr(purged.length === 0 ? 'Keine Frist abgelaufen; nichts gelöscht.\n' : purged.map((p) => `Welle „${p.waveId}“: Kontaktangaben in ${p.responses} Antworten gelöscht.\n`).join(''));
        return 0;
      }
      default:
        throw dmError('DM_USAGE', { detail: 'privacy braucht export, delete-contact, retention oder purge.' });
    }
  },
};
