// The SurveyJS export, loaded by SurveyJS itself (survey-core): same questions, options and rows as our
// instrument, and SurveyJS shows exactly the questions and grid rows our routing asks — for all 412 demo
// responses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Model, type Question as SurveyQuestion } from 'survey-core';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { CHOICES_COLUMN, flatToSurveyJsData, instrumentToSurveyJs } from '../src/formats/surveyjs-json.js';
import { isItemAsked, isQuestionAsked } from '../src/instrument/routing.js';
import type { Instrument, Question } from '../src/instrument/model.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { memoryCli } from './support/memory-cli.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const instrument: Instrument = instrument2019;
const questions: readonly Question[] = instrument.sections.flatMap((section) => section.questions);
const TYPES = { single: 'radiogroup', multi: 'checkbox', 'grid-single': 'matrix', 'grid-multi': 'matrixdropdown', number: 'text', text: 'comment', email: 'text' } as const;

const valuesOf = (items: readonly { value: unknown }[]) => items.map((item) => String(item.value));

test('SurveyJS loads the export with every question, option, row and page of the instrument', () => {
  const model = new Model(instrumentToSurveyJs(instrument2019));
  assert.deepEqual(model.pages.map((page) => page.name), instrument2019.sections.map((section) => section.id));
  for (const question of questions) {
    const loaded = model.getQuestionByName(question.id) as SurveyQuestion & Record<string, unknown>;
    assert.ok(loaded, question.id);
    assert.equal(loaded.getType(), TYPES[question.type], question.id);
    assert.equal(loaded.title, question.label);
    if (question.type === 'single' || question.type === 'multi') {
      assert.deepEqual(valuesOf(loaded.choices as { value: unknown }[]), question.options.map((option) => option.id));
    }
    if (question.type === 'grid-single') {
      assert.deepEqual(valuesOf(loaded.rows as { value: unknown }[]), question.items.map((item) => item.id));
      assert.deepEqual(valuesOf(loaded.columns as { value: unknown }[]), question.options.map((option) => option.id));
    }
    if (question.type === 'grid-multi') {
      assert.deepEqual(valuesOf(loaded.rows as { value: unknown }[]), question.items.map((item) => item.id));
      const [column] = loaded.columns as { name: string; choices: { value: unknown }[] }[];
      assert.equal(column?.name, CHOICES_COLUMN);
      assert.deepEqual(valuesOf(column!.choices), question.options.map((option) => option.id));
    }
    if (question.type === 'number') assert.deepEqual([loaded.inputType, loaded.min, loaded.max], ['number', question.min, question.max]);
    if (question.type === 'email') assert.equal(loaded.inputType, 'email');
    if (question.type === 'multi' && question.max) assert.equal(loaded.maxSelectedChoices, question.max);
  }
});

test('SurveyJS shows the questions and grid rows our routing asks, for every demo response', () => {
  const register = parseRegisterCsv(read('data/gemeinden.csv'), read('data/kreise.csv'));
  const { responses } = generateDemoWave(register.units);
  const model = new Model(instrumentToSurveyJs(instrument2019));
  let compared = 0;
  for (const response of responses) {
    model.clear(true, true);
    model.data = flatToSurveyJsData(instrument2019, response.answers);
    for (const question of questions) {
      const loaded = model.getQuestionByName(question.id) as SurveyQuestion & { visibleRows?: { name: unknown }[] };
      const asked = isQuestionAsked(instrument2019, question, response.answers);
      assert.equal(loaded.isVisible, asked, `${response.ags} ${question.id}`);
      if (asked && 'items' in question && question.itemShowIf) {
        const shown = new Set(loaded.visibleRows!.map((row) => String(row.name)));
        for (const item of question.items) assert.equal(shown.has(item.id), isItemAsked(instrument2019, question, item.id, response.answers), `${response.ags} ${question.id}.${item.id}`);
      }
      compared++;
    }
  }
  assert.equal(compared, responses.length * questions.length);
  assert.equal(responses.length, 412);
});

test('the answers survive the conversion: SurveyJS holds each chosen option of a response', () => {
  const data = flatToSurveyJsData(instrument2019, { strategy_status: 'vorhanden', strategy_fields__verwaltung: '1', strategy_fields__bildung_kultur_wissenschaft: '0', components__eid: 'im_einsatz', operator__eid__land: '1', comments: 'Ä "x"' });
  assert.deepEqual(data, { strategy_status: 'vorhanden', strategy_fields: ['verwaltung'], components: { eid: 'im_einsatz' }, operator: { eid: { [CHOICES_COLUMN]: ['land'] } }, comments: 'Ä "x"' });
});

test('instrument --format surveyjs prints the form; an unknown format is a usage error', async () => {
  const cli = await memoryCli();
  try {
    const result = await cli.run('instrument', '--format', 'surveyjs');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(new Model(JSON.parse(result.stdout)).getAllQuestions().length, questions.length);
    const bad = await cli.run('instrument', '--format', 'limesurvey');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Format „limesurvey“ gibt es nicht/);
  } finally {
    await cli.close();
  }
});
