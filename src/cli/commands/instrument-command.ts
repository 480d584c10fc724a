import { dmError } from '../../errors.js';
import { diffLines } from '../../instrument/diff-instruments.js';
import { INSTRUMENT_VERSIONS, instrumentByVersion } from '../../instrument/instrument-by-version.js';
import { flatVariables } from '../../instrument/flat-variables.js';
import { instrumentToSurveyJs } from '../../formats/surveyjs-json.js';
import type { FileIssue } from '../../instrument/instrument-file.js';
import { checkInstrumentFile, diffInstrumentVersions, importInstrumentFile, requireInstrument } from '../../tasks/instrument-files.js';
import type { Command, CommandContext } from '../command.js';
import type { Io } from '../io.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';
import { convertAction } from './instrument-convert-action.js';

export const instrumentCommand: Command = {
  name: 'instrument',
  summary: 'Fragebogen als Daten ausgeben (JSON); Versionen als Dateien prüfen, importieren, vergleichen',
  help: `Aufruf: digitalmonitor instrument [--version 2019] [--json] [--variables] [--format surveyjs]
       digitalmonitor instrument validate <datei.json> [--json]
       digitalmonitor instrument import <datei.json>
       digitalmonitor instrument import <datei> --from lss|surveyjs --version <neu> [--previous <v>] [--dry-run] [--json]
       digitalmonitor instrument convert <datei> --from lss|surveyjs [--version <neu>] [--previous <v>] [--out <datei.json>]
       digitalmonitor instrument diff <version-a> <version-b> [--json]

Gibt den Fragebogen (Fragen, Optionen, Filterführung, abgeleitete Variablen) als JSON aus.
  --version <v>   Fragebogen-Version (eingebaut: ${INSTRUMENT_VERSIONS.join(', ')}; dazu importierte)
  --json          JSON ausgeben (Standard)
  --variables     nur die flachen Variablen (CSV-Spalten) mit Wertebereich und Beschriftung
  --format surveyjs  als SurveyJS-Formular (JSON): Seiten, Fragen, Optionen, Filter als visibleIf
validate          prüft eine Fragebogen-Datei (Schema: docs/instrument.schema.json): jeder Fehler mit JSON-Pfad
import            prüft und speichert sie als neue Version (veröffentlichte Versionen sind unveränderlich;
                  aus einer fehlerhaften Datei wird nichts gespeichert)
diff              neue, entfernte und geänderte Fragen, Optionen und Items zweier Versionen
import --from     übernimmt einen Fragebogen aus LimeSurvey (Strukturexport .lss, Version 3 bis 6) oder SurveyJS
                  (JSON): Fragetypen, Optionen, Items, deutsche Texte (englische als labelEn), Filter, soweit
                  abbildbar. Gibt einen Bericht aller nicht übernommenen Teile mit Grund aus, prüft das Ergebnis
                  wie „validate“ und speichert es nur, wenn es gültig ist (--dry-run oder „validate --from“: nur prüfen).
  --version <neu>   Kennung der neuen Version (Pflicht beim Import; bei convert Standard „entwurf“)
  --previous <v>    Vorgängerversion für die Vergleichbarkeit (Fragen mit gleicher ID, gleichem Typ und gleichen
                    Optionen gelten als vergleichbar)
convert           wie import --from, speichert aber nichts: schreibt das Ergebnis als Fragebogen-Datei nach
                  stdout oder --out, zum Bearbeiten und späteren „instrument import <datei.json>“;
                  der Bericht steht auf stderr
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 Datei fehlerhaft, 4 Version oder Datei unbekannt,
5 Version gibt es schon.
`,
  options: {
    version: { type: 'string' },
    json: { type: 'boolean' },
    variables: { type: 'boolean' },
    format: { type: 'string' },
    from: { type: 'string' },
    previous: { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  usesStore: true, // validate, import, diff and imported versions read the database
  async run(context) {
    const { io, values, positionals, store } = context;
    const [action, ...rest] = positionals;
    if (action === 'convert' || ((action === 'import' || action === 'validate') && values.from !== undefined)) return convertAction(context, action, rest);
    if (action === 'validate' || action === 'import') return fileAction(context, action, rest);
    if (action === 'diff') {
      const [a, b] = requirePositionals(rest, 2, 2, 'instrument diff <version-a> <version-b>');
      const { before, after, changes } = await diffInstrumentVersions(await store(), a!, b!);
      if (values.json) printJson(io, changes);
      else io.stdout(`${diffLines(before, after, changes).join('\n')}\n`);
      return 0;
    }
    requirePositionals(positionals, 0, 0, 'instrument [--version <v>] | validate <datei> | import <datei> | diff <a> <b>');
    const version = (values.version as string | undefined) ?? '2019';
    const instrument = instrumentByVersion(version) ?? (await requireInstrument(await store(), version));
    if (values.format !== undefined && values.format !== 'surveyjs') throw dmError('DM_USAGE', { detail: `Format „${String(values.format)}“ gibt es nicht (verfügbar: surveyjs).` });
    printJson(io, values.format === 'surveyjs' ? instrumentToSurveyJs(instrument) : values.variables ? flatVariables(instrument) : instrument);
    return 0;
  },
};

async function fileAction({ io, values, store }: CommandContext, action: 'validate' | 'import', rest: readonly string[]): Promise<number> {
  const [path] = requirePositionals(rest, 1, 1, `instrument ${action} <datei.json>`);
  const bytes = await io.readFile(path!);
  const db = await store();
  const result = action === 'import' ? await importInstrumentFile(db, bytes, 'cli') : await checkInstrumentFile(db, bytes);
  if (!result.ok) {
    printIssues(io, result.issues);
    throw dmError('DM_INSTRUMENT_FILE_INVALID', { file: path!, count: result.issues.length });
  }
  const { version, sections, derived } = result.instrument;
  const questions = sections.reduce((sum, section) => sum + section.questions.length, 0);
  if (values.json) printJson(io, { version, valid: true, questions, derived: derived.length });
  else io.stdout(`Fragebogen-Version „${version}“ ${action === 'import' ? 'importiert' : 'ist gültig'}: ${questions} Fragen, ${derived.length} abgeleitete Variablen.\n`);
  return 0;
}

function printIssues(io: Io, issues: readonly FileIssue[]): void {
  for (const issue of issues) io.stderr(`  ${issue.path === '' ? '(Datei)' : issue.path}: ${issue.message}\n`);
}
