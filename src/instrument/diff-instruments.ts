// `instrument diff <a> <b>`: questions added, removed and changed between two versions, with their
// options and items (issue 9). Pure; German lines by diffLines.
import type { Instrument, Question } from './model.js';

export interface InstrumentChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly question: string;
  /** For `changed`: what changed, each one German phrase. */
  readonly details: readonly string[];
}

export function diffInstruments(a: Instrument, b: Instrument): InstrumentChange[] {
  const before = questionsOf(a);
  const after = questionsOf(b);
  const changes: InstrumentChange[] = [];
  for (const [id] of before) if (!after.has(id)) changes.push({ kind: 'removed', question: id, details: [] });
  for (const [id, question] of after) {
    const old = before.get(id);
    if (!old) changes.push({ kind: 'added', question: id, details: [] });
    else {
      const details = questionDetails(old, question);
      if (details.length > 0) changes.push({ kind: 'changed', question: id, details });
    }
  }
  return changes;
}

/** One German line per change, e.g. `~ strategy_status: Optionen entfernt: kein_thema`. */
export function diffLines(a: Instrument, b: Instrument, changes: readonly InstrumentChange[]): string[] {
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  const word = { added: 'neu', removed: 'entfernt', changed: '' } as const;
  const lines = changes.map((change) =>
    change.kind === 'changed' ? `~ ${change.question}: ${change.details.join('; ')}` : `${sign[change.kind]} ${change.question} (${word[change.kind]})`,
  );
  return [`Fragebogen ${a.version} → ${b.version}: ${changes.length === 0 ? 'keine Unterschiede' : `${changes.length} Fragen geändert, neu oder entfernt`}`, ...lines];
}

function questionsOf(instrument: Instrument): Map<string, Question> {
  return new Map(instrument.sections.flatMap((section) => section.questions).map((question) => [question.id, question]));
}

function questionDetails(old: Question, question: Question): string[] {
  const details: string[] = [];
  if (old.type !== question.type) details.push(`Typ ${old.type} → ${question.type}`);
  if (old.label !== question.label) details.push('Fragetext geändert');
  details.push(...listChanges('Optionen', ids(old, 'options'), ids(question, 'options')));
  details.push(...listChanges('Items', ids(old, 'items'), ids(question, 'items')));
  const labels = (q: Question) => ('options' in q ? new Map(q.options.map((option) => [option.id, option.label])) : new Map<string, string>());
  const relabelled = [...labels(question)].filter(([id, label]) => labels(old).has(id) && labels(old).get(id) !== label).map(([id]) => id);
  if (relabelled.length > 0) details.push(`Beschriftung geändert: ${relabelled.join(', ')}`);
  const condition = (q: Question) => (q.showIf ? `${q.showIf.variable} in ${q.showIf.in.join('|')}` : '');
  if (condition(old) !== condition(question)) details.push(`Filterbedingung geändert: ${condition(old) || '–'} → ${condition(question) || '–'}`);
  const max = (q: Question) => ('max' in q ? q.max : undefined);
  if (max(old) !== max(question)) details.push(`höchstens ${max(old) ?? '–'} → ${max(question) ?? '–'}`);
  return details;
}

function listChanges(what: string, before: readonly string[], after: readonly string[]): string[] {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  return [...(added.length > 0 ? [`${what} neu: ${added.join(', ')}`] : []), ...(removed.length > 0 ? [`${what} entfernt: ${removed.join(', ')}`] : [])];
}

function ids(question: Question, key: 'options' | 'items'): string[] {
  const list = (question as unknown as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.map((entry: { id: string }) => entry.id) : [];
}
