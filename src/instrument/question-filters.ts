// instrument.md "show if", seen from the published tables: a variable is asked only where its filter
// variable has one of the listed values, so its base in a group is at most the filter's count there.
import { instrumentIndex } from './instrument-index.js';
import type { Condition, Instrument } from './model.js';

/** The show-if conditions of every flat variable that has any (question and per-item conditions). */
export function questionFilters(instrument: Instrument): ReadonlyMap<string, readonly Condition[]> {
  const index = instrumentIndex(instrument);
  const out = new Map<string, readonly Condition[]>();
  for (const question of index.questions) {
    const item = 'itemShowIf' in question ? question.itemShowIf : undefined;
    for (const variable of index.variablesOfQuestion.get(question.id) ?? []) {
      const conditions: Condition[] = question.showIf ? [question.showIf] : [];
      if (item && variable.itemId !== undefined) conditions.push({ variable: `${item.question}__${variable.itemId}`, in: item.in });
      if (conditions.length > 0) out.set(variable.name, conditions);
    }
  }
  return out;
}
