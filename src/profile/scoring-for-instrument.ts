// The Digitalprofil's scoring of a wave's questionnaire version (issue 9). A built-in version has its row in
// the table (scoring.ts). An imported version scores the 2019 items whose questions it kept unchanged
// (same type and options, the item still there): the rules read 2019's columns and points, so an item on a
// removed, renamed or changed question is not available in that version, and an area left without items
// is reported as not asked (AreaScore.notInInstrument) instead of as unanswered.
import { instrumentByVersion } from '../instrument/instrument-by-version.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import type { Instrument, Question } from '../instrument/model.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import { SCORING_2019 } from './scoring-2019.js';
import { scoringFor } from './scoring.js';
import type { ScoredItem, Scoring } from './scoring-types.js';

const cache = new WeakMap<Instrument, Scoring>();

export function scoringForInstrument(instrument: Instrument): Scoring {
  const builtIn = instrumentByVersion(instrument.version) === instrument ? scoringFor(instrument.version) : undefined;
  if (builtIn) return builtIn;
  let scoring = cache.get(instrument);
  if (!scoring) {
    scoring = restrictedScoring(instrument);
    cache.set(instrument, scoring);
  }
  return scoring;
}

/**
 * Whether answers scored with `scoring` can be compared with its scores of `earlier`'s answers: `earlier`
 * asks every question the scoring reads, unchanged from 2019 (history of the Digitalprofil).
 */
export function scoresComparable(scoring: Scoring, earlier: Instrument): boolean {
  const available = new Set(scoringForInstrument(earlier).areas.flatMap((area) => area.items.map((item) => item.id)));
  return scoring.areas.every((area) => area.items.every((item) => available.has(item.id)));
}

function restrictedScoring(instrument: Instrument): Scoring {
  const questions = instrumentIndex(instrument).questionById;
  const kept = (item: ScoredItem) => questionsRead(item).every((id) => unchanged(questions.get(id), id)) && itemKept(item, questions);
  const areas = SCORING_2019.areas.map((area) => ({ ...area, items: area.items.filter(kept) }));
  const all = areas.every((area, i) => area.items.length === SCORING_2019.areas[i]!.items.length);
  const ids = new Set(areas.flatMap((area) => area.items.map((item) => item.id)));
  return Object.freeze({
    // The same id when nothing is left out: then the scores are the 2019 ones.
    id: all ? SCORING_2019.id : `${SCORING_2019.id}:${instrument.version}`,
    areas,
    peerTopics: Object.fromEntries(Object.entries(SCORING_2019.peerTopics).filter(([id]) => ids.has(id))),
  });
}

const index2019 = instrumentIndex(instrument2019);

function questionsRead(item: ScoredItem): readonly string[] {
  return item.questions ?? [item.id.split('__')[0]!];
}

/** Same type and the same set of options as in 2019. */
function unchanged(question: Question | undefined, id: string): boolean {
  const original = index2019.questionById.get(id);
  if (!question || !original || question.type !== original.type) return false;
  const options = (q: Question) => ('options' in q ? q.options.map((option) => option.id).sort().join('|') : '');
  return options(question) === options(original);
}

/** A grid item (`training__trends`, `community_support__x`) must still be asked. */
function itemKept(item: ScoredItem, questions: ReadonlyMap<string, Question>): boolean {
  const [questionId, itemId] = item.id.split('__');
  if (itemId === undefined) return true;
  const question = questions.get(questionId!);
  return question !== undefined && 'items' in question && question.items.some((candidate) => candidate.id === itemId);
}
