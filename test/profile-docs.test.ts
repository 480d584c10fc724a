// docs/digitalprofil.md lists every scored item of every scoring with its weight and rule, as in the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { INSTRUMENT_VERSIONS } from '../src/instrument/instrument-by-version.js';
import { formatPoints } from '../src/profile/item-rules.js';
import { scoringFor } from '../src/profile/scoring.js';

const doc = readFileSync(new URL('../docs/digitalprofil.md', import.meta.url), 'utf8');

test('every instrument version has a scoring, and every scored item is documented with weight and rule', () => {
  for (const version of INSTRUMENT_VERSIONS) {
    const scoring = scoringFor(version);
    assert.ok(scoring, version);
    assert.ok(doc.includes(`Bewertung \`${scoring.id}\``), scoring.id);
    for (const area of scoring.areas) {
      assert.ok(doc.includes(`### ${area.label} (\`${area.id}\`)`), area.id);
      for (const item of area.items) {
        const row = `| \`${item.id}\` | ${item.label} | ${formatPoints(item.weight)} | ${item.rule} |`;
        assert.ok(doc.includes(row), `missing in docs/digitalprofil.md: ${row}`);
      }
    }
  }
});
