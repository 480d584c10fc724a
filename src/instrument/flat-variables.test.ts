import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatVariables } from './flat-variables.js';
import { instrument2019 } from './waves/instrument-2019.js';

// Counted by hand from instrument.md: respondent_role 1 · strategy_status 1 · strategy_fields 10 ·
// strategy_goals 6 · strategy_links 7 · strategy_ozg 1 · components 10 · operator 10×5 = 50 · fim_known 1 ·
// fim_helpfulness 3 · data_instruments 3 · data_uses 5 · responsible_admin 8 · responsible_community 8 ·
// training 5 · community_support 8×4 = 32 · fiber 6 · broadband_grade 1 · peer_exchange 1 ·
// contact_email 1 · comments 1 = 161.
const EXPECTED_COUNT = 161;

test('wave 2019 has 161 flat variables, unique, in questionnaire order', () => {
  const variables = flatVariables(instrument2019);
  assert.equal(variables.length, EXPECTED_COUNT);
  assert.equal(new Set(variables.map((v) => v.name)).size, EXPECTED_COUNT);
  assert.deepEqual(variables.slice(0, 3).map((v) => v.name), ['respondent_role', 'strategy_status', 'strategy_fields__verwaltung']);
  assert.deepEqual(variables.slice(-3).map((v) => v.name), ['peer_exchange', 'contact_email', 'comments']);
  const byQuestion = (id: string) => variables.filter((v) => v.questionId === id).length;
  assert.equal(byQuestion('operator'), 50);
  assert.equal(byQuestion('community_support'), 32);
});

test('names, kinds and domains follow instrument.md "Flat variable names"', () => {
  const byName = new Map(flatVariables(instrument2019).map((v) => [v.name, v]));
  assert.deepEqual(byName.get('strategy_status'), {
    name: 'strategy_status',
    questionId: 'strategy_status',
    kind: 'choice',
    values: ['vorhanden', 'in_entwicklung', 'geplant', 'kein_thema'],
    label: 'Hat Ihre Kommune eine Digitalisierungsstrategie?',
  });
  assert.deepEqual(byName.get('strategy_links__keine'), {
    name: 'strategy_links__keine',
    questionId: 'strategy_links',
    optionId: 'keine',
    kind: 'flag',
    values: ['0', '1'],
    label: 'An welche Strategien oder Konzepte knüpft sie an? – Keine',
  });
  const item = byName.get('components__epayment');
  assert.equal(item?.kind, 'choice');
  assert.equal(item?.itemId, 'epayment');
  assert.deepEqual(item?.values, ['im_einsatz', 'geplant', 'nein']);
  assert.equal(item?.label, 'Ist die Komponente im Einsatz? – Elektronische Bezahlmöglichkeit (E-Payment)');
  const cell = byName.get('operator__dms__land');
  assert.equal(cell?.kind, 'flag');
  assert.equal(cell?.itemId, 'dms');
  assert.equal(cell?.optionId, 'land');
  assert.equal(cell?.label, 'Wer betreibt sie? – Dokumentenmanagementsystem (DMS) / E-Akte – Landesverwaltung / Landeslösung');
  assert.equal(byName.get('contact_email')?.kind, 'email');
  assert.equal(byName.get('comments')?.kind, 'text');
  assert.equal(byName.get('comments')?.values, undefined);
  assert.deepEqual(byName.get('broadband_grade')?.values, ['1', '2', '3', '4', '5', '6']);
});

test('flatVariables is memoised per instrument and frozen', () => {
  const first = flatVariables(instrument2019);
  assert.equal(flatVariables(instrument2019), first);
  assert.ok(Object.isFrozen(first));
  assert.ok(Object.isFrozen(first[0]));
});
