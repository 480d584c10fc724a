// The scoring of the 2019 questionnaire (docs/digitalprofil.md "Formeln"): what every answer is worth in
// its area. Absolute: the same answers give the same score in every wave that uses this scoring.
import type { FlatResponse } from '../instrument/model.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import { chosenCount, isFilled, multiAnswered, scaleItem } from './item-rules.js';
import type { AreaScoring, Scoring, ScoredItem } from './scoring-types.js';

const index = instrumentIndex(instrument2019);
const itemsOf = (question: string) => {
  const q = index.questionById.get(question);
  return q && 'items' in q ? q.items : [];
};
const columnsOf = (question: string, prefix = `${question}__`) =>
  (index.variablesOfQuestion.get(question) ?? []).map((v) => v.name).filter((name) => name.startsWith(prefix));

const IN_USE = { im_einsatz: 1, geplant: 0.25, nein: 0 };
const OFFERED = { angeboten: 1, geplant: 0.25, nein: 0 };
const ENGAGED = { ja: 1, geplant: 0.25, nein: 0 };
const INTENSITY = { gar_nicht: 0, gering: 1 / 3, hoch: 2 / 3, intensiv: 1, weiss_nicht: 0 };
const CHEF = ['buergermeister', 'cdo', 'cio'];
const STRATEGY_ASKED = ['vorhanden', 'in_entwicklung'];

/** Strategy follow-up questions: 0 when the status says there is no strategy (not asked), null when unknown. */
function strategyItem(id: string, label: string, rule: string, value: (flat: FlatResponse) => number | null): ScoredItem {
  return {
    id,
    label,
    weight: 1,
    rule: `${rule}; ohne Strategie (nicht gefragt) = 0`,
    questions: [id, 'strategy_status'],
    value: (flat) => {
      const status = flat['strategy_status'];
      if (!isFilled(status)) return null;
      return STRATEGY_ASKED.includes(status) ? value(flat) : 0;
    },
  };
}

const COMMUNITY_FIELDS = ['infrastruktur', 'bildung_kultur_wissenschaft', 'verkehr_mobilitaet', 'wirtschaft_handel', 'gesundheit_pflege', 'umwelt_energie', 'sicherheit_ordnung', 'partizipation'];

function integratedFields(flat: FlatResponse): number | null {
  const all = columnsOf('strategy_fields');
  if (!multiAnswered(flat, all)) return null;
  const admin = flat['strategy_fields__verwaltung'] === '1';
  const community = COMMUNITY_FIELDS.some((field) => flat[`strategy_fields__${field}`] === '1');
  return admin && community ? 1 : admin || community ? 0.5 : 0;
}

function responsibility(question: string, label: string): ScoredItem {
  const all = columnsOf(question);
  const chef = CHEF.map((option) => `${question}__${option}`);
  const explicit = all.filter((column) => !column.endsWith('__niemand'));
  return {
    id: question,
    label,
    weight: 1,
    rule: 'Leitungsebene (Bürgermeister:in/Landrat, CDO oder CIO) = 1, andere ausdrückliche Zuständigkeit = 0,5, keine = 0',
    value: (flat) => {
      const chefCount = chosenCount(flat, all, chef);
      if (chefCount === null) return null;
      if (chefCount > 0) return 1;
      return (chosenCount(flat, all, explicit) ?? 0) > 0 ? 0.5 : 0;
    },
  };
}

function communityItem(item: { readonly id: string; readonly label: string }): ScoredItem {
  const all = columnsOf('community_support', `community_support__${item.id}__`);
  const supported = ['finanziell', 'logistisch', 'anderweitig'].map((option) => `community_support__${item.id}__${option}`);
  return {
    id: `community_support__${item.id}`,
    label: item.label,
    weight: 1,
    rule: 'finanziell, logistisch oder anderweitig unterstützt = 1, nicht unterstützt = 0',
    value: (flat) => {
      const count = chosenCount(flat, all, supported);
      return count === null ? null : count > 0 ? 1 : 0;
    },
  };
}

const dataUses: ScoredItem = {
  id: 'data_uses',
  label: 'Nutzung der Daten',
  weight: 3,
  rule: 'Anzahl der gewählten Nutzungen (ohne „keine“) / 4',
  value: (flat) => {
    const all = columnsOf('data_uses');
    const count = chosenCount(flat, all, all.filter((column) => column !== 'data_uses__keine'));
    return count === null ? null : count / 4;
  },
};

const areas: readonly AreaScoring[] = [
  {
    id: 'e_government',
    label: 'E-Government',
    items: [
      ...itemsOf('components').map((item) => scaleItem(`components__${item.id}`, item.label, IN_USE)),
      scaleItem('fim_known', 'Föderales Informationsmanagement (FIM) bekannt', { ja: 1, nein: 0 }),
    ],
  },
  {
    id: 'daten',
    label: 'Daten',
    items: [...itemsOf('data_instruments').map((item) => scaleItem(`data_instruments__${item.id}`, item.label, INTENSITY)), dataUses],
  },
  {
    id: 'strategie',
    label: 'Strategie',
    items: [
      scaleItem('strategy_status', 'Digitalisierungsstrategie', { vorhanden: 1, in_entwicklung: 0.5, geplant: 0.25, kein_thema: 0 }, 2),
      strategyItem('strategy_fields', 'Verwaltung und örtliche Gemeinschaft integriert', 'Verwaltungshandeln und ein Handlungsfeld der örtlichen Gemeinschaft = 1, nur eines von beiden = 0,5', integratedFields),
      strategyItem('strategy_links', 'Anknüpfung an andere Strategien', 'knüpft an mindestens eine Strategie an = 1, keine = 0', (flat) => {
        const all = columnsOf('strategy_links');
        const count = chosenCount(flat, all, all.filter((column) => column !== 'strategy_links__keine'));
        return count === null ? null : count > 0 ? 1 : 0;
      }),
      strategyItem('strategy_ozg', 'Onlinezugangsgesetz berücksichtigt', 'ja = 1, nein oder kein E-Government-Feld = 0', (flat) => {
        const value = flat['strategy_ozg'];
        return isFilled(value) ? (value === 'ja' ? 1 : 0) : null;
      }),
    ],
  },
  {
    id: 'verantwortung',
    label: 'Verantwortung',
    items: [
      responsibility('responsible_admin', 'Verantwortung für die Digitalisierung der Verwaltung'),
      responsibility('responsible_community', 'Verantwortung für die Digitalisierung der örtlichen Gemeinschaft'),
    ],
  },
  {
    id: 'kompetenzen',
    label: 'Kompetenzen',
    items: itemsOf('training').map((item) => scaleItem(`training__${item.id}`, item.label, OFFERED)),
  },
  {
    id: 'oertliche_gemeinschaft',
    label: 'Örtliche Gemeinschaft',
    items: itemsOf('community_support').map(communityItem),
  },
  {
    id: 'infrastruktur',
    label: 'Infrastruktur',
    items: [
      ...itemsOf('fiber').map((item) => scaleItem(`fiber__${item.id}`, item.label, ENGAGED)),
      scaleItem('broadband_grade', 'Breitbandversorgung (Schulnote)', { '1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0 }, 2),
    ],
  },
];

// What a unit can learn from a peer that has it fully (item value 1): issue 7 "Peer finder".
const peerTopics: Record<string, string> = {
  ...Object.fromEntries(itemsOf('components').filter((item) => item.id !== 'dms').map((item) => [`components__${item.id}`, 'Basiskomponente'])),
  strategy_status: 'Digitalisierungsstrategie',
  responsible_admin: 'Chefsache (Verwaltung)',
  responsible_community: 'Chefsache (örtliche Gemeinschaft)',
  ...Object.fromEntries(itemsOf('training').map((item) => [`training__${item.id}`, 'Fortbildungsangebot'])),
  ...Object.fromEntries(itemsOf('community_support').map((item) => [`community_support__${item.id}`, 'Angebot in der örtlichen Gemeinschaft'])),
};

export const SCORING_2019: Scoring = Object.freeze({ id: 'digitalprofil-2019-1', areas, peerTopics });
