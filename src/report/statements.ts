// The seed's statements that carry a number (shared/spec/published-figures.json), each written from the
// results document: shares as "14 %" or in words (format-share.ts), comparisons worded by the test
// ("häufiger" only where p < 0.05, otherwise "kein klarer Unterschied", and without a test "ein nicht
// prüfbarer Unterschied"). Change the data, the text changes.
import { capitalise, describeShare, formatDecimal, formatPercent } from './format-share.js';
import { type AnyResults, groupBases, meanOf, pValueOf, readsNotAsked, type Share, shareOf, type ShareQuery } from './read-results.js';

/** Significance level of every comparison in the text (statistics.md). */
export const ALPHA = 0.05;

export type ChapterId = 'blick' | 'methodik' | 'egov' | 'daten' | 'strategie' | 'chefsache' | 'kompetenzen' | 'infrastruktur';

/** One number behind a statement: which published figure, its share (or mean, or p), how it is shown. */
export interface StatementValue {
  readonly figure: string;
  readonly value: number;
  /** 'percent': formatPercent(value) is in the text; 'words': describeShare(value); 'none': used for wording only. */
  readonly shown: 'percent' | 'words' | 'none';
}

export interface Statement {
  readonly id: string;
  readonly chapter: ChapterId;
  /** The ids of published-figures.json this sentence states. */
  readonly figures: readonly string[];
  readonly text: string;
  readonly values: readonly StatementValue[];
}

/** Said where a number is suppressed (disclosure control) or has no respondents. */
export const NOT_SHOWN = 'nicht ausgewiesen (zu wenige Antworten)';

// Bases of the seed, as groups of the groupings of the results document.
const STRATEGY_ACTIVE = { by: 'vg_strategy', groups: ['hat', 'entwickelt'] } as const; // strategy_status ∈ {vorhanden, in_entwicklung}
const STRATEGY_HAS = { by: 'vg_strategy', groups: ['hat'] } as const;
const STRATEGY_DEVELOPING = { by: 'vg_strategy', groups: ['entwickelt'] } as const;
const EGOV_GOOD = { by: 'vg_egov', groups: ['true'] } as const;
const COMMUNITY_ENGAGED = { by: 'vg_community', groups: ['true'] } as const;
/**
 * Size classes of Städte/Gemeinden (register/size-class.ts: gk1 = 400.000 Einwohner und mehr … gk7 = unter
 * 10.000): the three largest against the three smallest; Landkreise (lk1–lk3) stay out of the comparison.
 */
const LARGE_MUNICIPALITIES = ['gk1', 'gk2', 'gk3'];
const SMALL_MUNICIPALITIES = ['gk5', 'gk6', 'gk7'];

type Builder = (results: AnyResults) => Statement;

function share(results: AnyResults, query: ShareQuery): Share | undefined {
  return shareOf(results, query);
}

function pct(value: Share | undefined): string {
  return value ? formatPercent(value.share) : NOT_SHOWN;
}

function words(value: Share | undefined): string {
  return value ? describeShare(value.share) : NOT_SHOWN;
}

/** "Wie viele Kommunen …, wird nicht ausgewiesen (zu wenige Antworten)": a withheld figure as a sentence. */
function withheld(which: string): string {
  return `Wie viele Kommunen ${which}, wird ${NOT_SHOWN}`;
}

/**
 * Two figures in one sentence ("A …, B …"), each clause undefined where its figure is withheld: then that
 * figure is named as withheld (`which`: what the Kommunen do, for each clause) instead of a number.
 */
function pair(first: string | undefined, second: string | undefined, which: readonly [string, string]): string {
  if (first && second) return `${first}, ${second}.`;
  if (first) return `${first}; ${withheld(which[1]).replace(/^W/, 'w')}.`;
  if (second) return `${withheld(which[0])}; ${second}.`;
  return `${withheld(`${which[0]} oder ${which[1]}`)}.`;
}

function value(figure: string, found: Share | undefined, shown: StatementValue['shown']): StatementValue[] {
  return found ? [{ figure, value: found.share, shown }] : [];
}

const flag = (variable: string, values: readonly string[] = ['true']) => ({ variable, values });
const multi = (variable: string) => ({ variable, values: ['1'] });

/** "häufiger"/"seltener" when the test is significant, else undefined (→ "kein klarer Unterschied"). */
function direction(p: number | undefined, higher: number, lower: number): 'häufiger' | 'seltener' | undefined {
  if (p === undefined || p >= ALPHA) return undefined;
  return higher > lower ? 'häufiger' : higher < lower ? 'seltener' : undefined;
}

/**
 * The words for "not significant". Without a test (public: withheld because its table has suppressed cells)
 * nothing was checked, so the text must not claim there is no difference.
 */
function noClearDifference(p: number | undefined): string {
  return p === undefined ? 'ein nicht prüfbarer Unterschied' : 'kein klarer Unterschied';
}

/** "a gegenüber b"; where both are withheld, that the shares are. */
function versus(a: Share | undefined, b: Share | undefined): string {
  return a || b ? `${pct(a)} gegenüber ${pct(b)}` : 'Anteile nicht ausgewiesen, zu wenige Antworten';
}

function pText(p: number | undefined): string {
  if (p === undefined) return 'Test nicht ausgewiesen';
  return p < 0.001 ? 'p < 0,001' : `p = ${formatDecimal(p, 3)}`;
}

export const strategyShares: Builder = (r) => {
  const has = share(r, { variable: 'strategy_status', values: ['vorhanden'] });
  const developing = share(r, { variable: 'strategy_status', values: ['in_entwicklung'] });
  return {
    id: 'strategy_shares',
    chapter: 'blick',
    figures: ['strategy_has', 'strategy_developing'],
    text: `${capitalise(pct(has))} der Kommunen haben bereits eine Digitalisierungsstrategie, weitere ${pct(developing)} entwickeln aktuell eine Strategie.`,
    values: [...value('strategy_has', has, 'percent'), ...value('strategy_developing', developing, 'percent')],
  };
};

export const egovComponents: Builder = (r) => {
  const none = share(r, { variable: 'egov_count', values: ['0'] });
  const oneTwo = share(r, { variable: 'egov_count', values: ['1', '2'] });
  return {
    id: 'egov_components',
    chapter: 'blick',
    figures: ['egov_none', 'egov_one_two'],
    text: pair(
      none && `${capitalise(pct(none))} der Kommunen setzen keine dieser Basiskomponenten ein`,
      oneTwo && `${pct(oneTwo)} nur eine oder zwei`,
      ['keine dieser Basiskomponenten einsetzen', 'nur eine oder zwei einsetzen'],
    ),
    values: [...value('egov_none', none, 'percent'), ...value('egov_one_two', oneTwo, 'percent')],
  };
};

export const communityOffers: Builder = (r) => {
  const none = share(r, { variable: 'community_count', values: ['0'] });
  const one = share(r, { variable: 'community_count', values: ['1'] });
  return {
    id: 'community_offers',
    chapter: 'blick',
    figures: ['community_none', 'community_one'],
    text: pair(
      none && `${capitalise(words(none))} der Kommunen unterstützt keines der genannten Angebote`,
      one && `${words(one)} unterstützen nur eines finanziell, logistisch oder anderweitig`,
      ['keines der genannten Angebote unterstützen', 'nur eines finanziell, logistisch oder anderweitig unterstützen'],
    ),
    values: [...value('community_none', none, 'words'), ...value('community_one', one, 'words')],
  };
};

export const strategyAmongGroups: Builder = (r) => {
  const egov = share(r, { variable: 'strategy_status', values: ['vorhanden'], ...EGOV_GOOD });
  const community = share(r, { variable: 'strategy_status', values: ['vorhanden'], ...COMMUNITY_ENGAGED });
  const same = egov && community && formatPercent(egov.share) === formatPercent(community.share);
  const text = same
    ? `Jeweils ${pct(egov)} der Kommunen, die im E-Government gut aufgestellt sind oder sich in ihrer örtlichen Gemeinschaft engagieren, haben auch eine Digitalisierungsstrategie.`
    : `${capitalise(pct(egov))} der Kommunen, die im E-Government gut aufgestellt sind, und ${pct(community)} der Kommunen, die sich in ihrer örtlichen Gemeinschaft engagieren, haben auch eine Digitalisierungsstrategie.`;
  return {
    id: 'strategy_among_groups',
    chapter: 'blick',
    figures: ['strategy_among_egov', 'strategy_among_community'],
    text,
    values: [...value('strategy_among_egov', egov, 'percent'), ...value('strategy_among_community', community, 'percent')],
  };
};

export const communityAmongEgov: Builder = (r) => {
  const found = share(r, { variable: 'vg_community', values: ['true'], ...EGOV_GOOD });
  return {
    id: 'community_among_egov',
    chapter: 'blick',
    figures: ['community_among_egov'],
    text: `${capitalise(pct(found))} der Kommunen, die im E-Government gut aufgestellt sind, sind auch in ihrer örtlichen Gemeinschaft engagiert.`,
    values: value('community_among_egov', found, 'percent'),
  };
};

/**
 * Large (gk1–gk3) against small municipalities (gk5–gk7), worded by the document's test of the whole
 * `variable` × size_class table (Landkreise included there); the seed's figure uses population thirds.
 */
function bySize(r: AnyResults, variable: string, values: readonly string[]) {
  const large = share(r, { variable, values, by: 'size_class', groups: LARGE_MUNICIPALITIES });
  const small = share(r, { variable, values, by: 'size_class', groups: SMALL_MUNICIPALITIES });
  const p = pValueOf(r, variable, 'size_class');
  return { large, small, p, word: large && small ? direction(p, large.share, small.share) : undefined };
}

export const strategyBySize: Builder = (r) => {
  const active = bySize(r, 'vg_strategy', ['hat', 'entwickelt']);
  const noTopic = bySize(r, 'strategy_status', ['kein_thema']);
  const first = active.word
    ? `Größere Kommunen haben ${active.word} eine Digitalisierungsstrategie oder entwickeln eine (${pct(active.large)} gegenüber ${pct(active.small)} der kleineren; ${pText(active.p)})`
    : `Zwischen größeren und kleineren Kommunen zeigt sich bei der Digitalisierungsstrategie ${noClearDifference(active.p)} (${versus(active.large, active.small)}; ${pText(active.p)})`;
  const second = noTopic.word
    ? `; größere Kommunen geben ${noTopic.word === 'häufiger' ? 'häufiger' : 'weniger häufig'} an, dass dies für sie (noch) kein Thema sei (${pct(noTopic.large)} gegenüber ${pct(noTopic.small)}).`
    : `; bei der Angabe, dies sei (noch) kein Thema, zeigt sich ${noClearDifference(noTopic.p)} (${versus(noTopic.large, noTopic.small)}).`;
  return {
    id: 'strategy_by_size',
    chapter: 'blick',
    figures: ['strategy_by_size', 'kein_thema_by_size'],
    text: first + second,
    values: [
      ...value('strategy_by_size:large', active.large, 'percent'),
      ...value('strategy_by_size:small', active.small, 'percent'),
      ...value('kein_thema_by_size:large', noTopic.large, 'percent'),
      ...value('kein_thema_by_size:small', noTopic.small, 'percent'),
    ],
  };
};

export const egovBySize: Builder = (r) => {
  const egov = bySize(r, 'vg_egov', ['true']);
  const text = egov.word
    ? `Größere Städte und Gemeinden sind ${egov.word} im Bereich E-Government gut aufgestellt (${pct(egov.large)} gegenüber ${pct(egov.small)}; ${pText(egov.p)}).`
    : `Zwischen größeren und kleineren Städten und Gemeinden zeigt sich im E-Government ${noClearDifference(egov.p)} (${versus(egov.large, egov.small)}; ${pText(egov.p)}).`;
  return {
    id: 'egov_by_size',
    chapter: 'blick',
    figures: ['egov_by_size'],
    text,
    values: [...value('egov_by_size:large', egov.large, 'percent'), ...value('egov_by_size:small', egov.small, 'percent')],
  };
};

export const respondents: Builder = (r) => ({
  id: 'respondents',
  chapter: 'methodik',
  figures: ['n'],
  text: `${r.n} Kommunen haben an der Befragung teilgenommen.`,
  values: [{ figure: 'n', value: r.n, shown: 'none' }],
});

export const egovAtMostTwo: Builder = (r) => {
  const found = share(r, { variable: 'egov_count', values: ['0', '1', '2'] });
  return {
    id: 'egov_at_most_two',
    chapter: 'egov',
    figures: ['egov_half_at_most_two'],
    text: found
      ? `${capitalise(words(found))} der Kommunen hat nicht mehr als zwei der neun abgefragten Basiskomponenten im Einsatz (vgl. Titelseite).`
      : `${withheld('nicht mehr als zwei der neun abgefragten Basiskomponenten im Einsatz haben')}.`,
    values: value('egov_half_at_most_two', found, 'words'),
  };
};

export const fim: Builder = (r) => {
  const known = share(r, flag('fim_known', ['ja']));
  const parts = (['leistungen', 'datenfelder', 'prozesse'] as const).map((part) => share(r, flag(`fim_helpful__${part}`)));
  const [leistungen, datenfelder, prozesse] = parts;
  return {
    id: 'fim',
    chapter: 'egov',
    figures: ['fim_known', 'fim_helpful_leistungen', 'fim_helpful_datenfelder', 'fim_helpful_prozesse'],
    text:
      `Leistungen (${pct(leistungen)}), Datenfelder (${pct(datenfelder)}) und Prozesse (${pct(prozesse)}) werden von den Kommunen, die FIM kennen, als hilfreich bezeichnet. ` +
      `Dies sind aber nur ${pct(known)} aller Kommunen.`,
    values: [
      ...value('fim_helpful_leistungen', leistungen, 'percent'),
      ...value('fim_helpful_datenfelder', datenfelder, 'percent'),
      ...value('fim_helpful_prozesse', prozesse, 'percent'),
      ...value('fim_known', known, 'percent'),
    ],
  };
};

export const dataInstruments: Builder = (r) => {
  const inventory = share(r, flag('data_high__bestandsaufnahme'));
  const openness = share(r, flag('data_high__offenlegung'));
  const central = share(r, flag('data_high__bereitstellung'));
  return {
    id: 'data_instruments',
    chapter: 'daten',
    figures: ['data_inventory_high', 'data_openness_low', 'data_central_low'],
    text:
      `Eine systematische Bestandsaufnahme wird von ${pct(inventory)} der Kommunen intensiv oder in hohem Maße betrieben, ` +
      `die Offenlegung von Daten von ${pct(openness)} und die zentrale Bereitstellung von ${pct(central)}.`,
    values: [...value('data_inventory_high', inventory, 'percent'), ...value('data_openness_low', openness, 'percent'), ...value('data_central_low', central, 'percent')],
  };
};

export const dataUses: Builder = (r) => {
  const staff = share(r, multi('data_uses__personaleinsatz'));
  const optimise = share(r, multi('data_uses__optimierung'));
  const automation = share(r, multi('data_uses__automatisierung'));
  return {
    id: 'data_uses',
    chapter: 'daten',
    figures: ['data_use_staff', 'data_use_optimise', 'data_use_automation'],
    text:
      `${capitalise(pct(staff))} der Kommunen nutzen Prozesskennzahlen für die Optimierung ihres Personaleinsatzes und zur Terminsteuerung, ${pct(optimise)} zur Identifizierung von Optimierungspotenzialen. ` +
      `${capitalise(pct(automation))} der Kommunen geben an, bereits Prozesse vollständig automatisiert zu haben.`,
    values: [...value('data_use_staff', staff, 'percent'), ...value('data_use_optimise', optimise, 'percent'), ...value('data_use_automation', automation, 'percent')],
  };
};

export const dataUseByStrategy: Builder = (r) => {
  const has = meanOf(r, 'data_use_count', 'vg_strategy', 'hat');
  const without = meanOf(r, 'data_use_count', 'vg_strategy', 'ohne');
  const p = pValueOf(r, 'data_use_count', 'vg_strategy');
  const word = has !== undefined && without !== undefined ? direction(p, has, without) : undefined;
  const means = has !== undefined && without !== undefined ? `im Mittel ${formatDecimal(has)} gegenüber ${formatDecimal(without)} Nutzungsformen; ${pText(p)}` : NOT_SHOWN;
  const text =
    word === 'häufiger'
      ? `Eine Strategie geht im Mittel mit einer breiteren Datennutzung einher (${means}).`
      : word === 'seltener'
        ? `Kommunen mit Strategie nutzen Daten im Mittel weniger breit als Kommunen ohne Strategie (${means}).`
        : `Zwischen Kommunen mit und ohne Strategie zeigt sich bei der Breite der Datennutzung ${noClearDifference(p)} (${means}).`;
  return {
    id: 'data_use_by_strategy',
    chapter: 'daten',
    figures: ['data_use_by_strategy'],
    text,
    values: [...(has === undefined ? [] : [{ figure: 'data_use_by_strategy:hat', value: has, shown: 'none' as const }]), ...(without === undefined ? [] : [{ figure: 'data_use_by_strategy:ohne', value: without, shown: 'none' as const }])],
  };
};

export const strategyOrDeveloping: Builder = (r) => {
  const found = share(r, { variable: 'strategy_status', values: ['vorhanden', 'in_entwicklung'] });
  const lead = found && found.share > 0.5 ? 'Über die Hälfte' : found ? capitalise(formatPercent(found.share)) : capitalise(NOT_SHOWN);
  return {
    id: 'strategy_or_developing',
    chapter: 'strategie',
    figures: ['strategy_or_developing'],
    text: `${lead} der befragten Kommunen (${pct(found)}) hat bereits eine Digitalisierungsstrategie oder entwickelt sie derzeit.`,
    values: value('strategy_or_developing', found, 'percent'),
  };
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  verwaltung: 'Verwaltungshandeln',
  infrastruktur: 'digitale Infrastruktur',
  bildung_kultur_wissenschaft: 'Bildung, Kultur und Wissenschaft',
  verkehr_mobilitaet: 'Verkehr und Mobilität',
  wirtschaft_handel: 'Wirtschaft und Handel',
};

export const strategyFields: Builder = (r) => {
  const field = (name: string) => share(r, { ...multi(`strategy_fields__${name}`), ...STRATEGY_ACTIVE });
  const [admin, infra, education, mobility, economy] = ['verwaltung', 'infrastruktur', 'bildung_kultur_wissenschaft', 'verkehr_mobilitaet', 'wirtschaft_handel'].map(field);
  return {
    id: 'strategy_fields',
    chapter: 'strategie',
    figures: ['field_admin', 'field_infrastructure', 'field_education', 'field_mobility', 'field_economy'],
    text:
      `${capitalise(pct(admin))} der Kommunen mit Strategie oder Strategieprozess nennen das ${FIELD_LABELS.verwaltung} als eines der drei wichtigsten Handlungsfelder, ` +
      `${pct(infra)} die ${FIELD_LABELS.infrastruktur}. ` +
      `Gesellschaftspolitische Themen folgen: ${FIELD_LABELS.bildung_kultur_wissenschaft} (${pct(education)}), ${FIELD_LABELS.verkehr_mobilitaet} (${pct(mobility)}) sowie ${FIELD_LABELS.wirtschaft_handel} (${pct(economy)}).`,
    values: [
      ...value('field_admin', admin, 'percent'),
      ...value('field_infrastructure', infra, 'percent'),
      ...value('field_education', education, 'percent'),
      ...value('field_mobility', mobility, 'percent'),
      ...value('field_economy', economy, 'percent'),
    ],
  };
};

const GOAL_LABELS: Readonly<Record<string, string>> = {
  effizienz: 'die Effizienz und Effektivität der Verwaltung',
  buergernaehe: 'die bürgernahe und offene Verwaltung',
  leistungsangebot: 'ein erweitertes Leistungsangebot der Verwaltung',
  attraktivitaet: 'die Attraktivität der Kommune zu stärken',
  daseinsvorsorge: 'Angebote der kommunalen Daseinsvorsorge weiterzuentwickeln',
};

/**
 * An option's share among municipalities with or developing a strategy. Where that pair of groups is
 * withheld (public: a suppressed cell in the by-vg_strategy table) and no other group was asked the question
 * (2019: show-if strategy_status ∈ {vorhanden, in_entwicklung}), the overall table has the same base and n.
 */
function strategyActiveShare(r: AnyResults, variable: string): Share | undefined {
  const found = share(r, { ...multi(variable), ...STRATEGY_ACTIVE });
  if (found) return found;
  const others = groupBases(r, variable, STRATEGY_ACTIVE.by).filter(({ group }) => !(STRATEGY_ACTIVE.groups as readonly string[]).includes(group));
  return others.every(({ base }) => base === 0) ? share(r, multi(variable)) : undefined;
}

/** Options ranked by share, largest first (ties in the given order). */
function ranked(r: AnyResults, prefix: string, options: readonly string[]) {
  return options
    .map((option, index) => ({ option, index, found: strategyActiveShare(r, `${prefix}__${option}`) }))
    .sort((a, b) => (b.found?.share ?? -1) - (a.found?.share ?? -1) || a.index - b.index);
}

export const strategyGoals: Builder = (r) => {
  const order = ranked(r, 'strategy_goals', ['effizienz', 'buergernaehe', 'leistungsangebot', 'attraktivitaet']);
  const top = order.slice(0, 3).map((entry, i) => `${i + 1}. ${GOAL_LABELS[entry.option]} (${pct(entry.found)})`);
  const attractiveness = strategyActiveShare(r, 'strategy_goals__attraktivitaet');
  const services = strategyActiveShare(r, 'strategy_goals__daseinsvorsorge');
  return {
    id: 'strategy_goals',
    chapter: 'strategie',
    figures: ['goals_order', 'goal_attractiveness', 'goal_services'],
    text:
      `Die drei am häufigsten genannten Ziele sind ${top.join(', ')}. ` +
      `Das Ziel, ${GOAL_LABELS.attraktivitaet}, verfolgen ${pct(attractiveness)} der Kommunen, das Ziel, ${GOAL_LABELS.daseinsvorsorge}, ${pct(services)}.`,
    values: [
      ...order.slice(0, 3).flatMap((entry) => value(`goals_order:${entry.option}`, entry.found, 'percent')),
      ...value('goal_attractiveness', attractiveness, 'percent'),
      ...value('goal_services', services, 'percent'),
    ],
  };
};

const LINK_LABELS: Readonly<Record<string, string>> = {
  it_strategie: 'die kommunale IT-Strategie',
  gesamtstrategie: 'die kommunale Gesamtstrategie',
  entwicklungskonzept: 'übergreifende Stadt- oder Kreisentwicklungskonzepte',
};

export const strategyLinks: Builder = (r) => {
  const order = ranked(r, 'strategy_links', ['it_strategie', 'gesamtstrategie', 'entwicklungskonzept']);
  const plan = strategyActiveShare(r, 'strategy_links__entwicklungskonzept');
  const none = strategyActiveShare(r, 'strategy_links__keine');
  const [first, second, third] = order;
  return {
    id: 'strategy_links',
    chapter: 'strategie',
    figures: ['links_order', 'links_development_plan', 'links_none'],
    text:
      `An andere Konzepte knüpfen die Strategien in dieser Reihenfolge an: ${LINK_LABELS[first!.option]} (${pct(first!.found)}), ${LINK_LABELS[second!.option]} (${pct(second!.found)}) und ${LINK_LABELS[third!.option]} (${pct(third!.found)}). ` +
      `${plan ? `Übergreifende Stadt- oder Kreisentwicklungskonzepte nennen damit ${words(plan)} der Kommunen` : `Wie viele Kommunen übergreifende Stadt- oder Kreisentwicklungskonzepte nennen, wird ${NOT_SHOWN}`}; ` +
      `${none ? `${pct(none)} geben an, dass ihre Strategie an keine anderen Strategien oder Konzepte anknüpft` : `wie viele an keine anderen Strategien oder Konzepte anknüpfen, wird ${NOT_SHOWN}`}.`,
    values: [
      ...order.flatMap((entry) => value(`links_order:${entry.option}`, entry.found, 'percent')),
      ...value('links_development_plan', plan, 'words'),
      ...value('links_none', none, 'percent'),
    ],
  };
};

export const chefsache: Builder = (r) => {
  const found = share(r, flag('chefsache'));
  return {
    id: 'chefsache',
    chapter: 'chefsache',
    figures: ['chefsache'],
    text: `In ${found ? `${formatPercent(found.share)} der Kommunen – ${describeShare(found.share)} –` : NOT_SHOWN} ist die Digitalisierung der Verwaltung und in der örtlichen Gemeinschaft »Chefsache«, d. h. sie wird von (Ober-)Bürgermeister:in oder Landrat/Landrätin, CDO oder CIO auf der oberen Leitungsebene mitverantwortet.`,
    values: value('chefsache', found, 'percent'),
  };
};

/**
 * "häufiger"/"kein klarer Unterschied" for one option of a responsibility question, in a group vs. the
 * rest. The test is the document's test of the whole `variable` × `by` table (all groups of `by`).
 */
function groupComparison(r: AnyResults, variable: string, by: string, inGroup: string, others: readonly string[]): string {
  const within = share(r, { ...multi(variable), by, groups: [inGroup] });
  const rest = share(r, { ...multi(variable), by, groups: others });
  const p = pValueOf(r, variable, by);
  const word = within && rest ? direction(p, within.share, rest.share) : undefined;
  return word ? `deutlich ${word} als in den übrigen Kommunen mit ${pct(rest)}` : `${noClearDifference(p)} zu den übrigen Kommunen mit ${pct(rest)}`;
}

export const responsibleAdmin: Builder = (r) => {
  const [mayor, cdo, cio] = ['buergermeister', 'cdo', 'cio'].map((role) => share(r, multi(`responsible_admin__${role}`)));
  const cioHas = share(r, { ...multi('responsible_admin__cio'), ...STRATEGY_HAS });
  const cdoHas = share(r, { ...multi('responsible_admin__cdo'), ...STRATEGY_HAS });
  return {
    id: 'responsible_admin',
    chapter: 'chefsache',
    figures: ['resp_admin_mayor', 'resp_admin_cdo', 'resp_admin_cio', 'resp_admin_cio_with_strategy', 'resp_admin_cdo_with_strategy'],
    text:
      `Für die Digitalisierung in der Verwaltung ist in ${pct(mayor)} der Kommunen das Büro von (Ober-)Bürgermeister:in oder Landrat/Landrätin mitverantwortlich, in ${pct(cdo)} ein CDO und in ${pct(cio)} ein CIO. ` +
      `In Kommunen mit einer Digitalisierungsstrategie liegt die Verantwortung zu ${pct(cioHas)} bei einem CIO (${groupComparison(r, 'responsible_admin__cio', 'vg_strategy', 'hat', ['entwickelt', 'ohne'])}) ` +
      `und zu ${pct(cdoHas)} bei einem CDO (${groupComparison(r, 'responsible_admin__cdo', 'vg_strategy', 'hat', ['entwickelt', 'ohne'])}).`,
    values: [
      ...value('resp_admin_mayor', mayor, 'percent'),
      ...value('resp_admin_cdo', cdo, 'percent'),
      ...value('resp_admin_cio', cio, 'percent'),
      ...value('resp_admin_cio_with_strategy', cioHas, 'percent'),
      ...value('resp_admin_cdo_with_strategy', cdoHas, 'percent'),
      ...value('resp_admin_cio_without_strategy', share(r, { ...multi('responsible_admin__cio'), by: 'vg_strategy', groups: ['entwickelt', 'ohne'] }), 'percent'),
      ...value('resp_admin_cdo_without_strategy', share(r, { ...multi('responsible_admin__cdo'), by: 'vg_strategy', groups: ['entwickelt', 'ohne'] }), 'percent'),
    ],
  };
};

export const responsibleCommunity: Builder = (r) => {
  const [mayor, cdo, cio] = ['buergermeister', 'cdo', 'cio'].map((role) => share(r, multi(`responsible_community__${role}`)));
  const cdoHas = share(r, { ...multi('responsible_community__cdo'), ...STRATEGY_HAS });
  const cdoEngaged = share(r, { ...multi('responsible_community__cdo'), ...COMMUNITY_ENGAGED });
  return {
    id: 'responsible_community',
    chapter: 'chefsache',
    figures: ['resp_comm_mayor', 'resp_comm_cdo', 'resp_comm_cio', 'resp_comm_cdo_with_strategy', 'resp_comm_cdo_engaged'],
    text:
      `Die Digitalisierung in der örtlichen Gemeinschaft gestaltet in ${pct(mayor)} der befragten Kommunen (Ober-)Bürgermeister:in oder Landrat/Landrätin mit, in ${pct(cdo)} ein CDO und in ${pct(cio)} ein CIO. ` +
      `CDOs geben ${pct(cdoHas)} der Kommunen an, die bereits eine Strategie haben (${groupComparison(r, 'responsible_community__cdo', 'vg_strategy', 'hat', ['entwickelt', 'ohne'])}), ` +
      `und ${pct(cdoEngaged)} der Kommunen, die sich besonders in der örtlichen Gemeinschaft engagieren (${groupComparison(r, 'responsible_community__cdo', 'vg_community', 'true', ['false'])}).`,
    values: [
      ...value('resp_comm_mayor', mayor, 'percent'),
      ...value('resp_comm_cdo', cdo, 'percent'),
      ...value('resp_comm_cio', cio, 'percent'),
      ...value('resp_comm_cdo_with_strategy', cdoHas, 'percent'),
      ...value('resp_comm_cdo_engaged', cdoEngaged, 'percent'),
      ...value('resp_comm_cdo_without_strategy', share(r, { ...multi('responsible_community__cdo'), by: 'vg_strategy', groups: ['entwickelt', 'ohne'] }), 'percent'),
      ...value('resp_comm_cdo_not_engaged', share(r, { ...multi('responsible_community__cdo'), by: 'vg_community', groups: ['false'] }), 'percent'),
    ],
  };
};

const TRAINING_TOPICS = ['trends', 'arbeitsorganisation', 'fuehrung'] as const;
const TRAINING_LABELS: Readonly<Record<(typeof TRAINING_TOPICS)[number], string>> = {
  trends: 'Trends',
  arbeitsorganisation: 'digitaler Arbeitsorganisation',
  fuehrung: 'digitalen Führungskompetenzen',
};

export const trainingByStrategy: Builder = (r) => {
  const has = share(r, { variable: 'training__trends', values: ['angeboten'], ...STRATEGY_HAS });
  const developing = share(r, { variable: 'training__trends', values: ['angeboten'], ...STRATEGY_DEVELOPING });
  const p = pValueOf(r, 'training__trends', 'vg_strategy');
  const word = has && developing ? direction(p, has.share, developing.share) : undefined;
  const text = word
    ? `Kommunen, die bereits eine Digitalisierungsstrategie haben, bieten ihren Mitarbeiter:innen ${word} Fortbildungen zu technologischen Trends an als Kommunen, die eine Strategie entwickeln (${pct(has)} gegenüber ${pct(developing)}).`
    : `Bei Fortbildungen zu technologischen Trends zeigt sich zwischen Kommunen mit Strategie und Kommunen, die eine entwickeln, ${noClearDifference(p)} (${versus(has, developing)}).`;
  return {
    id: 'training_by_strategy',
    chapter: 'kompetenzen',
    figures: ['training_strategy_more'],
    text,
    values: [...value('training_strategy_more:hat', has, 'percent'), ...value('training_strategy_more:entwickelt', developing, 'percent')],
  };
};

export const trainingDeveloping: Builder = (r) => {
  const of = (status: string) => TRAINING_TOPICS.map((topic) => ({ topic, found: share(r, { variable: `training__${topic}`, values: [status], ...STRATEGY_DEVELOPING }) }));
  const offered = of('angeboten');
  const planned = of('geplant');
  const list = (entries: typeof offered) => entries.map((entry) => `${TRAINING_LABELS[entry.topic]} ${pct(entry.found)}`).join(', ');
  return {
    id: 'training_developing',
    chapter: 'kompetenzen',
    figures: ['training_developing_offer', 'training_developing_planned'],
    text:
      `Von den Kommunen, die derzeit eine Strategie entwickeln, bieten Fortbildungen an zu ${list(offered)}. ` +
      `Solche Fortbildungen planen derzeit: zu ${list(planned)}.`,
    values: [
      ...offered.flatMap((entry) => value(`training_developing_offer:${entry.topic}`, entry.found, 'percent')),
      ...planned.flatMap((entry) => value(`training_developing_planned:${entry.topic}`, entry.found, 'percent')),
    ],
  };
};

export const fiberEngaged: Builder = (r) => {
  const found = share(r, flag('fiber_engaged'));
  return {
    id: 'fiber_engaged',
    chapter: 'infrastruktur',
    figures: ['fiber_engaged'],
    text: found
      ? `${capitalise(words(found))} der befragten Kommunen (${pct(found)}) engagieren sich beim Aufbau oder Betrieb lokaler Glasfasernetze.`
      : `${withheld('sich beim Aufbau oder Betrieb lokaler Glasfasernetze engagieren')}.`,
    values: value('fiber_engaged', found, 'percent'),
  };
};

export const broadbandGrades: Builder = (r) => {
  const good = share(r, { variable: 'broadband_grade', values: ['1', '2'] });
  const satisfactory = share(r, { variable: 'broadband_grade', values: ['3'] });
  return {
    id: 'broadband_grades',
    chapter: 'infrastruktur',
    figures: ['broadband_good', 'broadband_satisfactory'],
    text: `Auf einer Schulnotenskala geben ${pct(good)} ihrer Breitbandversorgung ein gut oder sehr gut, ${pct(satisfactory)} ein befriedigend.`,
    values: [...value('broadband_good', good, 'percent'), ...value('broadband_satisfactory', satisfactory, 'percent')],
  };
};

export const broadbandByGroups: Builder = (r) => {
  const engaged = share(r, { variable: 'broadband_good', values: ['true'], ...COMMUNITY_ENGAGED });
  const others = share(r, { variable: 'broadband_good', values: ['true'], by: 'vg_community', groups: ['false'] });
  const pCommunity = pValueOf(r, 'broadband_good', 'vg_community');
  const word = engaged && others ? direction(pCommunity, engaged.share, others.share) : undefined;
  const community = word
    ? `Kommunen mit stärkerem Engagement in der örtlichen Gemeinschaft bewerten ihre Infrastruktur ${word === 'häufiger' ? 'häufiger' : 'seltener'} als gut oder sehr gut (${pct(engaged)} gegenüber ${pct(others)}).`
    : `Zwischen Kommunen mit und ohne stärkeres Engagement in der örtlichen Gemeinschaft zeigt sich bei der Bewertung der Infrastruktur ${noClearDifference(pCommunity)} (${versus(engaged, others)}).`;
  const p = pValueOf(r, 'broadband_grade', 'vg_egov');
  const egov =
    p === undefined
      ? `Ob die Positionierung beim E-Government mit der wahrgenommenen Infrastrukturgüte zusammenhängt, lässt sich hier nicht prüfen (${pText(p)}).`
      : p < ALPHA
        ? `Die Positionierung beim E-Government hängt mit der wahrgenommenen Infrastrukturgüte zusammen (${pText(p)}).`
        : `Die Positionierung beim E-Government hängt nicht erkennbar mit der wahrgenommenen Infrastrukturgüte zusammen (kein klarer Unterschied; ${pText(p)}).`;
  return {
    id: 'broadband_by_groups',
    chapter: 'infrastruktur',
    figures: ['broadband_by_community', 'broadband_egov_independent'],
    text: `${community} ${egov}`,
    values: [
      ...value('broadband_by_community:true', engaged, 'percent'),
      ...value('broadband_by_community:false', others, 'percent'),
      ...(p === undefined ? [] : [{ figure: 'broadband_egov_independent', value: p, shown: 'none' as const }]),
    ],
  };
};

/** Every statement builder in the seed's order. */
export const STATEMENT_BUILDERS: readonly Builder[] = [
  strategyShares,
  egovComponents,
  communityOffers,
  strategyAmongGroups,
  communityAmongEgov,
  strategyBySize,
  egovBySize,
  respondents,
  egovAtMostTwo,
  fim,
  dataInstruments,
  dataUses,
  dataUseByStrategy,
  strategyOrDeveloping,
  strategyFields,
  strategyGoals,
  strategyLinks,
  chefsache,
  responsibleAdmin,
  responsibleCommunity,
  trainingByStrategy,
  trainingDeveloping,
  fiberEngaged,
  broadbandGrades,
  broadbandByGroups,
];

/**
 * All statements of the report, in the seed's order; left out: those reading a question, derived variable
 * or option the wave's questionnaire version does not have (issue 9).
 */
export function buildStatements(results: AnyResults): Statement[] {
  return STATEMENT_BUILDERS.flatMap((build) => (readsNotAsked(results, build) ? [] : [build(results)]));
}
