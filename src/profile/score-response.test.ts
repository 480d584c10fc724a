import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { exampleResponse2019 } from '../instrument/waves/example-response-2019.js';
import type { FlatResponse } from '../instrument/model.js';
import { scoreResponse } from './score-response.js';
import { SCORING_2019 } from './scoring-2019.js';
import { AREA_IDS } from './scoring-types.js';

const score = (flat: FlatResponse) => scoreResponse(SCORING_2019, flat);
const area = (flat: FlatResponse, id: string) => score(flat).areas.find((a) => a.id === id)!;

test('seven areas in the order of the issue, each 0–100 with full coverage for a complete response', () => {
  const scores = score(exampleResponse2019);
  assert.deepEqual(scores.areas.map((a) => a.id), [...AREA_IDS]);
  for (const a of [...scores.areas, scores.overall]) {
    assert.ok(a.score !== null && a.score >= 0 && a.score <= 100, `${a.id}: ${a.score}`);
    assert.equal(a.coverage, 1, a.id);
  }
});

test('E-Government by the formula: im_einsatz 1, geplant 0.25, nein 0 over the ten components and FIM', () => {
  const components = Object.fromEntries(
    ['formularserver', 'epayment', 'servicekonto', 'eid', 'de_mail', 'postfach', 'suche', 'app', 'chatbot', 'dms'].map((item, i) => [
      `components__${item}`,
      i < 4 ? 'im_einsatz' : i < 8 ? 'geplant' : 'nein',
    ]),
  );
  const egov = area({ ...exampleResponse2019, ...components, fim_known: 'ja' }, 'e_government');
  assert.equal(egov.score, Math.round((1000 * (4 + 4 * 0.25 + 0 + 1)) / 11) / 10);
});

test('a missing answer lowers the coverage, not the score', () => {
  const allInUse = Object.fromEntries(
    ['formularserver', 'epayment', 'servicekonto', 'eid', 'de_mail', 'postfach', 'suche', 'app', 'chatbot', 'dms'].map((item) => [`components__${item}`, 'im_einsatz']),
  );
  const full = area({ ...exampleResponse2019, ...allInUse, fim_known: 'ja' }, 'e_government');
  const gaps = area({ ...exampleResponse2019, ...allInUse, fim_known: 'ja', components__eid: '', components__app: undefined }, 'e_government');
  assert.equal(full.score, 100);
  assert.equal(gaps.score, 100);
  assert.equal(gaps.coverage, 9 / 11);
  const none = area({ ...exampleResponse2019, ...Object.fromEntries(Object.keys(allInUse).map((k) => [k, ''])), fim_known: '' }, 'e_government');
  assert.equal(none.score, null);
  assert.equal(none.coverage, 0);
});

test('no strategy: its follow-up questions (not asked) count 0; unknown status leaves them missing', () => {
  const without = area({ strategy_status: 'kein_thema' }, 'strategie');
  assert.equal(without.score, 0);
  assert.equal(without.coverage, 1);
  const unknown = area({}, 'strategie');
  assert.equal(unknown.score, null);
  assert.equal(unknown.coverage, 0);
});

test('property: blanking answers never moves a score outside 0–100 and never raises the coverage', () => {
  const keys = Object.keys(exampleResponse2019);
  const base = score(exampleResponse2019);
  fc.assert(
    fc.property(fc.subarray(keys), (blank) => {
      const flat = { ...exampleResponse2019, ...Object.fromEntries(blank.map((key) => [key, ''])) };
      const scores = score(flat);
      scores.areas.forEach((a, i) => {
        assert.ok(a.coverage <= base.areas[i]!.coverage);
        assert.ok(a.score === null || (a.score >= 0 && a.score <= 100));
      });
    }),
    { numRuns: 200 },
  );
});

test('the same answers give the same scores (absolute, no reference to other units)', () => {
  assert.deepEqual(score({ ...exampleResponse2019 }), score(exampleResponse2019));
});
