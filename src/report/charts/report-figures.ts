// Abb. 1–10 of the seed, each a function: results → chart specification (bars of shares). The numbers
// come from the results document (read-results.ts); a figure whose numbers are all missing or suppressed
// is returned without rows and shown as a German note.
import type { ChapterId } from '../statements.js';
import { type AnyResults, readsNotAsked, shareOf, type ShareQuery } from '../read-results.js';
import type { BarChartSpec, BarRow } from './bar-chart.js';

export interface ReportFigure {
  /** 1…10 (seed "Abb. 1"). */
  readonly number: number;
  readonly chapter: ChapterId;
  /** Seed caption without "Abb. N: ". */
  readonly caption: string;
  /** What the bars show (base), for the caption and the table. */
  readonly base: string;
  readonly spec: BarChartSpec;
  /**
   * Set when the wave's questionnaire version lacks some of the figure's questions or options (issue 9):
   * their categories are left out; with no rows left the figure is replaced by a note saying so.
   */
  readonly notAsked?: true;
}

interface Entry {
  readonly label: string;
  readonly series?: string;
  readonly query: ShareQuery;
}

function figure(results: AnyResults, number: number, chapter: ChapterId, caption: string, base: string, entries: readonly Entry[], seriesOrder?: readonly string[]): ReportFigure {
  const rows: BarRow[] = [];
  for (const entry of entries) {
    const found = shareOf(results, entry.query);
    if (found) rows.push({ label: entry.label, ...(entry.series === undefined ? {} : { series: entry.series }), share: found.share });
  }
  const categories = [...new Set(entries.map((entry) => entry.label))];
  const id = `abb-${String(number).padStart(2, '0')}`;
  return {
    number,
    chapter,
    caption,
    base,
    spec: { id, alt: altText(number, caption, rows), rows, categories, ...(seriesOrder ? { series: seriesOrder } : {}) },
  };
}

/** The text alternative: caption plus the largest bar. */
function altText(number: number, caption: string, rows: readonly BarRow[]): string {
  const title = /[.?!]$/.test(caption) ? `Abb. ${number}: ${caption}` : `Abb. ${number}: ${caption}.`;
  if (rows.length === 0) return `${title} Keine Werte ausweisbar.`;
  const top = rows.reduce((best, row) => (row.share > best.share ? row : best));
  const which = top.series ? `${top.label} (${top.series})` : top.label;
  return `${title} Balkendiagramm; höchster Anteil: ${which} mit ${Math.round(top.share * 100)} %. Alle Werte in der Tabelle unter der Abbildung.`;
}

const COMPONENTS: readonly [string, string][] = [
  ['formularserver', 'Formularserver'],
  ['epayment', 'E-Payment'],
  ['servicekonto', 'Servicekonto'],
  ['eid', 'eID-Funktion'],
  ['de_mail', 'De-Mail'],
  ['postfach', 'Verwaltungspostfach'],
  ['suche', 'Suchfunktion'],
  ['app', 'Mobile App'],
  ['chatbot', 'Chatbot'],
  ['dms', 'DMS'],
];
const OPERATORS: readonly [string, string][] = [
  ['eigene_it', 'eigene IT'],
  ['kommunaler_dienstleister', 'kommunaler Dienstleister'],
  ['privater_dienstleister', 'privater Dienstleister'],
  ['land', 'Land'],
];
const HELPFULNESS: readonly [string, string][] = [
  ['sehr_hilfreich', 'sehr hilfreich'],
  ['eher_hilfreich', 'eher hilfreich'],
  ['eher_nicht_hilfreich', 'eher nicht hilfreich'],
  ['nicht_hilfreich', 'nicht hilfreich'],
  ['nicht_genutzt', 'nicht genutzt'],
];
const INTENSITY: readonly [string, string][] = [
  ['intensiv', 'intensiv'],
  ['hoch', 'in hohem Maße'],
  ['gering', 'in geringem Maße'],
  ['gar_nicht', 'gar nicht'],
];
const STRATEGY_GROUPS: readonly [string, string][] = [
  ['hat', 'mit Strategie'],
  ['entwickelt', 'Strategie in Entwicklung'],
  ['ohne', 'ohne Strategie'],
];
const TRAININGS: readonly [string, string][] = [
  ['fachverfahren', 'Fachverfahren und Anwendungen'],
  ['trends', 'Technologische Trends'],
  ['arbeitsorganisation', 'Digitale Arbeitsorganisation'],
  ['fuehrung', 'Führung im digitalen Zeitalter'],
  ['datenschutz_sicherheit', 'Datenschutz und IT-Sicherheit'],
];
const FIBER: readonly [string, string][] = [
  ['foerdermittel_einwerben', 'Fördermittel einwerben'],
  ['foerdermittel_bereitstellen', 'Fördermittel bereitstellen'],
  ['kooperation_kommunen', 'Kooperation mit anderen Kommunen'],
  ['kooperation_wirtschaft', 'Kooperation mit der Wirtschaft'],
  ['kooperation_zivilgesellschaft', 'Kooperation mit der Zivilgesellschaft'],
  ['eigener_ausbau', 'eigener Ausbau'],
];
const GROUP_LABELS: readonly { by: string; group: string; label: string }[] = [
  { by: 'vg_strategy', group: 'hat', label: 'mit Strategie' },
  { by: 'vg_strategy', group: 'entwickelt', label: 'Strategie in Entwicklung' },
  { by: 'vg_strategy', group: 'ohne', label: 'ohne Strategie' },
  { by: 'vg_egov', group: 'true', label: 'im E-Government gut aufgestellt' },
  { by: 'vg_egov', group: 'false', label: 'im E-Government nicht gut aufgestellt' },
  { by: 'vg_community', group: 'true', label: 'in der Gemeinschaft engagiert' },
  { by: 'vg_community', group: 'false', label: 'in der Gemeinschaft nicht engagiert' },
];

const FIGURES: readonly ((results: AnyResults) => ReportFigure)[] = [
  (r) =>
    figure(
      r,
      1,
      'egov',
      'IT wird öffentlich betrieben',
      'Kommunen, die die Basiskomponente einsetzen; Mehrfachnennungen',
      COMPONENTS.flatMap(([id, label]) => OPERATORS.map(([op, series]) => ({ label, series, query: { variable: `operator__${id}__${op}`, values: ['1'] } }))),
      OPERATORS.map(([, series]) => series),
    ),
  (r) =>
    figure(
      r,
      2,
      'egov',
      'Wie hilfreich sind die Leistungsbeschreibungen in FIM?',
      'Kommunen, die FIM kennen',
      (['leistungen', 'datenfelder', 'prozesse'] as const).flatMap((part) =>
        HELPFULNESS.map(([value, series]) => ({ label: part === 'leistungen' ? 'Leistungen' : part === 'datenfelder' ? 'Datenfelder' : 'Prozesse', series, query: { variable: `fim_helpfulness__${part}`, values: [value] } })),
      ),
      HELPFULNESS.map(([, series]) => series),
    ),
  (r) =>
    figure(
      r,
      3,
      'daten',
      'Kommunen nutzen Instrumente im Umgang mit ihren Daten in unterschiedlichem Maße',
      'alle Kommunen',
      ([['bestandsaufnahme', 'Systematische Bestandsaufnahme'], ['offenlegung', 'Offenlegung von Daten'], ['bereitstellung', 'Zentrale Bereitstellung']] as const).flatMap(([id, label]) =>
        INTENSITY.map(([value, series]) => ({ label, series, query: { variable: `data_instruments__${id}`, values: [value] } })),
      ),
      INTENSITY.map(([, series]) => series),
    ),
  (r) =>
    figure(
      r,4, 'daten', 'So nutzen Kommunen ihre Daten', 'alle Kommunen; Mehrfachnennungen', [
      { label: 'Personaleinsatz und Terminsteuerung', query: { variable: 'data_uses__personaleinsatz', values: ['1'] } },
      { label: 'Optimierungspotenziale erkennen', query: { variable: 'data_uses__optimierung', values: ['1'] } },
      { label: 'Steuerung', query: { variable: 'data_uses__steuerung', values: ['1'] } },
      { label: 'Vollständige Automatisierung', query: { variable: 'data_uses__automatisierung', values: ['1'] } },
      { label: 'keine Datennutzung', query: { variable: 'data_uses__keine', values: ['1'] } },
    ]),
  (r) =>
    figure(
      r,
      5,
      'strategie',
      'Digitalisierungsstrategien wirken',
      'Kommunen nach Stand der Digitalisierungsstrategie',
      STRATEGY_GROUPS.flatMap(([group, series]) => [
        { label: 'im E-Government gut aufgestellt', series, query: { variable: 'vg_egov', values: ['true'], by: 'vg_strategy', groups: [group] } },
        { label: 'in der örtlichen Gemeinschaft engagiert', series, query: { variable: 'vg_community', values: ['true'], by: 'vg_strategy', groups: [group] } },
      ]),
      STRATEGY_GROUPS.map(([, series]) => series),
    ),
  (r) =>
    figure(
      r,
      6,
      'chefsache',
      'Hier ist Digitalisierung Chefsache',
      'Kommunen der jeweiligen Vergleichsgruppe',
      GROUP_LABELS.map(({ by, group, label }) => ({ label, query: { variable: 'chefsache', values: ['true'], by, groups: [group] } })),
    ),
  (r) =>
    figure(
      r,
      7,
      'kompetenzen',
      'Zu diesen Themen bieten die Kommunen Fortbildungen an',
      'Kommunen nach Stand der Digitalisierungsstrategie',
      TRAININGS.flatMap(([id, label]) => STRATEGY_GROUPS.map(([group, series]) => ({ label, series, query: { variable: `training__${id}`, values: ['angeboten'], by: 'vg_strategy', groups: [group] } }))),
      STRATEGY_GROUPS.map(([, series]) => series),
    ),
  (r) =>
    figure(
      r,
      8,
      'kompetenzen',
      'Kommunen, die die Entwicklung von Digitalkompetenzen der Bürger:innen unterstützen',
      'Kommunen der jeweiligen Vergleichsgruppe; Unterstützung finanziell, logistisch oder anderweitig',
      GROUP_LABELS.map(({ by, group, label }) => ({ label, query: { variable: 'community_support__digitalkompetenz__keine', values: ['0'], by, groups: [group] } })),
    ),
  (r) =>
    figure(
      r,
      9,
      'infrastruktur',
      'Kommunen beteiligen sich an Aufbau oder Betrieb lokaler Glasfasernetze auf verschiedene Weise',
      'alle Kommunen',
      FIBER.flatMap(([id, label]) =>
        ([['ja', 'ja'], ['geplant', 'geplant']] as const).map(([value, series]) => ({ label, series, query: { variable: `fiber__${id}`, values: [value] } })),
      ),
      ['ja', 'geplant'],
    ),
  (r) =>
    figure(
      r,
      10,
      'infrastruktur',
      'Einschätzung der kommunalen Breitbandversorgung',
      'alle Kommunen; Schulnoten',
      ['sehr gut (1)', 'gut (2)', 'befriedigend (3)', 'ausreichend (4)', 'mangelhaft (5)', 'ungenügend (6)'].map((label, i) => ({ label, query: { variable: 'broadband_grade', values: [String(i + 1)] } })),
    ),
];

/** Abb. 1–10 for these results, in order. */
export function reportFigures(results: AnyResults): ReportFigure[] {
  return FIGURES.map((build) => {
    const built = build(results);
    if (!readsNotAsked(results, build)) return built;
    const shown = new Set(built.spec.rows.map((row) => row.label));
    return { ...built, spec: { ...built.spec, categories: built.spec.categories.filter((label) => shown.has(label)) }, notAsked: true };
  });
}
