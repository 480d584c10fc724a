import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Instrument, Question } from '../instrument/model.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import { SCORING_2019 } from './scoring-2019.js';
import { scoresComparable, scoringForInstrument } from './scoring-for-instrument.js';

/** 2019 as an imported version would be, with `change` applied to its questions. */
function version(change: (question: Question) => Question | undefined): Instrument {
  const sections = (instrument2019 as Instrument).sections.map((section) => ({ ...section, questions: section.questions.flatMap((q) => change(q) ?? []) }));
  return { ...instrument2019, version: 'test', sections };
}

const items = (instrument: Instrument) => scoringForInstrument(instrument).areas.flatMap((area) => area.items.map((item) => item.id));

test('built in: the table; an unchanged copy: every item and the same id (comparable history)', () => {
  assert.equal(scoringForInstrument(instrument2019), SCORING_2019);
  const copy = version((q) => q);
  assert.equal(scoringForInstrument(copy).id, SCORING_2019.id);
  assert.deepEqual(items(copy), items(instrument2019));
});

test('a removed question, changed options or a removed grid item take out exactly the items that read them', () => {
  const changed = version((q) => {
    if (q.id === 'broadband_grade') return undefined;
    if (q.id === 'strategy_status' && 'options' in q) return { ...q, options: q.options.slice(1) } as Question;
    if (q.id === 'fiber' && 'items' in q) return { ...q, items: q.items.slice(1) } as Question;
    return q;
  });
  const scoring = scoringForInstrument(changed);
  assert.equal(scoring.id, `${SCORING_2019.id}:test`);
  const strategy = scoring.areas.find((area) => area.id === 'strategie')!;
  assert.deepEqual(strategy.items, [], 'the follow-ups read strategy_status too');
  const fiber = (instrument2019 as Instrument).sections.flatMap((s) => s.questions).find((q) => q.id === 'fiber')!;
  assert.ok('items' in fiber);
  assert.deepEqual(scoring.areas.find((area) => area.id === 'infrastruktur')!.items.map((item) => item.id), fiber.items.slice(1).map((item) => `fiber__${item.id}`));
  assert.ok(scoresComparable(scoring, instrument2019), '2019 asks everything the restricted scoring reads');
  assert.ok(!scoresComparable(SCORING_2019, changed));
});
