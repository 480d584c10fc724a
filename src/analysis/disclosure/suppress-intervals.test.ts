// Disclosure control against the whole-number attacker (test/support/whole-number-attack.ts) on the 2019
// demo: no suppressed cell may be pinned to one value; the figures of docs/disclosure.md ("Grenzen") are
// the narrowed cells counted here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DERIVED_RECODES_2019 } from '../../instrument/derived-recodes-2019.js';
import { DERIVED_TALLIES_2019 } from '../../instrument/derived-tallies-2019.js';
import { instrument2019 } from '../../instrument/waves/instrument-2019.js';
import { publicResults } from '../../tasks/public-results.js';
import { demoResults } from '../../../test/support/demo-results.js';
import { loadHighs, wholeNumberAudit } from '../../../test/support/whole-number-attack.js';

test('demo 2019, k = 3, 5, 10: no suppressed cell is pinned by the published sums as whole, non-negative counts', async () => {
  const highs = await loadHighs();
  const { results } = demoResults();
  for (const k of [3, 5, 10]) {
    const result = wholeNumberAudit(highs, publicResults(instrument2019, results, k), results, { tallies: DERIVED_TALLIES_2019, recodes: DERIVED_RECODES_2019 }, k);
    console.log(`k = ${k}: ${result.cells} suppressed cells, ${result.small} with 0 < n < k: ${result.notZero} known not 0, ${result.belowK} known < k, ${result.narrowed} both`);
    assert.deepEqual(result.pinned, [], `k = ${k}`);
    assert.ok(result.cells > 100 && result.small > 20, `k = ${k}: ${result.cells} cells, ${result.small} small`);
  }
});
