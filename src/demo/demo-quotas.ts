// Exact counts behind published-figures.json: each quota cites the figure it makes hold. Shares in the
// comments are count / base; the base is 412 unless stated (item non-response is planned in
// plan-nonresponse.ts and already taken out of the bases here).

export const DEMO_RESPONDENTS = 412; // figure n

/** Strategy status; vorhanden + in_entwicklung = 243 (59.0 %, figure strategy_or_developing). */
export const STRATEGY_QUOTAS = {
  vorhanden: 58, // 14.1 %, figure strategy_has
  in_entwicklung: 185, // 44.9 %, figure strategy_developing
  geplant: 96,
  kein_thema: 73,
} as const;

export const EGOV_GOOD = 214; // vg_egov: egov_count ≥ 3, 51.9 %; ≤ 2 = 48.1 %, figure egov_half_at_most_two

/** vg_community among vg_egov and among the rest: 122 / 214 = 57.0 %, figure community_among_egov. */
export const COMMUNITY_ENGAGED = { egovGood: 122, egovOther: 68 } as const;

/**
 * Strategy vorhanden by (vg_egov, vg_community): 41 / 214 = 19.2 % among vg_egov (figure
 * strategy_among_egov), 36 / 190 = 18.9 % among vg_community (figure strategy_among_community).
 */
export const STRATEGY_BY_GROUPS = { both: 26, egovOnly: 15, communityOnly: 10, neither: 7 } as const;

/** egov_count among the 198 without vg_egov, best first: 0 → 66 (16.0 %, figure egov_none), 1–2 → 132 (32.0 %, figure egov_one_two). */
export const EGOV_COUNTS_LOW: readonly (readonly [number, number])[] = [[2, 72], [1, 60], [0, 66]];
export const EGOV_COUNTS_HIGH: readonly (readonly [number, number])[] = [[9, 13], [8, 16], [7, 22], [6, 30], [5, 38], [4, 45], [3, 50]];

/** community_count among the 222 without vg_community: 0 → 103 (25.0 %, figure community_none), 1 → 119 (28.9 %, figure community_one). */
export const COMMUNITY_COUNTS_LOW: readonly (readonly [number, number])[] = [[1, 119], [0, 103]];
export const COMMUNITY_COUNTS_HIGH: readonly (readonly [number, number])[] = [[8, 5], [7, 10], [6, 15], [5, 25], [4, 35], [3, 45], [2, 55]];

export const FIM_KNOWN = 119; // 28.9 %, figure fim_known

/** Per FIM item, best first; helpful = sehr + eher: 84 / 119 = 70.6 %, 82 / 119 = 68.9 %, 82 / 117 = 70.1 % (figures fim_helpful_*). */
export const FIM_HELPFULNESS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  leistungen: [['sehr_hilfreich', 25], ['eher_hilfreich', 59], ['nicht_genutzt', 15], ['eher_nicht_hilfreich', 14], ['nicht_hilfreich', 6]],
  datenfelder: [['sehr_hilfreich', 20], ['eher_hilfreich', 62], ['nicht_genutzt', 17], ['eher_nicht_hilfreich', 15], ['nicht_hilfreich', 5]],
  prozesse: [['sehr_hilfreich', 22], ['eher_hilfreich', 60], ['nicht_genutzt', 16], ['eher_nicht_hilfreich', 13], ['nicht_hilfreich', 6]],
};

/** data_instruments, weiss_nicht first (drawn at random), then the scale from the top. */
export const DATA_INSTRUMENTS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  // hoch + intensiv = 111 / 412 = 26.9 %, figure data_inventory_high
  bestandsaufnahme: [['weiss_nicht', 31], ['intensiv', 30], ['hoch', 81], ['gering', 170], ['gar_nicht', 100]],
  // 30 / 408 = 7.4 %, figure data_openness_low
  offenlegung: [['weiss_nicht', 28], ['intensiv', 8], ['hoch', 22], ['gering', 120], ['gar_nicht', 230]],
  // 51 / 408 = 12.5 %, figure data_central_low
  bereitstellung: [['weiss_nicht', 37], ['intensiv', 15], ['hoch', 36], ['gering', 160], ['gar_nicht', 160]],
};

export const DATA_USES = {
  personaleinsatz: 157, // 38.1 %, figure data_use_staff
  optimierung: 128, // 31.1 %, figure data_use_optimise
  automatisierung: 21, // 5.1 %, figure data_use_automation
  steuerung: 140,
} as const;

/** Base of the strategy block: vorhanden + in_entwicklung = 243. */
export const STRATEGY_FIELDS = {
  verwaltung: 235, // 96.7 %, figure field_admin
  infrastruktur: 170, // 70.0 %, figure field_infrastructure
  wirtschaft_handel: 56, // 23.0 %, figure field_economy
  bildung_kultur_wissenschaft: 55, // 22.6 %, figure field_education
  verkehr_mobilitaet: 50, // 20.6 %, figure field_mobility
  partizipation: 44,
  umwelt_energie: 28,
  sicherheit_ordnung: 20,
  gesundheit_pflege: 14,
  sonstiges: 9,
} as const;

/** Figure goals_order: 84.4 % > 65.0 % > 46.1 % > 30.9 %. */
export const STRATEGY_GOALS = {
  effizienz: 205,
  buergernaehe: 158,
  leistungsangebot: 112,
  attraktivitaet: 75, // 30.9 %, figure goal_attractiveness
  daseinsvorsorge: 75, // 30.9 %, figure goal_services
  sonstiges: 8,
} as const;

/** Figure links_order: 52.7 % > 35.4 % > 16.9 %. */
export const STRATEGY_LINKS = {
  keine: 32, // 13.2 %, figure links_none
  it_strategie: 128,
  gesamtstrategie: 86,
  landesstrategie: 52,
  entwicklungskonzept: 41, // 16.9 %, figure links_development_plan
  bundesstrategie: 30,
  andere: 14,
} as const;

/**
 * "Chefsache" (buergermeister, cdo or cio) by stratum of (strategy vorhanden, vg_community): `units`
 * is how many are Chefsache (137 / 412 = 33.3 %, figure chefsache), the rest are role counts.
 * Column sums: admin bm 66 (16.0 %), cdo 62 (15.0 %), cio 49 (11.9 %); community bm 91 (22.1 %),
 * cdo 54 (13.1 %), cio 33 (8.0 %) — figures resp_admin_*, resp_comm_*. With strategy (58): admin cio
 * 17 and cdo 17 (29.3 %), community cdo 14 (24.1 %); community cdo in vg_community 42 / 190 (22.1 %).
 */
export const CHEF_ROLES = [
  { strategy: true, community: true, units: 24, admin_cdo: 12, admin_cio: 11, admin_buergermeister: 7, community_buergermeister: 10, community_cdo: 11, community_cio: 5 },
  { strategy: true, community: false, units: 12, admin_cdo: 5, admin_cio: 6, admin_buergermeister: 4, community_buergermeister: 4, community_cdo: 3, community_cio: 2 },
  { strategy: false, community: true, units: 50, admin_cdo: 25, admin_cio: 17, admin_buergermeister: 25, community_buergermeister: 37, community_cdo: 31, community_cio: 12 },
  { strategy: false, community: false, units: 51, admin_cdo: 20, admin_cio: 15, admin_buergermeister: 30, community_buergermeister: 40, community_cdo: 9, community_cio: 14 },
] as const;

/**
 * Training on trends, work organisation and leadership by strategy group: [angeboten, geplant, nein].
 * in_entwicklung: 20.5–23.2 % offered (figure training_developing_offer), 36.8–40.0 % planned
 * (figure training_developing_planned); trends offered 48.3 % with a strategy, 23.2 % developing one
 * (figure training_strategy_more).
 */
export const TRAINING_DIGITAL: Readonly<Record<'vorhanden' | 'in_entwicklung' | 'ohne', Readonly<Record<string, readonly [number, number, number]>>>> = {
  vorhanden: { trends: [28, 14, 16], arbeitsorganisation: [22, 15, 21], fuehrung: [26, 14, 18] },
  in_entwicklung: { trends: [43, 70, 72], arbeitsorganisation: [40, 74, 71], fuehrung: [38, 68, 79] },
  ohne: { trends: [14, 30, 125], arbeitsorganisation: [16, 28, 125], fuehrung: [10, 25, 134] },
};

export const FIBER_ENGAGED = 307; // of 409 answered: 75.1 %, figure fiber_engaged

/**
 * Broadband grade 1 … 6 within vg_egov (211 answered) and without (195): near-proportional splits of the
 * total [40, 110, 130, 80, 35, 11], X² = 1.70, df = 5, p = 0.89 (figure broadband_egov_independent);
 * 150 / 406 = 36.9 % good (figure broadband_good), 130 / 406 = 32.0 % befriedigend (figure
 * broadband_satisfactory).
 */
export const BROADBAND_GRADES = {
  egovGood: [19, 59, 65, 44, 17, 7],
  egovOther: [21, 51, 65, 36, 18, 4],
} as const;
