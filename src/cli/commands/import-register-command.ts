import { DESTATIS_SOURCE, importRegister } from '../../tasks/import-register.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

export const importRegisterCommand: Command = {
  name: 'import-register',
  summary: 'Gemeindeverzeichnis laden oder ersetzen (gemeinden.csv, kreise.csv)',
  help: `Aufruf: digitalmonitor import-register <gemeinden.csv> [<kreise.csv>] [--reference-date JJJJ-MM-TT] [--population-date JJJJ-MM-TT] [--source <text>]

Lädt das Gemeindeverzeichnis im Format von data/gemeinden.csv und data/kreise.csv und ersetzt das
bisherige in einer Transaktion: alle Zeilen oder keine. Fehlerhafte Zeilen werden mit Zeilennummer und
Spalte gemeldet; dann wird nichts geschrieben. Synthetische Demo-Einheiten bleiben erhalten. Danach steht
da, was sich gegenüber dem bisherigen Verzeichnis geändert hat (neu, entfallen, geändert).
  --reference-date    Gebietsstand (Standard 2024-12-31)
  --population-date   Stichtag der Einwohnerzahlen (Standard 2023-12-31)
  --source            Quellenangabe (Standard: Destatis GV-ISys)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Datei, 4 Datei nicht gefunden, 6 Datenbank nicht verfügbar.
`,
  options: { 'reference-date': { type: 'string' }, 'population-date': { type: 'string' }, source: { type: 'string' } },
  usesStore: true,
  async run({ io, values, positionals, store }) {
    const [gemeindenPath, kreisePath] = requirePositionals(positionals, 1, 2, '<gemeinden.csv> [<kreise.csv>]');
    const gemeinden = await io.readFile(gemeindenPath!);
    const kreise = kreisePath === undefined ? undefined : await io.readFile(kreisePath);
    const result = await importRegister(await store(), {
      gemeinden,
      kreise,
      files: { gemeinden: gemeindenPath!, kreise: kreisePath ?? 'kreise.csv' },
      referenceDate: (values['reference-date'] as string | undefined) ?? '2024-12-31',
      populationDate: (values['population-date'] as string | undefined) ?? '2023-12-31',
      source: (values.source as string | undefined) ?? DESTATIS_SOURCE,
      actor: 'cli',
    });
    const { added, removed, changed } = result.changes;
    const number = (n: number) => n.toLocaleString('de-DE');
    io.stdout(`Gemeindeverzeichnis ersetzt: ${number(result.units)} Einheiten, davon ${result.districts} Landkreise.\n`);
    io.stdout(`Gegenüber dem bisherigen Verzeichnis: ${number(added)} neu, ${number(removed)} entfallen, ${number(changed)} geändert (Name, Einwohnerzahl, Art, Größenklasse, Land oder Kreis).\n`);
    if (removed > 0) io.stdout('Antworten entfallener Kommunen bleiben gespeichert, haben in Auswertungen aber kein Land, keine Art und keine Größenklasse mehr.\n');
    return 0;
  },
};
