// Derived variables of 2019 that merely regroup the values of one other variable (derive-variables.ts):
// every cell of theirs is a sum of that variable's cells in the same group, which disclosure control must
// know. Declared from the definitions; a test checks them against deriveVariables on the demo waves.

/** `variable`'s value → the derived variable's value; where the source is missing, so is the derived. */
export interface Recode {
  readonly variable: string;
  readonly values: Readonly<Record<string, string>>;
}

const range = (from: number, to: number, value: string): Record<string, string> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), value]));
const flagOf = (yes: readonly string[], no: readonly string[]): Record<string, string> => ({
  ...Object.fromEntries(yes.map((value) => [value, 'true'])),
  ...Object.fromEntries(no.map((value) => [value, 'false'])),
});
const helpful = flagOf(['sehr_hilfreich', 'eher_hilfreich'], ['eher_nicht_hilfreich', 'nicht_hilfreich', 'nicht_genutzt']);
const high = flagOf(['hoch', 'intensiv'], ['gar_nicht', 'gering', 'weiss_nicht']);

export const DERIVED_RECODES_2019: Readonly<Record<string, Recode>> = Object.freeze({
  egov_band: { variable: 'egov_count', values: { '0': '0', ...range(1, 2, '1-2'), ...range(3, 9, '3+') } },
  // A recode of a recode: vg_egov merges egov_band's values, so each is suppressed against the next finer one.
  vg_egov: { variable: 'egov_band', values: { '0': 'false', '1-2': 'false', '3+': 'true' } },
  community_band: { variable: 'community_count', values: { '0': '0', '1': '1', ...range(2, 8, '2+') } },
  vg_community: { variable: 'community_band', values: { '0': 'false', '1': 'false', '2+': 'true' } },
  vg_strategy: { variable: 'strategy_status', values: { vorhanden: 'hat', in_entwicklung: 'entwickelt', geplant: 'ohne', kein_thema: 'ohne' } },
  broadband_good: { variable: 'broadband_grade', values: flagOf(['1', '2'], ['3', '4', '5', '6']) },
  fim_helpful__leistungen: { variable: 'fim_helpfulness__leistungen', values: helpful },
  fim_helpful__datenfelder: { variable: 'fim_helpfulness__datenfelder', values: helpful },
  fim_helpful__prozesse: { variable: 'fim_helpfulness__prozesse', values: helpful },
  data_high__bestandsaufnahme: { variable: 'data_instruments__bestandsaufnahme', values: high },
  data_high__offenlegung: { variable: 'data_instruments__offenlegung', values: high },
  data_high__bereitstellung: { variable: 'data_instruments__bereitstellung', values: high },
});
