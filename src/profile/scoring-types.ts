// Types of the Digitalprofil's scoring table (docs/digitalprofil.md): per instrument version, seven areas,
// each a weighted list of items scored 0…1 from the answers.
import type { FlatResponse } from '../instrument/model.js';

export const AREA_IDS = ['e_government', 'daten', 'strategie', 'verantwortung', 'kompetenzen', 'oertliche_gemeinschaft', 'infrastruktur'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export interface ScoredItem {
  /** The flat variable or question the item reads (`components__eid`, `data_uses`). */
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  /** The rule in German, for the documentation and the JSON. */
  readonly rule: string;
  /** The questions the rule reads, when more than the one `id` names (`strategy_fields` → `strategy_status`). */
  readonly questions?: readonly string[];
  /** 0…1, or null when the answer is missing (then it lowers the coverage, never the score). */
  readonly value: (flat: FlatResponse) => number | null;
}

export interface AreaScoring {
  readonly id: AreaId;
  readonly label: string;
  readonly items: readonly ScoredItem[];
}

export interface Scoring {
  /** Scores with the same id are comparable across waves (history). */
  readonly id: string;
  readonly areas: readonly AreaScoring[];
  /** Items other units can be asked about (peer finder): item id → what it is, in German. */
  readonly peerTopics: Readonly<Record<string, string>>;
}
