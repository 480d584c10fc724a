// The derived variables of wave 2019 (instrument.md "Derived variables"; missing rule: statistics.md).
// Values are deriveVariables' strings; definitions are for the codebook.
const flag = ['true', 'false'] as const;
const counts = (max: number): readonly string[] => Array.from({ length: max + 1 }, (_, i) => String(i));

const fimItems = [
  ['leistungen', 'Leistungen'],
  ['datenfelder', 'Datenfelder'],
  ['prozesse', 'Prozesse'],
] as const;
const dataItems = [
  ['bestandsaufnahme', 'Systematische Bestandsaufnahme der vorhandenen Daten'],
  ['offenlegung', 'Offenlegung von Daten / Open Data'],
  ['bereitstellung', 'Zentrale Bereitstellung von Daten'],
] as const;

const strict = 'Fehlt, wenn eine der zugrunde liegenden Antworten fehlt.';

export const derived2019 = [
  {
    id: 'egov_count',
    label: 'Anzahl eingesetzter Basiskomponenten',
    definition: `Anzahl der neun Basiskomponenten (ohne DMS) mit components = im_einsatz (0–9). ${strict}`,
    values: counts(9),
  },
  {
    id: 'egov_band',
    label: 'Eingesetzte Basiskomponenten (gruppiert)',
    definition: 'egov_count gruppiert: 0 · 1-2 · 3+.',
    values: ['0', '1-2', '3+'],
  },
  {
    id: 'vg_strategy',
    label: 'Vergleichsgruppe Strategie',
    definition: 'hat (strategy_status = vorhanden) · entwickelt (in_entwicklung) · ohne (geplant, kein_thema).',
    values: ['hat', 'entwickelt', 'ohne'],
  },
  {
    id: 'vg_egov',
    label: 'Vergleichsgruppe E-Government gut aufgestellt',
    definition: 'egov_count ≥ 3.',
    values: flag,
  },
  {
    id: 'community_count',
    label: 'Anzahl unterstützter Angebote in der örtlichen Gemeinschaft',
    definition: `Anzahl der Angebote aus community_support, die finanziell, logistisch oder anderweitig unterstützt werden (0–8). ${strict}`,
    values: counts(8),
  },
  {
    id: 'community_band',
    label: 'Unterstützte Angebote in der örtlichen Gemeinschaft (gruppiert)',
    definition: 'community_count gruppiert: 0 · 1 · 2+.',
    values: ['0', '1', '2+'],
  },
  {
    id: 'vg_community',
    label: 'Vergleichsgruppe in der örtlichen Gemeinschaft engagiert',
    definition: 'community_count ≥ 2.',
    values: flag,
  },
  ...fimItems.map(([item, label]) => ({
    id: `fim_helpful__${item}` as const,
    label: `FIM-Baustein „${label}“ hilfreich`,
    definition: `fim_helpfulness__${item} ∈ {sehr_hilfreich, eher_hilfreich}; nicht_genutzt zählt als nein. Basis: fim_known = ja und Baustein beantwortet.`,
    values: flag,
  })),
  ...dataItems.map(([item, label]) => ({
    id: `data_high__${item}` as const,
    label: `In hohem Maße eingesetzt: ${label}`,
    definition: `data_instruments__${item} ∈ {hoch, intensiv}; weiss_nicht zählt als nein und gehört zur Basis.`,
    values: flag,
  })),
  {
    id: 'data_use_count',
    label: 'Anzahl der Datennutzungen',
    definition: `Anzahl der gewählten data_uses ohne „keine“ (0–4). ${strict}`,
    values: counts(4),
  },
  {
    id: 'chefsache_admin',
    label: 'Digitalisierung der Verwaltung ist Chefsache',
    definition: `responsible_admin enthält buergermeister, cdo oder cio. ${strict}`,
    values: flag,
  },
  {
    id: 'chefsache_community',
    label: 'Digitalisierung der örtlichen Gemeinschaft ist Chefsache',
    definition: `responsible_community enthält buergermeister, cdo oder cio. ${strict}`,
    values: flag,
  },
  {
    id: 'chefsache',
    label: 'Digitalisierung ist Chefsache',
    definition: `chefsache_admin oder chefsache_community. ${strict}`,
    values: flag,
  },
  {
    id: 'fiber_engaged',
    label: 'Beteiligung an Glasfasernetzen',
    definition: `Mindestens ein fiber-Punkt = ja. ${strict}`,
    values: flag,
  },
  {
    id: 'broadband_good',
    label: 'Breitbandversorgung gut',
    definition: 'broadband_grade ∈ {1, 2}.',
    values: flag,
  },
] as const;
