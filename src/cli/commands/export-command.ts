import { dmError } from '../../errors.js';
import { LICENSES, type OpenDataLicense } from '../../opendata/dcat-dataset.js';
import { DEFAULT_OPEN_DATA } from '../../tasks/export-open-data.js';
import { EXPORT_FORMATS, exportWave, FOLDER_FORMATS, isExportFormat } from '../../tasks/export-wave.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

const USAGE = `export --wave <id> --format ${EXPORT_FORMATS.join('|')} --out <pfad>`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Mikrodaten (CSV, Excel-CSV, XLSX, SPSS, R), Codebuch und offene Daten exportieren',
  help: `Aufruf: digitalmonitor ${USAGE} [--intern] [--weighted]

Schreibt die Antworten der Welle. Dateien entstehen erst vollständig (temporär, dann umbenannt):
bei einem Fehler bleibt keine halbe Datei und kein halber Ordner zurück.
  --format csv        flache CSV (shared/spec/interfaces.md): Komma, Options-IDs, alle Antworten
                      einschließlich Entwürfen; Freitext und E-Mail nur mit --intern. Mit --intern liest
                      import-responses sie unverändert wieder ein (Import → Export → Import ergibt
                      dieselbe Datei). --out - = Standardausgabe.
  --format csv-excel  CSV für deutsches Excel: UTF-8 mit BOM, Semikolon, Dezimalkomma, CRLF, Codes wie
                      SPSS/R; Freitexte, die mit =, +, -, @, Tabulator oder Wagenrücklauf beginnen,
                      bekommen ein vorangestelltes ' (Formel-Injektion); beim Import die Spalte ags als
                      Text wählen, sonst fällt die führende Null weg
  --format xlsx       Excel-Arbeitsmappe: Blätter „Daten“, „Variablen“, „Wertelabels“
  --format spss       Ordner mit daten.csv und daten.sps (Variablen- und Wertelabels, fehlende Werte,
                      Messniveaus); „pspp daten.sps“ im Ordner schreibt daten.sav
  --format r          Ordner mit daten.csv und daten.R (Faktoren mit deutschen Beschriftungen; fehlend:
                      „nicht gefragt“/„nicht beantwortet“); source("daten.R", encoding = "UTF-8")
  --format codebook   Ordner mit codebuch.html und codebuch.json (Fragetext, Typ, Optionen, Filter,
                      Definition abgeleiteter Variablen, ungewichtete Häufigkeiten)
  --format opendata   Ordner mit tabellen.csv, tabellen.json (alle Tabellen mit Geheimhaltung: keine
                      Zelle unter k, Sekundärsperrung) und dcat.jsonld (DCAT-AP.de 3.0)
Nur abgeschickte Antworten (außer csv). Codes: -1 nicht gefragt (Filterführung), -2 nicht beantwortet.
  --intern            mit direkten Identifikatoren (Kontakt-E-Mail, Anmerkungen); nur für Admins, nie
                      ohne diese Angabe
  --weighted          mit Gewicht (Raking auf Größenklasse und Land, wie analyze --weighted)
  --license dl-de/by-2-0|cc-by/4.0   Lizenz der offenen Daten (Standard dl-de/by-2-0)
  --publisher <name>  Herausgeber der offenen Daten (Standard „${DEFAULT_OPEN_DATA.publisher}“)
  --contact <e-mail>  Kontakt der offenen Daten (Standard: die Download-Seite unter BASE_URL)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft (z. B. unbekanntes Format), 3 Ausgabe nicht schreibbar,
4 Welle unbekannt, 5 Welle ohne abgeschickte Antworten, 6 Datenbank nicht verfügbar.
`,
  options: {
    wave: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    intern: { type: 'boolean' },
    weighted: { type: 'boolean' },
    license: { type: 'string' },
    publisher: { type: 'string' },
    contact: { type: 'string' },
  },
  usesStore: true,
  async run({ io, values, positionals, store, config }) {
    requirePositionals(positionals, 0, 0, USAGE);
    const { wave, format = 'csv', out, license = DEFAULT_OPEN_DATA.license, publisher = DEFAULT_OPEN_DATA.publisher, contact } = values as Record<string, string | undefined>;
    if (!wave || !out) throw dmError('DM_USAGE', { detail: 'export braucht --wave <id> und --out <pfad>.' });
    if (!isExportFormat(format)) {
      throw dmError('DM_USAGE', { detail: `Format „${format}“ wird nicht unterstützt (verfügbar: ${EXPORT_FORMATS.join(', ')}).` });
    }
    if (!Object.hasOwn(LICENSES, license)) throw dmError('DM_USAGE', { detail: `Lizenz „${license}“ unbekannt (möglich: ${Object.keys(LICENSES).join(', ')}).` });
    if (values.weighted === true && (format === 'csv' || format === 'opendata')) {
      throw dmError('DM_USAGE', { detail: `--weighted gibt es für csv-excel, xlsx, spss, r und codebook; ${format === 'csv' ? 'die flache CSV zum Wiedereinlesen' : 'die offenen Daten'} haben kein Gewicht.` });
    }
    const folder = FOLDER_FORMATS.includes(format);
    if (out === '-' && format !== 'csv' && format !== 'csv-excel') {
      throw dmError('DM_USAGE', { detail: `--out - (Standardausgabe) gibt es nur für csv und csv-excel; ${format} braucht einen ${folder ? 'Ordner' : 'Dateinamen'}.` });
    }
    const output = await exportWave(await store(), {
      waveId: wave,
      format,
      intern: values.intern === true,
      actor: 'cli',
      weighted: values.weighted === true,
      openData: { license: license as OpenDataLicense, publisher, contactEmail: contact, baseUrl: config.baseUrl.replace(/\/$/, '') },
    });
    if (output.demo) io.stderr(`Hinweis: Welle „${wave}“ enthält synthetische Demo-Daten, keine Angaben echter Kommunen.\n`);
    if (out === '-') {
      io.stdout(String(output.files[0]!.data));
      return 0;
    }
    if (folder) {
      if (!io.writeFolder) throw dmError('DM_FILE_UNWRITABLE', { path: out, detail: 'Ordner werden hier nicht unterstützt' });
      await io.writeFolder(out, output.files);
    } else {
      await io.writeFile(out, output.files[0]!.data);
    }
    io.stderr(`Export geschrieben: ${out}${folder ? ` (${output.files.map((file) => file.name).join(', ')})` : ''}\n`);
    return 0;
  },
};
