// Show-if conditions of a LimeSurvey question (limesurvey-lss.ts): its <conditions> rows or relevance
// equation, AND-ed with its group's relevance, reduced to our one-question condition where possible.
import type { ImportFinding } from './converted-instrument.js';
import type { LssQuestion, LssSurvey } from './lss-survey.js';
import { parseShowIfExpression, resolveShowIf, type ConditionTarget, type ShowIfExpression } from './show-if-expression.js';

/** The question's condition: its <conditions> rows, else its relevance equation; and its group's relevance. */
export function lssVisibility(source: LssQuestion, survey: LssSurvey, group: ReturnType<typeof parseShowIfExpression> | undefined, targets: ReadonlyMap<string, ConditionTarget>, findings: ImportFinding[]) {
  const rows = survey.conditions.filter((row) => row['qid'] === source.qid);
  const own = rows.length > 0 ? conditionsExpression(rows) : source.relevance.trim() === '' ? undefined : parseShowIfExpression(source.relevance);
  const parts = [own, group].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  const failed = parts.find((part) => !part.ok);
  const ownFeature = rows.length > 0 ? 'Bedingungen (conditions)' : own ? `Relevanzgleichung „${source.relevance.trim().slice(0, 120)}“` : undefined;
  const feature = [ownFeature, group ? 'Relevanz der Fragengruppe' : undefined].filter(Boolean).join(' und ');
  if (failed && !failed.ok) {
    findings.push({ path: source.code, feature, reason: `${failed.reason} Die Frage wird immer gestellt.` });
    return undefined;
  }
  const expressions = parts.map((part) => (part as { expression: ShowIfExpression }).expression);
  const expression: ShowIfExpression = expressions.length === 1 ? expressions[0]! : { kind: 'and', parts: expressions };
  const resolved = resolveShowIf(expression, (variable) => resolveVariable(variable, targets));
  if (resolved.kind === 'unmapped') {
    findings.push({ path: source.code, feature, reason: `Nicht abbildbar: ${resolved.reason}. Die Frage wird immer gestellt.` });
    return undefined;
  }
  if (resolved.kind === 'always') return undefined;
  if (resolved.caveat) findings.push({ path: source.code, feature, reason: resolved.caveat });
  return resolved.condition;
}

function resolveVariable(variable: string, targets: ReadonlyMap<string, ConditionTarget>): ConditionTarget | string {
  if (variable.startsWith('qid:')) return targets.get(variable) ?? 'die Bedingung bezieht sich auf keine vorher gestellte, übernommene Frage';
  const sgqa = /^\+?\d+X\d+X(\d+)(.*)$/.exec(variable);
  if (sgqa && sgqa[2] !== '') return `„${variable}“ bezieht sich auf eine Teilfrage oder ein Kommentarfeld; Filter sind nur auf ganze Einfachauswahl-Fragen möglich`;
  const target = sgqa ? targets.get(`qid:${sgqa[1]}`) : targets.get(variable);
  if (target) return target;
  // LimeSurvey 6 also names a question Q{qid} (its response column), with the subquestion code appended.
  const byQid = /^Q(\d+)(.*)$/.exec(variable);
  if (byQid && targets.has(`qid:${byQid[1]}`)) {
    return byQid[2] === '' ? targets.get(`qid:${byQid[1]}`)! : `„${variable}“ bezieht sich auf eine Teilfrage; Filter sind nur auf ganze Einfachauswahl-Fragen möglich`;
  }
  const parent = [...targets.keys()].find((code) => !code.startsWith('qid:') && variable.startsWith(`${code}_`));
  if (parent) return `„${variable}“ ist eine Teilfrage von „${parent}“; Filter sind nur auf ganze Einfachauswahl-Fragen möglich`;
  return `„${variable}“ ist keine vorher gestellte, übernommene Frage`;
}

/** <conditions>: rows of one scenario are AND-ed (rows on the same field with "==" OR-ed), scenarios OR-ed. */
function conditionsExpression(rows: readonly Readonly<Record<string, string>>[]): ReturnType<typeof parseShowIfExpression> {
  const scenarios = new Map<string, Readonly<Record<string, string>>[]>();
  for (const row of rows) scenarios.set(row['scenario'] ?? '1', [...(scenarios.get(row['scenario'] ?? '1') ?? []), row]);
  const bad = rows.find((row) => !['==', '!=', ''].includes(row['method'] ?? '') || (row['value'] ?? '').startsWith('@') || (row['cfieldname'] ?? '').startsWith('{'));
  if (bad) return { ok: false, reason: `Bedingung „${bad['cfieldname']} ${bad['method']} ${bad['value']}“ ist nicht abbildbar (nur „gleich“ und „ungleich“ mit festen Antwortcodes).` };
  const scenarioExpressions = [...scenarios.values()].map((list): ShowIfExpression => {
    const fields = new Map<string, Readonly<Record<string, string>>[]>();
    for (const row of list) fields.set(conditionVariable(row), [...(fields.get(conditionVariable(row)) ?? []), row]);
    const parts = [...fields].flatMap(([variable, fieldRows]): ShowIfExpression[] => {
      const equal = fieldRows.filter((row) => row['method'] !== '!=').map((row) => row['value'] ?? '');
      const unequal = fieldRows.filter((row) => row['method'] === '!=').map((row): ShowIfExpression => ({ kind: 'compare', variable, negated: true, values: [row['value'] ?? ''] }));
      return [...(equal.length > 0 ? [{ kind: 'compare', variable, negated: false, values: equal } as const] : []), ...unequal];
    });
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  });
  return { ok: true, expression: scenarioExpressions.length === 1 ? scenarioExpressions[0]! : { kind: 'or', parts: scenarioExpressions } };
}

/** The question a <conditions> row tests: its cqid, unless the field names a subquestion or comment. */
function conditionVariable(row: Readonly<Record<string, string>>): string {
  const field = row['cfieldname'] ?? '';
  const cqid = row['cqid'] ?? '';
  if (!/^[1-9]\d*$/.test(cqid)) return field;
  return new RegExp(`^(\\+?\\d+X\\d+X${cqid}|Q${cqid})$`).test(field) ? `qid:${cqid}` : field;
}
