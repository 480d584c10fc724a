import { dmError } from '../../errors.js';
import { importResponses } from '../../tasks/import-responses.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

export const importResponsesCommand: Command = {
  name: 'import-responses',
  summary: 'Antworten aus einer flachen CSV-Datei laden (alle Zeilen oder keine)',
  help: `Aufruf: digitalmonitor import-responses <antworten.csv> --wave <id>

Liest Antworten im flachen CSV-Format (erste Spalte ags, dann je eine Spalte pro flacher Variable; siehe
„digitalmonitor instrument --variables“). UTF-8 mit oder ohne BOM, Komma oder Semikolon (wird erkannt),
auch aus deutschem Excel gespeichert („CSV UTF-8“). Alle Zeilen oder keine: jeder Fehler wird mit Zeile
und Spalte gemeldet, dann wird nichts geschrieben. Vorhandene Antworten derselben Kommune werden ersetzt
(Revisionszähler +1).
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Datei, 4 Datei oder Welle unbekannt, 5 Verzeichnis leer.
`,
  options: { wave: { type: 'string' } },
  usesStore: true,
  async run({ io, values, positionals, store }) {
    const [path] = requirePositionals(positionals, 1, 1, '<antworten.csv> --wave <id>');
    if (typeof values.wave !== 'string') throw dmError('DM_USAGE', { detail: 'import-responses braucht --wave <id>.' });
    const bytes = await io.readFile(path!);
    const result = await importResponses(await store(), { waveId: values.wave, bytes, fileName: path!, actor: 'cli' });
    io.stdout(`${result.rows} Antworten importiert (${result.inserted} neu, ${result.updated} ersetzt) in Welle „${values.wave}“.\n`);
    return 0;
  },
};
