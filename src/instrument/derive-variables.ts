// The derived variables of wave 2019 (instrument.md "Derived variables") with the strict missing rule of
// statistics.md "Missing values": a value is null when any answer it depends on is missing.
import type { FlatResponse, Instrument, Question } from './model.js';
import type { DerivedVariableId2019 } from './waves/instrument-2019.js';
import { instrument2019 } from './waves/instrument-2019.js';
import { instrumentIndex } from './instrument-index.js';

export type DerivedValues = Readonly<Record<DerivedVariableId2019, string | null>>;

/** The options of responsible_admin and responsible_community that make digitalisation "Chefsache". */
export const CHEF_OPTIONS: readonly string[] = ['buergermeister', 'cdo', 'cio'];
const NOT_BASISKOMPONENTE = 'dms'; // instrument.md C: counted among operated components, not among the nine

// Column names, computed once: deriveVariables runs per respondent on up to 1e6 rows.
const columns = (() => {
  const index = instrumentIndex(instrument2019);
  const question = (id: string): Question => {
    const q = index.questionById.get(id);
    if (!q) throw new Error(`Frage „${id}“ fehlt im Fragebogen 2019`);
    return q;
  };
  const names = (id: string): string[] => (index.variablesOfQuestion.get(id) ?? []).map((v) => v.name);
  const items = (id: string): string[] => {
    const q = question(id);
    return 'items' in q ? q.items.map((item) => item.id) : [];
  };
  const optionColumns = (id: string, optionIds: readonly string[]): string[] => optionIds.map((o) => `${id}__${o}`);
  const communityOptions = ['finanziell', 'logistisch', 'anderweitig'];
  return {
    components: items('components').filter((i) => i !== NOT_BASISKOMPONENTE).map((i) => `components__${i}`),
    community: items('community_support').map((item) => ({
      all: names('community_support').filter((n) => n.startsWith(`community_support__${item}__`)),
      supported: optionColumns(`community_support__${item}`, communityOptions),
    })),
    fimItems: items('fim_helpfulness'),
    dataItems: items('data_instruments'),
    dataUses: names('data_uses'),
    dataUsesCounted: names('data_uses').filter((n) => n !== 'data_uses__keine'),
    admin: names('responsible_admin'),
    adminChef: optionColumns('responsible_admin', CHEF_OPTIONS),
    communityResp: names('responsible_community'),
    communityChef: optionColumns('responsible_community', CHEF_OPTIONS),
    fiber: names('fiber'),
  };
})();

/**
 * The derived variables `instrument` declares, for one response. An imported version keeps a 2019
 * derivation only with all of its inputs (validate-instrument-file.ts); the others are left out, not null.
 */
export function deriveDeclared(instrument: Instrument, flat: FlatResponse): Readonly<Record<string, string | null>> {
  const all: Readonly<Record<string, string | null>> = deriveVariables(flat);
  if (instrument.derived.length === Object.keys(all).length) return all;
  return Object.fromEntries(instrument.derived.map((derived) => [derived.id, all[derived.id] ?? null]));
}

/** Every derived variable of wave 2019 for one response; values as in the instrument's `derived` domains. */
export function deriveVariables(flat: FlatResponse): DerivedValues {
  const egovCount = countIfAll(flat, columns.components, (v) => v === 'im_einsatz');
  const communityCount = communitySupportCount(flat);
  const chefAdmin = chefsache(flat, columns.admin, columns.adminChef);
  const chefCommunity = chefsache(flat, columns.communityResp, columns.communityChef);
  return {
    egov_count: countString(egovCount),
    egov_band: band(egovCount, ['0', '1-2', '1-2', '3+']),
    vg_strategy: strategyGroup(flat['strategy_status']),
    vg_egov: egovCount === null ? null : flag(egovCount >= 3),
    community_count: countString(communityCount),
    community_band: band(communityCount, ['0', '1', '2+']),
    vg_community: communityCount === null ? null : flag(communityCount >= 2),
    ...fimHelpful(flat),
    ...dataHigh(flat),
    data_use_count: countString(multiCount(flat, columns.dataUses, columns.dataUsesCounted)),
    chefsache_admin: chefAdmin === null ? null : flag(chefAdmin),
    chefsache_community: chefCommunity === null ? null : flag(chefCommunity),
    chefsache: chefAdmin === null || chefCommunity === null ? null : flag(chefAdmin || chefCommunity),
    fiber_engaged: nullableFlag(countIfAll(flat, columns.fiber, (v) => v === 'ja'), (n) => n > 0),
    broadband_good: broadbandGood(flat['broadband_grade']),
  };
}

function broadbandGood(grade: string | undefined): string | null {
  return isFilled(grade) ? flag(grade === '1' || grade === '2') : null;
}

function strategyGroup(status: string | undefined): string | null {
  if (status === 'vorhanden') return 'hat';
  if (status === 'in_entwicklung') return 'entwickelt';
  if (status === 'geplant' || status === 'kein_thema') return 'ohne';
  return null;
}

type FimHelpfulId = Extract<DerivedVariableId2019, `fim_helpful__${string}`>;
type DataHighId = Extract<DerivedVariableId2019, `data_high__${string}`>;

function fimHelpful(flat: FlatResponse): Record<FimHelpfulId, string | null> {
  const known = flat['fim_known'] === 'ja';
  const result: Record<string, string | null> = {};
  for (const item of columns.fimItems) {
    const value = flat[`fim_helpfulness__${item}`];
    result[`fim_helpful__${item}`] = known && isFilled(value) ? flag(value === 'sehr_hilfreich' || value === 'eher_hilfreich') : null;
  }
  return result as Record<FimHelpfulId, string | null>;
}

function dataHigh(flat: FlatResponse): Record<DataHighId, string | null> {
  const result: Record<string, string | null> = {};
  for (const item of columns.dataItems) {
    const value = flat[`data_instruments__${item}`];
    result[`data_high__${item}`] = isFilled(value) ? flag(value === 'hoch' || value === 'intensiv') : null;
  }
  return result as Record<DataHighId, string | null>;
}

// A grid-multi item counts as answered only when all of its 0/1 columns are filled (statistics.md).
function communitySupportCount(flat: FlatResponse): number | null {
  let count = 0;
  for (const item of columns.community) {
    const supported = multiCount(flat, item.all, item.supported);
    if (supported === null) return null;
    if (supported > 0) count += 1;
  }
  return count;
}

function chefsache(flat: FlatResponse, all: readonly string[], chef: readonly string[]): boolean | null {
  const count = multiCount(flat, all, chef);
  return count === null ? null : count > 0;
}

/** Number of `counted` columns equal to "1"; null unless every column of the multi is filled. */
function multiCount(flat: FlatResponse, all: readonly string[], counted: readonly string[]): number | null {
  for (const name of all) if (!isFilled(flat[name])) return null;
  let count = 0;
  for (const name of counted) if (flat[name] === '1') count += 1;
  return count;
}

function countIfAll(flat: FlatResponse, names: readonly string[], counts: (value: string) => boolean): number | null {
  let count = 0;
  for (const name of names) {
    const value = flat[name];
    if (value === undefined || value === '') return null;
    if (counts(value)) count += 1;
  }
  return count;
}

/** `labels[min(count, labels.length - 1)]`, e.g. 0 → "0", 1–2 → "1-2", ≥ 3 → "3+". */
function band(count: number | null, labels: readonly string[]): string | null {
  return count === null ? null : (labels[Math.min(count, labels.length - 1)] ?? null);
}

function nullableFlag(count: number | null, test: (count: number) => boolean): string | null {
  return count === null ? null : flag(test(count));
}

function countString(count: number | null): string | null {
  return count === null ? null : String(count);
}

function flag(value: boolean): string {
  return value ? 'true' : 'false';
}

function isFilled(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
