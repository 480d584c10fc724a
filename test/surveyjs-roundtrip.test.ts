// Round trip (issue 10 item 3): our 2019 instrument → SurveyJS export (surveyjs-json.ts) → SurveyJS import
// (surveyjs-instrument.ts) gives the same sections, questions, options, items and show-if conditions, and
// nothing in the mapping report. What differs, by design: the export carries German texts only, so labelEn
// and titleEn are gone; `derived` is empty (derivations are code, an imported version keeps them only when
// its file lists them); registerFields fall back to 2019's; id and title come from the import.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instrumentToSurveyJs } from '../src/formats/surveyjs-json.js';
import { surveyJsToInstrument } from '../src/formats/surveyjs-instrument.js';
import type { Instrument } from '../src/instrument/model.js';
import { validateInstrumentFile } from '../src/instrument/validate-instrument-file.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';

const original: Instrument = instrument2019;

/** The instrument as far as SurveyJS carries it: no English texts. */
function comparable(instrument: Instrument): unknown {
  return JSON.parse(JSON.stringify(instrument.sections, (key, value: unknown) => (key === 'labelEn' || key === 'titleEn' ? undefined : value)));
}

test('2019 → SurveyJS → import: same questions, options, items and visibility; nothing reported', () => {
  const exported = instrumentToSurveyJs(original);
  const converted = surveyJsToInstrument(new TextEncoder().encode(JSON.stringify(exported)), { version: 'rundreise' });
  assert.deepEqual(converted.findings, []);
  const { issues, instrument } = validateInstrumentFile(converted.document, () => undefined);
  assert.deepEqual(issues, []);
  assert.ok(instrument);
  assert.deepEqual(comparable(instrument), comparable(original));
  const questions = original.sections.flatMap((section) => section.questions);
  assert.equal(questions.filter((question) => question.showIf).length, instrument.sections.flatMap((section) => section.questions).filter((question) => question.showIf).length);
  assert.ok(questions.some((question) => 'itemShowIf' in question && question.itemShowIf), 'the 2019 instrument has a per-item condition to carry');
  // What differs, stated:
  assert.equal(instrument.title, original.title);
  assert.deepEqual([instrument.version, instrument.derived.length, original.derived.length > 0], ['rundreise', 0, true]);
  assert.deepEqual(instrument.registerFields, original.registerFields);
});

test('the imported version exports to the same SurveyJS form again', () => {
  const exported = instrumentToSurveyJs(original);
  const converted = surveyJsToInstrument(new TextEncoder().encode(JSON.stringify(exported)), { version: 'rundreise' });
  const { instrument } = validateInstrumentFile(converted.document, () => undefined);
  assert.deepEqual(instrumentToSurveyJs(instrument!), exported);
});
