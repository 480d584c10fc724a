// Flags of 2019 that are an "or" of other cells (instrument.md "Derived variables", and every exclusive
// option of a multi question, whose 0 is the "or" of the other options): in every
// group, the flag's count less one part's count is the count of units with the flag but not that part,
// and with two parts, part + part − flag is the count with both. These are counts of categories no table
// publishes, so disclosure control must keep them from being small. Declared from the definitions; a test
// checks them against every demo respondent.
import { CHEF_OPTIONS } from './derive-variables.js';
import { instrumentIndex } from './instrument-index.js';
import type { TallyPart } from './derived-tallies-2019.js';
import type { Instrument } from './model.js';
import { instrument2019 } from './waves/instrument-2019.js';

/** A flag that is `value` exactly where some part's cell holds; missing where a part's question is unanswered. */
export interface Union {
  readonly value: string;
  readonly parts: readonly TallyPart[];
  /**
   * An exclusive answer ("niemand") whose units all have the flag's other value: per group, that cell less
   * this one counts the units with neither a part nor the exclusive answer.
   */
  readonly none?: TallyPart;
}

const fiberItems = (): string[] => {
  const found = instrumentIndex(instrument2019).questionById.get('fiber');
  return found && 'items' in found ? found.items.map((item) => item.id) : [];
};

/**
 * An exclusive option ("keine", "niemand") of a multi question or grid item is 0 exactly where another of
 * its options is ticked: its 0 is the "or" of those options.
 */
function exclusiveUnions(instrument: Instrument): Record<string, Union> {
  const out: Record<string, Union> = {};
  for (const question of instrument.sections.flatMap((section) => section.questions)) {
    if (question.type !== 'multi' && question.type !== 'grid-multi') continue;
    const prefixes = question.type === 'multi' ? [question.id] : question.items.map((item) => `${question.id}__${item.id}`);
    for (const exclusive of question.options.filter((option) => option.exclusive)) {
      const others = question.options.filter((option) => !option.exclusive);
      for (const prefix of prefixes) out[`${prefix}__${exclusive.id}`] = { value: '0', parts: others.map((option) => ({ variable: `${prefix}__${option.id}`, value: '1' })) };
    }
  }
  return out;
}

export const DERIVED_UNIONS_2019: Readonly<Record<string, Union>> = Object.freeze({
  ...exclusiveUnions(instrument2019),
  chefsache_admin: {
    value: 'true',
    parts: CHEF_OPTIONS.map((option) => ({ variable: `responsible_admin__${option}`, value: '1' })),
    none: { variable: 'responsible_admin__niemand', value: '1' },
  },
  chefsache_community: {
    value: 'true',
    parts: CHEF_OPTIONS.map((option) => ({ variable: `responsible_community__${option}`, value: '1' })),
    none: { variable: 'responsible_community__niemand', value: '1' },
  },
  chefsache: { value: 'true', parts: [{ variable: 'chefsache_admin', value: 'true' }, { variable: 'chefsache_community', value: 'true' }] },
  fiber_engaged: { value: 'true', parts: fiberItems().map((item) => ({ variable: `fiber__${item}`, value: 'ja' })) },
});
