// Which questions each derivation of 2019 reads (derive-variables.ts), declared: a new version may keep a
// derived variable only when it still has these questions with the same type and every 2019 item and
// option (derivations are code and read the 2019 column names; issue 9, README "Fragebogen-Versionen").
const EGOV = ['components'];
const COMMUNITY = ['community_support'];
const FIM = ['fim_known', 'fim_helpfulness'];
const DATA = ['data_instruments'];

export const DERIVED_INPUTS_2019: Readonly<Record<string, readonly string[]>> = Object.freeze({
  egov_count: EGOV,
  egov_band: EGOV,
  vg_strategy: ['strategy_status'],
  vg_egov: EGOV,
  community_count: COMMUNITY,
  community_band: COMMUNITY,
  vg_community: COMMUNITY,
  fim_helpful__leistungen: FIM,
  fim_helpful__datenfelder: FIM,
  fim_helpful__prozesse: FIM,
  data_high__bestandsaufnahme: DATA,
  data_high__offenlegung: DATA,
  data_high__bereitstellung: DATA,
  data_use_count: ['data_uses'],
  chefsache_admin: ['responsible_admin'],
  chefsache_community: ['responsible_community'],
  chefsache: ['responsible_admin', 'responsible_community'],
  fiber_engaged: ['fiber'],
  broadband_good: ['broadband_grade'],
});
