import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DerivedVariable, Instrument, Question } from '../model.js';
import type { OptionIdOfQuestion } from '../instrument-types.js';
import { instrument2019, type DerivedVariableId2019, type FlatVariableName2019, type QuestionId2019 } from './instrument-2019.js';

const instrument: Instrument = instrument2019;
const questions: readonly Question[] = instrument.sections.flatMap((s) => s.questions);
const question = (id: string): Question => {
  const found = questions.find((q) => q.id === id);
  assert.ok(found, id);
  return found;
};

test('types derived from the value reject wrong IDs (checked by tsc)', () => {
  const id: QuestionId2019 = 'strategy_status';
  // @ts-expect-error not a question of wave 2019
  const wrongId: QuestionId2019 = 'strategy_stat';
  const multi: FlatVariableName2019 = 'strategy_fields__bildung_kultur_wissenschaft';
  const gridMulti: FlatVariableName2019 = 'operator__epayment__weiss_nicht';
  const gridSingle: FlatVariableName2019 = 'components__dms';
  // @ts-expect-error a multi question has no bare column
  const bareMulti: FlatVariableName2019 = 'strategy_fields';
  // @ts-expect-error components has no item "fax"
  const wrongItem: FlatVariableName2019 = 'components__fax';
  const derived: DerivedVariableId2019 = 'fim_helpful__datenfelder';
  // @ts-expect-error no such derived variable
  const wrongDerived: DerivedVariableId2019 = 'fim_helpful__formulare';
  const option: OptionIdOfQuestion<typeof instrument2019, 'strategy_status'> = 'kein_thema';
  // @ts-expect-error not an option of strategy_status
  const wrongOption: OptionIdOfQuestion<typeof instrument2019, 'strategy_status'> = 'ja';
  assert.ok([id, wrongId, multi, gridMulti, gridSingle, bareMulti, wrongItem, derived, wrongDerived, option, wrongOption]);
});

test('version and sections in instrument.md order (A … I)', () => {
  assert.equal(instrument2019.version, '2019');
  assert.deepEqual(
    instrument2019.sections.map((s) => s.id),
    ['stammdaten', 'strategie', 'e_government', 'daten', 'verantwortung', 'kompetenzen', 'oertliche_gemeinschaft', 'infrastruktur', 'abschluss'],
  );
  assert.deepEqual(
    questions.map((q) => q.id),
    [
      'respondent_role', 'strategy_status', 'strategy_fields', 'strategy_goals', 'strategy_links', 'strategy_ozg',
      'components', 'operator', 'fim_known', 'fim_helpfulness', 'data_instruments', 'data_uses',
      'responsible_admin', 'responsible_community', 'training', 'community_support', 'fiber', 'broadband_grade',
      'peer_exchange', 'contact_email', 'comments',
    ],
  );
  assert.deepEqual(
    instrument2019.registerFields.map((f) => f.id),
    ['ags', 'name', 'state', 'district', 'unit_type', 'population', 'size_class'],
  );
});

test('German labels verbatim from instrument.md', () => {
  assert.equal(question('strategy_status').label, 'Hat Ihre Kommune eine Digitalisierungsstrategie?');
  assert.equal(question('responsible_community').label, 'Wer verantwortet die Digitalisierung in der örtlichen Gemeinschaft (mit)?');
  assert.equal(question('comments').label, 'Anmerkungen');
  const status = question('strategy_status');
  assert.ok(status.type === 'single');
  assert.equal(status.options.find((o) => o.id === 'kein_thema')?.label, 'Nein, ist für uns (noch) kein Thema');
  const support = question('community_support');
  assert.ok(support.type === 'grid-multi');
  assert.equal(support.items.find((i) => i.id === 'sharing')?.label, 'Digital vermittelte Sharing-Angebote, z. B. Bike- oder Ridesharing');
  assert.equal(instrument2019.registerFields[6]?.label, 'KGSt-Größenklasse');
});

test('every question, item and option has a German label; IDs are lower_snake_case and unique', () => {
  const ids = new Set<string>();
  for (const q of questions) {
    assert.ok(!ids.has(q.id), q.id);
    ids.add(q.id);
    assert.match(q.id, /^[a-z][a-z0-9_]*$/);
    assert.ok(q.label.length > 0);
    const parts = [...('options' in q ? q.options : []), ...('items' in q ? q.items : [])];
    for (const part of parts) {
      assert.match(part.id, /^[a-z0-9][a-z0-9_]*$/, `${q.id}: ${part.id}`);
      assert.ok(part.label.length > 0, `${q.id}: ${part.id}`);
    }
  }
});

test('rules: exclusive options, max 3, show-if, per-item show-if, e-mail, text', () => {
  const fields = question('strategy_fields');
  assert.ok(fields.type === 'multi');
  assert.equal(fields.max, 3);
  assert.deepEqual(fields.showIf, { variable: 'strategy_status', in: ['vorhanden', 'in_entwicklung'] });
  for (const id of ['strategy_goals', 'strategy_links', 'strategy_ozg']) assert.deepEqual(question(id).showIf, fields.showIf);
  const exclusive = (id: string) => {
    const q = question(id);
    return 'options' in q ? q.options.filter((o) => o.exclusive).map((o) => o.id) : [];
  };
  assert.deepEqual(exclusive('strategy_links'), ['keine']);
  assert.deepEqual(exclusive('operator'), ['weiss_nicht']);
  assert.deepEqual(exclusive('data_uses'), ['keine']);
  assert.deepEqual(exclusive('responsible_admin'), ['niemand']);
  assert.deepEqual(exclusive('responsible_community'), ['niemand']);
  assert.deepEqual(exclusive('community_support'), ['keine']);
  assert.deepEqual(exclusive('strategy_fields'), []);
  const operator = question('operator');
  assert.ok(operator.type === 'grid-multi');
  assert.deepEqual(operator.itemShowIf, { question: 'components', in: ['im_einsatz'] });
  assert.equal(operator.items.length, 10);
  assert.deepEqual(question('fim_helpfulness').showIf, { variable: 'fim_known', in: ['ja'] });
  const email = question('contact_email');
  assert.ok(email.type === 'email');
  assert.equal(email.personal, true);
  assert.deepEqual(email.showIf, { variable: 'peer_exchange', in: ['ja'] });
  const comments = question('comments');
  assert.ok(comments.type === 'text');
  assert.equal(comments.maxLength, 2000);
  const grade = question('broadband_grade');
  assert.ok(grade.type === 'single');
  assert.deepEqual(grade.options.map((o) => o.id), ['1', '2', '3', '4', '5', '6']);
});

test('show-if conditions refer to an earlier question (no cycles)', () => {
  const seen = new Set<string>();
  for (const q of questions) {
    if (q.showIf) assert.ok(seen.has(q.showIf.variable), q.id);
    if ('itemShowIf' in q && q.itemShowIf) assert.ok(seen.has(q.itemShowIf.question), q.id);
    seen.add(q.id);
  }
});

test('derived variables with domains (instrument.md "Derived variables")', () => {
  const derived = new Map<string, DerivedVariable>(instrument.derived.map((d) => [d.id, d]));
  assert.equal(derived.size, 19);
  assert.deepEqual(derived.get('egov_count')?.values, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.deepEqual(derived.get('community_count')?.values.at(-1), '8');
  assert.deepEqual(derived.get('data_use_count')?.values, ['0', '1', '2', '3', '4']);
  assert.deepEqual(derived.get('egov_band')?.values, ['0', '1-2', '3+']);
  assert.deepEqual(derived.get('community_band')?.values, ['0', '1', '2+']);
  assert.deepEqual(derived.get('vg_strategy')?.values, ['hat', 'entwickelt', 'ohne']);
  for (const id of ['vg_egov', 'vg_community', 'chefsache', 'fiber_engaged', 'broadband_good', 'data_high__offenlegung', 'fim_helpful__prozesse']) {
    assert.deepEqual(derived.get(id)?.values, ['true', 'false'], id);
  }
  for (const d of derived.values()) assert.ok(d.label.length > 0 && d.definition.length > 0, d.id);
});

test('the value is deeply frozen', () => {
  assert.ok(Object.isFrozen(instrument2019));
  assert.ok(Object.isFrozen(instrument2019.sections[1]?.questions[0]));
  const status = question('strategy_status');
  assert.ok('options' in status && Object.isFrozen(status.options[0]));
  assert.ok(Object.isFrozen(instrument2019.derived[0]?.values));
});
