import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeConcurrent } from './merge-concurrent.js';
import { canonicalAnswersJson, changedVariables, mergeSectionAnswers, sectionIssues, shownUnits } from './section-answers.js';
import { instrument2019 } from './waves/instrument-2019.js';

const strategy = instrument2019.sections[1]!;
const eGovernment = instrument2019.sections[2]!;
const form = (entries: Record<string, string | string[]>) =>
  new Map(Object.entries(entries).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));

test('shownUnits evaluates show-if per question and per grid item', () => {
  assert.deepEqual(shownUnits(instrument2019, strategy, {}).map((u) => u.question.id), ['strategy_status']);
  assert.equal(shownUnits(instrument2019, strategy, { strategy_status: 'vorhanden' }).length, 5);
  const units = shownUnits(instrument2019, eGovernment, { components__app: 'im_einsatz', fim_known: 'nein' });
  assert.deepEqual(units.filter((u) => u.question.id === 'operator').map((u) => u.item?.id), ['app']);
  assert.equal(units.filter((u) => u.question.id === 'components').length, 10);
  assert.equal(units.some((u) => u.question.id === 'fim_helpfulness'), false);
});

test('mergeSectionAnswers replaces the shown units, fills unticked boxes with 0 and drops what is no longer asked', () => {
  const stored = { strategy_status: 'vorhanden', strategy_fields__verwaltung: '1', strategy_fields__sonstiges: '0', fim_known: 'ja' };
  const kept = mergeSectionAnswers(instrument2019, strategy, stored, form({ strategy_status: 'vorhanden', strategy_fields__sonstiges: '1' }));
  assert.deepEqual(kept.unexpected, []);
  assert.equal(kept.answers.strategy_fields__sonstiges, '1');
  assert.equal(kept.answers.strategy_fields__verwaltung, '0');
  assert.equal(kept.answers.strategy_goals__effizienz, undefined, 'no box ticked: unanswered');
  assert.equal(kept.answers.fim_known, 'ja', 'other sections stay');
  const dropped = mergeSectionAnswers(instrument2019, strategy, stored, form({ strategy_status: 'kein_thema', strategy_fields__sonstiges: '1' }));
  assert.deepEqual(Object.keys(dropped.answers).sort(), ['fim_known', 'strategy_status']);
  assert.equal(dropped.posted.strategy_fields__sonstiges, '1', 'the posted value is kept for a re-render');
  const odd = mergeSectionAnswers(instrument2019, strategy, {}, form({ strategy_status: ['vorhanden', 'geplant'], strategy_ozg: 'ja', x: '1' }));
  assert.deepEqual(odd.unexpected, ['strategy_status', 'strategy_ozg', 'x']);
  const forged = mergeSectionAnswers(instrument2019, strategy, { strategy_status: 'vorhanden' }, form({ strategy_status: 'vorhanden', strategy_fields__verwaltung: '0', strategy_fields__sonstiges: ['1', '1'], strategy_goals__effizienz: '1' }));
  assert.deepEqual(forged.unexpected, ['strategy_fields__verwaltung'], 'a checkbox posts "1" or nothing');
});

test('text answers are trimmed with line breaks normalised; sectionIssues keeps only the section', () => {
  const closing = instrument2019.sections[8]!;
  const merged = mergeSectionAnswers(instrument2019, closing, { broadband_grade: '9' }, form({ comments: '  Zeile 1\r\nZeile 2 ' }));
  assert.equal(merged.answers.comments, 'Zeile 1\nZeile 2');
  assert.deepEqual(sectionIssues(instrument2019, closing, merged.answers), []);
  assert.equal(sectionIssues(instrument2019, instrument2019.sections[7]!, merged.answers)[0]?.code, 'unknown_option');
});

test('changedVariables and canonicalAnswersJson treat missing and empty alike', () => {
  assert.deepEqual(changedVariables({ a: '1', b: '', c: 'x' }, { a: '2', c: 'x', d: '' }), ['a']);
  assert.equal(canonicalAnswersJson({ b: '2', a: '1', c: '', d: undefined }), '{"a":"1","b":"2"}');
});

test('mergeConcurrent: own changes win where the other left a value alone; both changed → conflict', () => {
  const base = { a: '1', b: '1', c: '1', d: '1' };
  const current = { a: '2', b: '1', c: '2', d: '1', other: 'x' };
  const mine = { a: '1', b: '3', c: '3', d: '1' };
  const merged = mergeConcurrent(base, current, mine, ['a', 'b', 'c', 'd']);
  assert.deepEqual(merged.proposal, { a: '2', b: '3', c: '3', d: '1', other: 'x' });
  assert.deepEqual(merged.conflicts, ['c']);
  assert.deepEqual(merged.takenOver, ['a']);
  const unknownBase = mergeConcurrent(null, current, mine, ['a', 'b', 'c', 'd']);
  assert.deepEqual(unknownBase.conflicts, ['a', 'b', 'c']);
});
