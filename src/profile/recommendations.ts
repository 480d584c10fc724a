// Which of the seed's six Handlungsempfehlungen apply to a unit, each with next steps from its own gaps
// (item values of its scores; docs/digitalprofil.md "Empfehlungen"). Texts of the seed: report/html/seed-texts.
import type { FlatResponse } from '../instrument/model.js';
import { RECOMMENDATIONS } from '../report/html/seed-texts.js';
import { consented } from './peer-finder.js';
import type { ItemScore, ResponseScores } from './score-response.js';

export interface Recommendation {
  /** 1…6 as in the seed. */
  readonly number: number;
  readonly title: string;
  readonly text: string;
  readonly applies: boolean;
  readonly steps: readonly string[];
}

type Values = ReadonlyMap<string, ItemScore>;

const DATA_USES: readonly [string, string][] = [
  ['personaleinsatz', 'Prozesskennzahlen für Personaleinsatz und Terminsteuerung'],
  ['optimierung', 'Identifizierung von Optimierungspotenzialen'],
  ['automatisierung', 'vollständige Automatisierung von Prozessen'],
  ['steuerung', 'Steuerung und Controlling'],
];

export function recommendationsFor(scores: ResponseScores, answers: FlatResponse, peerCount: number): Recommendation[] {
  const values: Values = new Map(scores.areas.flatMap((area) => area.items.map((item) => [item.id, item] as const)));
  const below = (prefix: string, limit = 1) =>
    [...values.values()].filter((item) => item.id.startsWith(prefix) && item.value !== null && item.value < limit);
  const value = (id: string) => values.get(id)?.value ?? null;
  const list = (items: readonly { readonly label: string }[]) => items.map((item) => `„${item.label}“`).join(', ');
  const steps: string[][] = [
    network(below('components__').filter((item) => item.id !== 'components__dms'), list, peerCount, consented(answers)),
    data(below('data_instruments__', 2 / 3), list, value('data_uses'), answers),
    strategy(answers, value),
    silo(value),
    people(below('training__'), list, value('community_support__digitalkompetenz')),
    infrastructure(value, answers),
  ];
  return RECOMMENDATIONS.map((seed, i) => ({ number: i + 1, title: seed.title, text: seed.text, applies: steps[i]!.length > 0, steps: steps[i]! }));
}

function network(missing: readonly { label: string }[], list: (items: readonly { label: string }[]) => string, peers: number, consent: boolean): string[] {
  const steps: string[] = [];
  if (missing.length > 0) {
    steps.push(`Prüfen Sie, welche der Basiskomponenten, die bei Ihnen noch nicht im Einsatz sind (${list(missing)}), Sie gemeinsam mit anderen Kommunen, Ihrem kommunalen IT-Dienstleister oder als Landeslösung nutzen können.`);
  }
  if (peers > 0) steps.push('Fragen Sie die unten genannten Kommunen, die bereits haben, was Ihnen fehlt: „Wo können wir was abgucken? Mit wem machen wir das gemeinsam?“');
  if (!consent) steps.push('Stimmen Sie dem Erfahrungsaustausch zu, damit andere Kommunen Sie ansprechen können und Sie deren Kontaktadressen sehen.');
  return steps;
}

function data(low: readonly { label: string }[], list: (items: readonly { label: string }[]) => string, uses: number | null, answers: FlatResponse): string[] {
  const steps: string[] = [];
  if (low.length > 0) steps.push(`Bauen Sie die Instrumente im Umgang mit Ihren Daten aus, die Sie bisher gar nicht oder nur in geringem Maße einsetzen: ${list(low)}.`);
  if (uses !== null && uses < 1) {
    const unused = DATA_USES.filter(([id]) => answers[`data_uses__${id}`] !== '1').map(([, label]) => label);
    steps.push(`Nutzen Sie Ihre Daten auch für: ${unused.join(', ')}.`);
  }
  return steps;
}

function strategy(answers: FlatResponse, value: (id: string) => number | null): string[] {
  const status = answers['strategy_status'];
  if (status === 'kein_thema' || status === 'geplant') {
    return ['Erarbeiten Sie eine Digitalisierungsstrategie – partizipativ und für Verwaltung und örtliche Gemeinschaft zusammen.'];
  }
  const steps: string[] = [];
  if (status === 'in_entwicklung') steps.push('Bringen Sie Ihre Strategie zum Abschluss und beziehen Sie dabei Verwaltung und örtliche Gemeinschaft gemeinsam ein.');
  if (value('strategy_fields') === 0.5) steps.push('Betrachten Sie in Ihrer Strategie Verwaltung und örtliche Gemeinschaft integriert: Bisher deckt sie nur eine der beiden Seiten ab.');
  if (value('strategy_links') === 0) steps.push('Knüpfen Sie die Strategie an Ihre Gesamtstrategie oder Ihr Stadt- bzw. Kreisentwicklungskonzept an.');
  if (value('strategy_ozg') === 0 && status !== undefined && status !== '') steps.push('Berücksichtigen Sie das Onlinezugangsgesetz (OZG) in Ihrer Strategie.');
  return steps;
}

function silo(value: (id: string) => number | null): string[] {
  const steps: string[] = [];
  const admin = value('responsible_admin');
  const community = value('responsible_community');
  if (admin !== null && admin < 1) {
    steps.push(`Machen Sie die Digitalisierung der Verwaltung zur Chefsache: Verankern Sie die Verantwortung bei der Verwaltungsspitze, einem CDO oder CIO${admin === 0 ? ' – bisher gibt es keine ausdrückliche Zuständigkeit' : ''}.`);
  }
  if (community !== null && community < 1) {
    steps.push(`Steuern Sie auch die Digitalisierung der örtlichen Gemeinschaft aus der Leitungsebene${community === 0 ? ' – bisher ist niemand ausdrücklich zuständig' : ''}.`);
  }
  return steps;
}

function people(training: readonly { label: string }[], list: (items: readonly { label: string }[]) => string, citizens: number | null): string[] {
  const steps: string[] = [];
  if (training.length > 0) steps.push(`Bieten Sie Ihren Mitarbeiter:innen Fortbildungen an zu: ${list(training)}.`);
  if (citizens === 0) steps.push('Unterstützen Sie die Entwicklung von Digitalkompetenzen der Bürger:innen.');
  return steps;
}

function infrastructure(value: (id: string) => number | null, answers: FlatResponse): string[] {
  const steps: string[] = [];
  const fiber = ['foerdermittel_einwerben', 'foerdermittel_bereitstellen', 'kooperation_kommunen', 'kooperation_wirtschaft', 'kooperation_zivilgesellschaft', 'eigener_ausbau'].map(
    (item) => value(`fiber__${item}`),
  );
  if (fiber.every((v) => v !== null && v < 1)) {
    steps.push('Beteiligen Sie sich am Aufbau oder Betrieb lokaler Glasfasernetze, z. B. durch das Einwerben von Fördermitteln oder in Kooperation mit anderen Kommunen.');
  }
  const grade = answers['broadband_grade'];
  if (grade !== undefined && Number(grade) >= 3) {
    steps.push(`Ihre Breitbandversorgung bewerten Sie mit der Note ${grade}: Bleiben Sie am Ausbau dran – und schieben Sie gute E-Government-Angebote deshalb nicht auf, sie passen auch durch langsame Leitungen.`);
  }
  return steps;
}
