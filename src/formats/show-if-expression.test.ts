// LimeSurvey relevance equations and SurveyJS visibleIf expressions reduced to our one-question conditions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShowIfExpression, resolveShowIf, type ConditionTarget } from './show-if-expression.js';

const TARGETS: Readonly<Record<string, ConditionTarget>> = {
  Q1: { id: 'q1', type: 'single', options: new Map([['A1', 'a1'], ['A2', 'a2'], ['A3', 'a3']]) },
  Q2: { id: 'q2', type: 'single', options: new Map([['Y', 'y'], ['N', 'n']]) },
  M: { id: 'm', type: 'multi', options: new Map([['SQ1', 'sq1']]) },
};

function resolve(text: string) {
  const parsed = parseShowIfExpression(text);
  if (!parsed.ok) return parsed.reason;
  const resolved = resolveShowIf(parsed.expression, (variable) => TARGETS[variable] ?? `unbekannt: ${variable}`);
  return resolved.kind === 'condition' ? resolved.condition : resolved.kind === 'always' ? 'immer' : resolved.reason;
}

test('equality, inclusion, negation and and/or over one question become one condition', () => {
  assert.deepEqual(resolve('((Q1.NAOK == "A1"))'), { variable: 'q1', in: ['a1'] });
  assert.deepEqual(resolve("Q1.NAOK eq 'A1' or Q1 == 'A2'"), { variable: 'q1', in: ['a1', 'a2'] });
  assert.deepEqual(resolve("{Q1} anyof ['A1', 'A3']"), { variable: 'q1', in: ['a1', 'a3'] });
  assert.deepEqual(resolve("{Q1} notanyof ['A1']"), { variable: 'q1', in: ['a2', 'a3'] });
  assert.deepEqual(resolve("{Q1} <> 'A1' and {Q1} != 'A2'"), { variable: 'q1', in: ['a3'] });
  assert.deepEqual(resolve('!(Q1 == "A1" or Q1 == "A2")'), { variable: 'q1', in: ['a3'] });
  assert.deepEqual(resolve('!is_empty(Q1)'), { variable: 'q1', in: ['a1', 'a2', 'a3'] });
  assert.deepEqual(resolve('{Q1} notempty'), { variable: 'q1', in: ['a1', 'a2', 'a3'] });
  assert.deepEqual(resolve('1 and Q2.NAOK == "Y"'), { variable: 'q2', in: ['y'] });
  assert.equal(resolve('1'), 'immer');
  assert.equal(resolve(''), 'immer');
  assert.equal(resolve('Q1 == "A1" or 1'), 'immer');
});

test('what our model cannot hold is named', () => {
  assert.match(resolve('Q1 == "A1" and Q2 == "Y"') as string, /UND-Verknüpfung mehrerer Fragen \(q1, q2\)/);
  assert.match(resolve('Q1 == "A1" or Q2 == "Y"') as string, /ODER-Verknüpfung mehrerer Fragen/);
  assert.match(resolve('Q1 == "A1" and Q1 == "A2"') as string, /nie erfüllt/);
  assert.match(resolve('Q1 > 3') as string, /Größer-\/Kleiner-Vergleich/);
  assert.match(resolve("{M} contains 'SQ1'") as string, /prüft eine Mehrfachauswahl/);
  assert.match(resolve('M == "SQ1"') as string, /Typ multi; Filter sind nur auf Einfachauswahl-Fragen möglich/);
  assert.match(resolve('Q1 == "A9"') as string, /„A9“ ist keine Antwortoption von „Q1“/);
  assert.match(resolve('Q1 == Q2') as string, /Vergleich zweier Fragen/);
  assert.match(resolve('sum(Q1, Q2) == 2') as string, /nicht abbildbar/);
  assert.match(resolve('is_empty(Q1)') as string, /unbeantwortet/);
  assert.match(resolve('Q1.shown == "A1"') as string, /Eigenschaft „Q1\.shown“/);
  assert.match(resolve('Q1 == "A1" ~') as string, /Zeichen „~“/);
  assert.match(resolve('Q3 == "x"') as string, /unbekannt: Q3/);
});
