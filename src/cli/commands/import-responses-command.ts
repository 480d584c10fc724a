import { dmError } from '../../errors.js';
import { importLimeSurveyResponses } from '../../tasks/import-limesurvey-responses.js';
import { importResponses } from '../../tasks/import-responses.js';
import { publicationNote } from '../../tasks/publication.js';
import type { Command, CommandContext } from '../command.js';
import { requirePositionals } from './require-positionals.js';

export const importResponsesCommand: Command = {
  name: 'import-responses',
  summary: 'Antworten aus einer flachen CSV-Datei oder einem LimeSurvey-Export laden (alle Zeilen oder keine)',
  help: `Aufruf: digitalmonitor import-responses <antworten.csv> --wave <id>
       digitalmonitor import-responses <limesurvey.csv> --wave <id> --from limesurvey --mapping <zuordnung.json>

Liest Antworten im flachen CSV-Format (erste Spalte ags, dann je eine Spalte pro flacher Variable; siehe
„digitalmonitor instrument --variables“). UTF-8 mit oder ohne BOM, Komma oder Semikolon (wird erkannt),
auch aus deutschem Excel gespeichert („CSV UTF-8“). Alle Zeilen oder keine: jeder Fehler wird mit Zeile
und Spalte gemeldet, dann wird nichts geschrieben. Vorhandene Antworten derselben Kommune werden ersetzt
(Revisionszähler +1).

Mit --from limesurvey: ein LimeSurvey-Antwortexport (CSV, Überschriften „Fragecode“, Antworten
„Antwortcodes“) wird über die Zuordnungsdatei (JSON, Schema: docs/limesurvey-mapping.schema.json) in
flache Variablen übersetzt: Spalte → Variable, Antwortcode → Options-ID, „unitColumn“ = Spalte mit dem
Gemeindeschlüssel. Danach gelten dieselben Prüfungen; Fehler nennen Zeile und LimeSurvey-Spalte.
Unvollständige Antworten (leeres submitdate) werden übersprungen, außer mit "includeIncomplete": true.

Optionen:
  --wave <id>           Ziel-Welle (Pflicht)
  --from <format>       flat (Vorgabe) oder limesurvey
  --mapping <datei>     Zuordnungsdatei (Pflicht mit --from limesurvey, sonst nicht erlaubt)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Datei, 4 Datei oder Welle unbekannt, 5 Verzeichnis leer.
`,
  options: { wave: { type: 'string' }, from: { type: 'string' }, mapping: { type: 'string' } },
  usesStore: true,
  async run(context) {
    const { io, values, positionals, store } = context;
    const [path] = requirePositionals(positionals, 1, 1, '<antworten.csv> --wave <id>');
    if (typeof values.wave !== 'string') throw dmError('DM_USAGE', { detail: 'import-responses braucht --wave <id>.' });
    const from = values.from ?? 'flat';
    if (from !== 'flat' && from !== 'limesurvey') throw dmError('DM_USAGE', { detail: `--from „${String(from)}“ gibt es nicht (flat oder limesurvey).` });
    if (from === 'limesurvey') return importLimeSurvey(context, path!, values.wave);
    if (values.mapping !== undefined) throw dmError('DM_USAGE', { detail: '--mapping gilt nur mit --from limesurvey.' });
    const bytes = await io.readFile(path!);
    const result = await importResponses(await store(), { waveId: values.wave, bytes, fileName: path!, actor: 'cli' });
    io.stdout(`${result.rows} Antworten importiert (${result.inserted} neu, ${result.updated} ersetzt) in Welle „${values.wave}“.\n`);
    await notePublication(context, values.wave);
    return 0;
  },
};

/** Into a published wave: where the import does (not yet) show. */
async function notePublication({ io, store }: CommandContext, waveId: string): Promise<void> {
  const wave = await (await store()).getWave(waveId);
  const note = wave ? publicationNote(wave) : undefined;
  if (note) io.stderr(`${note}\n`);
}

async function importLimeSurvey(context: CommandContext, path: string, waveId: string): Promise<number> {
  const { io, values, store } = context;
  if (typeof values.mapping !== 'string') throw dmError('DM_USAGE', { detail: '--from limesurvey braucht --mapping <zuordnung.json>.' });
  const mapping = await io.readFile(values.mapping);
  const bytes = await io.readFile(path);
  const result = await importLimeSurveyResponses(await store(), { waveId, bytes, mapping, fileName: path, mappingName: values.mapping, actor: 'cli' });
  const skipped = result.skipped > 0 ? `; ${result.skipped} unvollständige übersprungen` : '';
  io.stdout(`${result.rows} Antworten aus LimeSurvey importiert (${result.inserted} neu, ${result.updated} ersetzt${skipped}) in Welle „${waveId}“.\n`);
  await notePublication(context, waveId);
  return 0;
}
