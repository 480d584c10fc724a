// Plain German for every issue code (architecture habit 5). Messages name IDs from params, since they
// know no instrument; a missing param drops its clause rather than printing "undefined".
import type { Issue } from './issues.js';

type Params = Readonly<Record<string, string | number>>;

/** The German message of one issue, without its location (see formatIssueDe). */
export function messageDe(issue: Issue): string {
  const p: Params = issue.params ?? {};
  switch (issue.code) {
    case 'unknown_variable':
      return `Die Variable ${q(p.variable)} gibt es in diesem Fragebogen nicht.`;
    case 'unknown_option':
      return `Option ${q(p.value)} gibt es bei ${questionOf(issue)} nicht.`;
    case 'invalid_flag':
      return `Bei ${q(p.variable)} ist nur 0 (nicht gewählt) oder 1 (gewählt) erlaubt, nicht ${q(p.value)}.`;
    case 'exclusive_with_others':
      return `Option ${q(p.option)} bei ${questionOf(issue)} schließt andere Angaben aus${clause(', gewählt ist aber auch: ', p.others)}.`;
    case 'too_many_options':
      return `Bei ${questionOf(issue)} sind höchstens ${p.max ?? 3} Optionen erlaubt${clause(', gewählt sind ', p.count)}.`;
    case 'not_asked_but_answered':
      return `${questionOf(issue, 'Diese Frage')} wird nach den übrigen Antworten nicht gestellt, enthält aber eine Antwort${clause(' bei ', qOrNone(p.variable))}. Bitte die Antwort leeren.`;
    case 'invalid_email':
      return `${q(p.value)} ist keine gültige E-Mail-Adresse.`;
    case 'text_too_long':
      return `Der Text ist zu lang${clause(' (', p.length, ' Zeichen)')}${clause('; erlaubt sind höchstens ', p.max, ' Zeichen')}.`;
    case 'control_character':
      return `Der Text enthält ein Steuerzeichen${clause(' (', p.character, ')')}; erlaubt sind Buchstaben, Ziffern, Satzzeichen, Tabulatoren und Zeilenumbrüche.`;
    case 'not_a_number':
      return `${q(p.value)} ist keine ${p.integer ? 'ganze ' : ''}Zahl.`;
    case 'number_out_of_range':
      return `Die Zahl ${q(p.value)} liegt außerhalb des erlaubten Bereichs${clause(' von ', p.min)}${clause(' bis ', p.max)}.`;
    case 'empty_file':
      return 'Die Datei ist leer.';
    case 'header_only':
      return 'Die Datei enthält nur die Kopfzeile, aber keine Datenzeilen.';
    case 'file_too_large':
      return `Die Datei ist zu groß${clause(' (', megabytes(p.size), ')')}${clause('; erlaubt sind höchstens ', megabytes(p.max))}.`;
    case 'invalid_encoding':
      return encodingMessage(p);
    case 'unparseable_csv':
      return `Die CSV-Datei kann nicht gelesen werden: ${csvReason(p.reason)}.`;
    case 'wrong_column_count':
      return p.actual === undefined || p.expected === undefined
        ? 'Die Zeile hat eine andere Zahl an Spalten als die Kopfzeile.'
        : `Die Zeile hat ${p.actual} Spalten, die Kopfzeile ${p.expected}.`;
    case 'missing_column':
      return `Die Spalte ${q(columnOf(issue))} fehlt${clause(' (erwartet als Spalte ', p.position, ')')}.`;
    case 'duplicate_column':
      return `Die Spalte ${q(columnOf(issue))} kommt mehrfach vor${clause(' (zuerst als Spalte ', p.first, ')')}.`;
    case 'unknown_column':
      return `Die Spalte ${q(columnOf(issue))} ist unbekannt.`;
    case 'no_answer_columns':
      return 'Die Datei hat außer „ags“ keine Antwortspalte: Jede Zeile würde eine vorhandene Antwort durch eine leere ersetzen. Erwartet werden die flachen Variablen des Fragebogens (siehe Codebuch).';
    case 'missing_value':
      return `Der Wert${clause(' in Spalte ', qOrNone(columnOf(issue)))} fehlt; er ist Pflicht.`;
    case 'invalid_ags':
      return agsMessage(p);
    case 'duplicate_ags':
      return `Der Gemeindeschlüssel ${q(p.value)} kommt mehrfach vor${clause(' (zuerst in ', rowName(p.first), ')')}.`;
    case 'unknown_ags':
      return `Den Gemeindeschlüssel ${q(p.value)} gibt es im Gemeindeverzeichnis nicht.`;
    case 'invalid_integer':
      return `${q(p.value)} ist keine gültige ganze Zahl (nur Ziffern, ohne Tausenderpunkte).`;
    case 'invalid_decimal':
      return `${q(p.value)} ist keine gültige Dezimalzahl (Punkt als Dezimaltrennzeichen, z. B. 12.5).`;
    case 'unknown_state':
      return `Das Bundesland ${q(p.value)} ist unbekannt.`;
    case 'unknown_unit_type':
      return `Die Gebietsart ${q(p.value)} ist unbekannt.`;
    case 'unknown_district':
      return `Den Kreis ${q(p.value)} gibt es im Kreisverzeichnis nicht.`;
    case 'mapping_not_json':
      return `Die Zuordnungsdatei ist kein gültiges JSON${clause(' (Syntaxfehler bei Zeichen ', p.position, ')')}.`;
    case 'mapping_field_invalid':
      return mappingFieldMessage(p);
    case 'mapping_unknown_variable':
      return `Die Variable ${q(p.variable)} gibt es in diesem Fragebogen nicht (Liste: „digitalmonitor instrument --variables“).`;
    case 'mapping_unknown_option':
      return `${q(p.value)} ist bei der Variable ${q(p.variable)} nicht erlaubt (erlaubt sind ihre Options-IDs, bei Ankreuzvariablen „1“ und „0“).`;
    case 'mapping_duplicate_variable':
      return `Die Variable ${q(p.variable)} ist schon der Spalte ${q(p.first)} zugeordnet; jede Variable darf nur aus einer Spalte kommen.`;
    case 'mapping_answers_not_allowed':
      return `Die Variable ${q(p.variable)} nimmt Zahlen oder Text auf; Antwortcodes („answers“) gibt es dafür nicht.`;
    case 'mapping_unknown_answer_set':
      return `Die Antwortliste ${q(p.value)} gibt es unter „answerSets“ nicht.`;
    case 'mapping_unit_column_mapped':
      return `Die Spalte ${q(p.column)} ist die Spalte des Gemeindeschlüssels („unitColumn“) und darf keiner Variable zugeordnet werden.`;
    case 'mapping_column_missing':
      return `Die Spalte ${q(columnOf(issue))} steht in der Zuordnungsdatei, fehlt aber in der Datei.`;
    case 'unmapped_column':
      return `Die Spalte ${q(columnOf(issue))} ist in der Zuordnungsdatei weder zugeordnet („columns“) noch ausgelassen („ignore“).`;
    case 'unmapped_answer_code':
      return `Der Antwortcode ${q(p.value)} ist in der Zuordnungsdatei für diese Spalte nicht zugeordnet${clause(' (Variable ', qOrNone(p.variable), ')')}. Bitte mit „Antwortcodes“ exportieren, nicht mit „Volle Antworten“.`;
    case 'too_many_issues':
      return `Es gibt ${p.total ?? 'weitere'} Fehler; ${p.shown === undefined ? 'nicht alle' : `nur die ersten ${p.shown}`} werden gemeldet.`;
    default:
      return unreachable(issue.code);
  }
}

/**
 * The message with its location: `[row, column]` → „Zeile 5, Spalte „strategy_status“: …“;
 * `[questionId, itemId]` → „Frage „operator“, Teilfrage „epayment“: …“.
 */
export function formatIssueDe(issue: Issue): string {
  const location = locationDe(issue.path);
  const message = messageDe(issue);
  return location ? `${location}: ${message}` : message;
}

function locationDe(path: Issue['path']): string {
  const [first, second] = path;
  if (typeof first === 'string' && first.startsWith('/')) return `Zuordnungsdatei, Feld ${q(first)}`;
  if (typeof first === 'number') return `Zeile ${first}${second === undefined ? '' : `, Spalte ${q(second)}`}`;
  if (typeof first === 'string') return `Frage ${q(first)}${second === undefined ? '' : `, Teilfrage ${q(second)}`}`;
  return '';
}

const MAPPING_TYPES_DE: Readonly<Record<string, string>> = { string: 'Text', boolean: 'true oder false', object: 'Objekt', array: 'Liste', record: 'Objekt' };

function mappingFieldMessage(p: Params): string {
  if (p.reason === 'unknown_field') return 'Dieses Feld gibt es in einer Zuordnungsdatei nicht.';
  if (p.reason === 'missing') return 'Pflichtfeld fehlt.';
  if (p.reason === 'wrong_type') return `Falscher Typ${clause(', erwartet: ', MAPPING_TYPES_DE[String(p.expected)] ?? p.expected)}.`;
  if (p.reason === 'too_short') return 'Der Wert ist leer oder zu kurz.';
  if (p.reason === 'too_long') return 'Der Wert ist zu lang.';
  return 'Der Wert ist ungültig (siehe docs/limesurvey-mapping.schema.json).';
}

function encodingMessage(p: Params): string {
  const hint = 'Bitte in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.';
  const at = clause(' (erstes ungültiges Zeichen in Zeile ', p.row, ')');
  if (p.encoding === 'windows-1252') {
    return `Die Datei ist nicht in UTF-8 kodiert, sondern vermutlich in Windows-1252 (ANSI)${at}. ${hint}`;
  }
  if (p.encoding === 'utf-16') return `Die Datei ist in UTF-16 kodiert, erwartet wird UTF-8. ${hint}`;
  return `Die Datei ist nicht in UTF-8 kodiert${at}. ${hint}`;
}

function csvReason(reason: string | number | undefined): string {
  if (reason === 'MissingQuotes') return 'ein Anführungszeichen wird nicht geschlossen';
  if (reason === 'InvalidQuotes') return 'nach einem schließenden Anführungszeichen folgen weitere Zeichen';
  return 'ungültiges CSV-Format';
}

function agsMessage(p: Params): string {
  if (p.value === undefined || p.value === '') return 'Der Gemeindeschlüssel fehlt.';
  return `${q(p.value)} ist kein gültiger Gemeindeschlüssel${clause(' (erwartet: ', p.digits, ' Ziffern)')}.`;
}

function questionOf(issue: Issue, unnamed = 'dieser Frage'): string {
  const question = issue.params?.question ?? (typeof issue.path[0] === 'string' ? issue.path[0] : undefined);
  const item = issue.params?.item ?? (typeof issue.path[0] === 'string' ? issue.path[1] : undefined);
  if (question === undefined) return unnamed;
  return `Frage ${q(question)}${item === undefined ? '' : ` (Teilfrage ${q(item)})`}`;
}

function columnOf(issue: Issue): string | number | undefined {
  return issue.params?.column ?? (typeof issue.path[0] === 'number' ? issue.path[1] : undefined);
}

function rowName(first: string | number | undefined): string | undefined {
  return typeof first === 'number' ? `Zeile ${first}` : first;
}

function megabytes(bytes: string | number | undefined): string | undefined {
  if (typeof bytes !== 'number') return undefined;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function q(value: string | number | undefined): string {
  return `„${value ?? ''}“`;
}

function qOrNone(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : q(value);
}

function clause(before: string, value: string | number | undefined, after = ''): string {
  return value === undefined || value === '' ? '' : `${before}${value}${after}`;
}

function unreachable(code: never): never {
  throw new Error(`Unbekannter Fehlercode: ${String(code)}`);
}
