// The trend analysis and the comparability map on fixtures where the answer is known by hand: a unit that
// changed one answer (panel), a question renamed between versions, options merged, a question declared
// not comparable (and the derived variable resting on it), a new question.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildWaveData } from '../src/analysis/build-wave-data.js';
import { analyzeTrend } from '../src/analysis/trend/analyze-trend.js';
import { mcnemarTest } from '../src/analysis/trend/mcnemar-test.js';
import { MISSING, type WaveData } from '../src/analysis/wave-data.js';
import { resolveComparability, translateResponse } from '../src/instrument/comparability.js';
import { instrumentByVersion } from '../src/instrument/instrument-by-version.js';
import { validateInstrumentFile } from '../src/instrument/validate-instrument-file.js';
import { exampleResponse2019 } from '../src/instrument/waves/example-response-2019.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';

function wave(id: string, ags: string[], codes: number[]): WaveData {
  return {
    waveId: id,
    n: ags.length,
    ags,
    variables: [{ name: 'flag', values: ['0', '1'], codes: Uint8Array.from(codes) }],
    groupings: [],
    population: new Float64Array(ags.length),
  };
}

test('a unit that changed one answer: one rise in the panel, McNemar X² = 0 and p = 1 (R mcnemar.test)', () => {
  const doc = analyzeTrend([
    { data: wave('a', ['1', '2', '3', '4'], [0, 0, 1, MISSING]), instrument: 'x' },
    { data: wave('b', ['2', '3', '1', '5'], [0, 1, 1, 1]), instrument: 'x' },
  ]);
  const [table] = doc.trends;
  assert.equal(table!.by, 'all');
  const change = table!.changes[0]!;
  assert.deepEqual(change.panel, [{ from: 'a', to: 'b', units: 3, rises: 1, falls: 0, test: { method: 'mcnemar', statistic: 0, df: 1, p: 1 } }]);
  assert.deepEqual(table!.cells.map((c) => [c.wave, c.value, c.n, c.base]), [
    ['a', '0', 2, 3], ['a', '1', 1, 3], ['b', '0', 1, 4], ['b', '1', 3, 4],
  ]);
  assert.equal(change.test?.method, 'fisher');
});

test('McNemar as R: correction only for b ≠ c; null when nobody changed', () => {
  assert.equal(mcnemarTest(0, 0), null);
  assert.deepEqual(mcnemarTest(3, 3), { method: 'mcnemar', statistic: 0, df: 1, p: 1 });
  const r = mcnemarTest(10, 2)!; // R: mcnemar.test(matrix(c(5, 2, 10, 5), 2)) → 4.083333, p 0.04330814
  assert.ok(Math.abs(r.statistic - 49 / 12) < 1e-12);
  assert.ok(Math.abs(r.p - 0.043308142810791) < 1e-9);
});

const file = JSON.parse(readFileSync(new URL('./fixtures/instruments/valid-2021.json', import.meta.url), 'utf8')) as unknown;
const instrument2021 = validateInstrumentFile(file, instrumentByVersion).instrument!;

test('comparability map: renamed, options merged, not comparable with reasons, new question', () => {
  const mapping = resolveComparability(instrument2019, instrument2021);
  assert.deepEqual(mapping.questions.get('respondent_function'), { status: 'renamed', from: 'respondent_role' });
  assert.equal(mapping.questions.get('strategy_status')?.status, 'same');
  const left = new Map(mapping.notComparable.map((entry) => [entry.variable, entry.reason]));
  assert.equal(left.get('broadband_grade'), 'Frage 2021 auf die Versorgung der Gewerbegebiete eingeschränkt');
  assert.equal(left.get('broadband_good'), 'beruht auf „broadband_grade“: Frage 2021 auf die Versorgung der Gewerbegebiete eingeschränkt');
  assert.equal(left.get('ki_einsatz'), 'neue Frage, in Version 2019 nicht gestellt');
  assert.equal(left.size, 3);
  const old = translateResponse(exampleResponse2019, instrument2021, mapping);
  assert.equal(old['respondent_function'], 'cdo');
  assert.equal(old['respondent_role'], undefined);
  assert.deepEqual(
    ['fachverfahren', 'trends', 'arbeitsorganisation'].map((item) => old[`training__${item}`]),
    ['angeboten', 'nicht_angeboten', 'nicht_angeboten'], // 2019: angeboten, geplant, nein
  );
  assert.equal(old['broadband_grade'], undefined);
  assert.equal(old['strategy_status'], 'vorhanden');
});

test('trend across versions: the old wave coded by the new instrument, not comparable variables listed and left out', () => {
  const mapping = resolveComparability(instrument2019, instrument2021);
  const old = [
    { ags: '01800001', answers: translateResponse(exampleResponse2019, instrument2021, mapping) },
    { ags: '01800002', answers: translateResponse({ ...exampleResponse2019, training__trends: 'angeboten', respondent_role: 'cio' }, instrument2021, mapping) },
  ];
  const answers2021 = { ...translateResponse(exampleResponse2019, instrument2021, mapping), training__trends: 'angeboten', ki_einsatz: 'ja', broadband_grade: '1' };
  const fresh = [{ ags: '01800001', answers: answers2021 }];
  const doc = analyzeTrend(
    [
      { data: buildWaveData(instrument2021, 'w2019', [], old), instrument: '2019' },
      { data: buildWaveData(instrument2021, 'w2021', [], fresh), instrument: '2021' },
    ],
    { notComparable: mapping.notComparable },
  );
  assert.deepEqual(doc.not_comparable.map((entry) => entry.variable).sort(), ['broadband_good', 'broadband_grade', 'ki_einsatz']);
  assert.ok(!doc.trends.some((table) => ['broadband_grade', 'broadband_good', 'ki_einsatz'].includes(table.variable)));
  const role = doc.trends.find((table) => table.variable === 'respondent_function' && table.by === 'all')!;
  assert.deepEqual(role.cells.filter((c) => c.n > 0).map((c) => [c.wave, c.value, c.n]), [['w2019', 'cdo', 1], ['w2019', 'cio', 1], ['w2021', 'cdo', 1]]);
  const trends = doc.trends.find((table) => table.variable === 'training__trends' && table.by === 'all')!;
  assert.deepEqual(trends.cells.map((c) => [c.wave, c.value, c.n]), [
    ['w2019', 'angeboten', 1], ['w2019', 'nicht_angeboten', 1], ['w2021', 'angeboten', 1], ['w2021', 'nicht_angeboten', 0],
  ]);
});
