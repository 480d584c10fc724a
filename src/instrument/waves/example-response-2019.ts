// A complete, valid response to wave 2019 in flat form, for tests and examples (not a real municipality).
import type { FlatResponse } from '../model.js';

function flags(prefix: string, options: readonly string[], chosen: readonly string[]): Record<string, string> {
  return Object.fromEntries(options.map((option) => [`${prefix}__${option}`, chosen.includes(option) ? '1' : '0']));
}

const OPERATORS = ['eigene_it', 'kommunaler_dienstleister', 'privater_dienstleister', 'land', 'weiss_nicht'];
const SUPPORT = ['finanziell', 'logistisch', 'anderweitig', 'keine'];

/** Every question asked and answered; egov_count 4, community_count 2, data_use_count 2. */
export const exampleResponse2019: FlatResponse = Object.freeze({
  respondent_role: 'cdo',
  strategy_status: 'vorhanden',
  ...flags(
    'strategy_fields',
    ['verwaltung', 'infrastruktur', 'bildung_kultur_wissenschaft', 'verkehr_mobilitaet', 'wirtschaft_handel',
      'gesundheit_pflege', 'umwelt_energie', 'sicherheit_ordnung', 'partizipation', 'sonstiges'],
    ['verwaltung', 'infrastruktur', 'bildung_kultur_wissenschaft'],
  ),
  ...flags(
    'strategy_goals',
    ['effizienz', 'buergernaehe', 'leistungsangebot', 'attraktivitaet', 'daseinsvorsorge', 'sonstiges'],
    ['effizienz', 'buergernaehe'],
  ),
  ...flags(
    'strategy_links',
    ['it_strategie', 'gesamtstrategie', 'entwicklungskonzept', 'bundesstrategie', 'landesstrategie', 'andere', 'keine'],
    ['it_strategie'],
  ),
  strategy_ozg: 'ja',
  components__formularserver: 'im_einsatz',
  components__epayment: 'im_einsatz',
  components__servicekonto: 'geplant',
  components__eid: 'nein',
  components__de_mail: 'nein',
  components__postfach: 'im_einsatz',
  components__suche: 'im_einsatz',
  components__app: 'nein',
  components__chatbot: 'nein',
  components__dms: 'im_einsatz',
  ...flags('operator__formularserver', OPERATORS, ['eigene_it']),
  ...flags('operator__epayment', OPERATORS, ['privater_dienstleister']),
  ...flags('operator__postfach', OPERATORS, ['kommunaler_dienstleister', 'land']),
  ...flags('operator__suche', OPERATORS, ['weiss_nicht']),
  ...flags('operator__dms', OPERATORS, ['eigene_it']),
  fim_known: 'ja',
  fim_helpfulness__leistungen: 'sehr_hilfreich',
  fim_helpfulness__datenfelder: 'nicht_genutzt',
  fim_helpfulness__prozesse: 'eher_nicht_hilfreich',
  data_instruments__bestandsaufnahme: 'hoch',
  data_instruments__offenlegung: 'weiss_nicht',
  data_instruments__bereitstellung: 'gering',
  ...flags('data_uses', ['personaleinsatz', 'optimierung', 'automatisierung', 'steuerung', 'keine'], ['optimierung', 'steuerung']),
  ...flags(
    'responsible_admin',
    ['buergermeister', 'cdo', 'cio', 'it_abteilung', 'organisation', 'stabsstelle', 'fachbereiche', 'niemand'],
    ['cio', 'it_abteilung'],
  ),
  ...flags(
    'responsible_community',
    ['buergermeister', 'cdo', 'cio', 'wirtschaftsfoerderung', 'stadtentwicklung', 'it_abteilung', 'stabsstelle', 'niemand'],
    ['wirtschaftsfoerderung'],
  ),
  training__fachverfahren: 'angeboten',
  training__trends: 'geplant',
  training__arbeitsorganisation: 'nein',
  training__fuehrung: 'geplant',
  training__datenschutz_sicherheit: 'angeboten',
  ...flags('community_support__lokale_wirtschaft', SUPPORT, ['finanziell']),
  ...flags('community_support__startups', SUPPORT, ['keine']),
  ...flags('community_support__digitalkompetenz', SUPPORT, ['keine']),
  ...flags('community_support__wlan', SUPPORT, ['logistisch', 'anderweitig']),
  ...flags('community_support__iot', SUPPORT, ['keine']),
  ...flags('community_support__sharing', SUPPORT, ['keine']),
  ...flags('community_support__ehrenamt', SUPPORT, ['keine']),
  ...flags('community_support__civic_tech', SUPPORT, ['keine']),
  fiber__foerdermittel_einwerben: 'ja',
  fiber__foerdermittel_bereitstellen: 'nein',
  fiber__kooperation_kommunen: 'geplant',
  fiber__kooperation_wirtschaft: 'nein',
  fiber__kooperation_zivilgesellschaft: 'nein',
  fiber__eigener_ausbau: 'nein',
  broadband_grade: '2',
  peer_exchange: 'ja',
  contact_email: 'digital@musterstadt.example',
  comments: 'Danke für die Befragung.',
});
