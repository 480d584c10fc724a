// Derived variables of 2019 that count answers to other questions (instrument.md "Derived variables"):
// in every group, Σ value · n(value) of the count is the sum of its parts' cells, and a count's 0 can be
// another variable's cell ("keine"). Disclosure control must know both equations. Declared from the
// definitions; a test checks them against every demo respondent.
import { instrumentIndex } from './instrument-index.js';
import { instrument2019 } from './waves/instrument-2019.js';

/** One cell of another variable: its count per group. */
export interface TallyPart {
  readonly variable: string;
  readonly value: string;
}

/** A count variable with numeric values 0, 1, …; missing where any part's question is unanswered. */
export interface Tally {
  /** Cells whose counts sum to Σ value · n(value) of the count, group by group. */
  readonly parts: readonly TallyPart[];
  /** A cell whose count equals the count's n(0), group by group. */
  readonly none?: TallyPart;
}

const itemsOf = (question: string, except: readonly string[] = []): string[] => {
  const found = instrumentIndex(instrument2019).questionById.get(question);
  const items = found && 'items' in found ? found.items : found && 'options' in found ? found.options : [];
  return items.map((item) => item.id).filter((id) => !except.includes(id));
};

export const DERIVED_TALLIES_2019: Readonly<Record<string, Tally>> = Object.freeze({
  egov_count: { parts: itemsOf('components', ['dms']).map((item) => ({ variable: `components__${item}`, value: 'im_einsatz' })) },
  // An item counts when any of finanziell/logistisch/anderweitig is ticked, i.e. when the exclusive "keine" is not.
  community_count: { parts: itemsOf('community_support').map((item) => ({ variable: `community_support__${item}__keine`, value: '0' })) },
  data_use_count: {
    parts: itemsOf('data_uses', ['keine']).map((option) => ({ variable: `data_uses__${option}`, value: '1' })),
    none: { variable: 'data_uses__keine', value: '1' },
  },
});
