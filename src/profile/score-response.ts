// Area scores of one response (docs/digitalprofil.md): score = 100 · Σ weight·value / Σ weight over the
// answered items, coverage = answered items / items. A missing answer lowers the coverage, never the score.
import type { FlatResponse } from '../instrument/model.js';
import type { AreaId, Scoring } from './scoring-types.js';

export interface ItemScore {
  readonly id: string;
  readonly label: string;
  /** 0…1; null = not answered. */
  readonly value: number | null;
}

export interface AreaScore {
  readonly id: AreaId | 'gesamt';
  readonly label: string;
  /** 0…100 with one decimal; null when no item of the area is answered. */
  readonly score: number | null;
  /** Share of the area's items answered, 0…1 (0 when the questionnaire asks none). */
  readonly coverage: number;
  /** Set when the wave's questionnaire version asks none of the area's questions (issue 9). */
  readonly notInInstrument?: true;
  readonly items: readonly ItemScore[];
}

export interface ResponseScores {
  readonly areas: readonly AreaScore[];
  /** Mean of the area scores that exist; coverage over all items. */
  readonly overall: AreaScore;
}

export function scoreResponse(scoring: Scoring, flat: FlatResponse): ResponseScores {
  let answered = 0;
  let total = 0;
  const areas = scoring.areas.map((area): AreaScore => {
    let points = 0;
    let weights = 0;
    const items = area.items.map((item): ItemScore => {
      const value = item.value(flat);
      if (value !== null) {
        points += item.weight * value;
        weights += item.weight;
        answered += 1;
      }
      return { id: item.id, label: item.label, value };
    });
    total += items.length;
    const count = items.filter((item) => item.value !== null).length;
    const score = weights > 0 ? round1((100 * points) / weights) : null;
    if (items.length === 0) return { id: area.id, label: area.label, score, coverage: 0, items, notInInstrument: true };
    return { id: area.id, label: area.label, score, coverage: count / items.length, items };
  });
  const scored = areas.flatMap((area) => (area.score === null ? [] : [area.score]));
  const overall: AreaScore = {
    id: 'gesamt',
    label: 'Gesamt',
    score: scored.length > 0 ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null,
    coverage: total > 0 ? answered / total : 0,
    items: [],
  };
  return { areas, overall };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
