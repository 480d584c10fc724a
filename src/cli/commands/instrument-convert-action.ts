// `instrument convert` and `instrument import --from lss|surveyjs` (issue 10 item 3): the German mapping report,
// the validator's issues, then the converted file (convert) or the stored version (import).
import { dmError } from '../../errors.js';
import { findingLine, type ImportFinding } from '../../formats/converted-instrument.js';
import { convertInstrument, importConvertedInstrument, INSTRUMENT_SOURCES, requireQuestions, type ConvertInstrumentResult, type InstrumentSource } from '../../tasks/convert-instrument.js';
import type { CommandContext } from '../command.js';
import type { Io } from '../io.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';

const DRAFT_VERSION = 'entwurf';

/** `validate --from` is `import --from --dry-run`. */
export async function convertAction({ io, values, store }: CommandContext, action: 'convert' | 'import' | 'validate', rest: readonly string[]): Promise<number> {
  const [path] = requirePositionals(rest, 1, 1, `instrument ${action} <datei> --from ${INSTRUMENT_SOURCES.join('|')}${action === 'import' ? ' --version <neu>' : ''}`);
  const from = values.from;
  if (typeof from !== 'string' || !(INSTRUMENT_SOURCES as readonly string[]).includes(from)) {
    throw dmError('DM_USAGE', { detail: `--from ${from === undefined ? 'fehlt' : `„${String(from)}“ gibt es nicht`} (möglich: ${INSTRUMENT_SOURCES.join(', ')}).` });
  }
  const version = values.version as string | undefined;
  if (action === 'import' && version === undefined) throw dmError('DM_USAGE', { detail: 'instrument import --from braucht --version <neue Versionskennung>, z. B. --version 2025.' });
  const input = { from: from as InstrumentSource, bytes: await io.readFile(path!), version: version ?? DRAFT_VERSION, ...(typeof values.previous === 'string' ? { previous: values.previous } : {}), file: path! };
  const db = await store();
  const dryRun = action !== 'import' || values['dry-run'] === true;
  const result = dryRun ? await convertInstrument(db, input) : await importConvertedInstrument(db, input, 'cli');
  const { findings } = result.converted;
  const print = action === 'convert' || values.json ? io.stderr : io.stdout;
  if (!(action !== 'convert' && values.json)) printReport(print, findings);
  requireQuestions(result, path!);
  if (action === 'convert') return writeDraft(io, values.out as string | undefined, result);
  if (!result.check.ok) {
    printIssues(io, result.check.issues);
    throw dmError('DM_INSTRUMENT_FILE_INVALID', { file: path!, count: result.check.issues.length });
  }
  const { instrument } = result.check;
  if (values.json) {
    printJson(io, { version: instrument.version, valid: true, stored: !dryRun, questions: result.questions, questionIds: result.converted.questionIds, findings });
  } else {
    io.stdout(`Fragebogen-Version „${instrument.version}“ ${dryRun ? 'ist gültig (--dry-run: nichts gespeichert)' : 'importiert'}: ${result.questions} Fragen aus ${from === 'lss' ? 'LimeSurvey' : 'SurveyJS'}.\n`);
  }
  return 0;
}

function printReport(print: (text: string) => void, findings: readonly ImportFinding[]): void {
  if (findings.length === 0) return print('Bericht: alles übernommen.\n');
  print(`Bericht: ${findings.length} ${findings.length === 1 ? 'Punkt' : 'Punkte'} nicht oder nur teilweise übernommen:\n`);
  for (const finding of findings) print(`  ${findingLine(finding)}\n`);
}

function printIssues(io: Io, issues: readonly { path: string; message: string }[]): void {
  for (const issue of issues) io.stderr(`  ${issue.path === '' ? '(Datei)' : issue.path}: ${issue.message}\n`);
}

/** The converted file for editing; written even when it still has issues, which are listed (nothing is stored). */
async function writeDraft(io: Io, out: string | undefined, result: ConvertInstrumentResult): Promise<number> {
  const text = `${JSON.stringify(result.converted.document, null, 2)}\n`;
  if (out) await io.writeFile(out, text);
  else io.stdout(text);
  if (!result.check.ok) {
    io.stderr(`Hinweis: so noch nicht importierbar (${result.check.issues.length} Fehler); bitte in der Datei beheben:\n`);
    printIssues(io, result.check.issues);
  } else io.stderr(`Umgewandelt: ${result.questions} Fragen${out ? ` in ${out}` : ''}; importieren mit „digitalmonitor instrument import <datei.json>“.\n`);
  return 0;
}
