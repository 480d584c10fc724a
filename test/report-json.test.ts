// The JSON report: statements and figure data by id. Golden file test/golden/report-demo.json holds all of
// it except the results document itself (validated by the analyze tests); UPDATE_GOLDEN=1 to accept changes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { reportJson } from '../src/report/report-json.js';
import { responseRates as rates } from '../src/report/response-rates.js';
import { demoResults } from './support/demo-results.js';

test('report JSON of the demo wave matches test/golden/report-demo.json', () => {
  const { data, register } = demoResults();
  const responseRates = rates(data, register, 'register');
  const { results, ...rest } = reportJson(demoResults().results, { title: 'Wie sind die Kommunen digital aufgestellt?', demo: true, responseRates });
  assert.deepEqual(rest.maps.map((map) => map.id), ['karte-1', 'karte-2']);
  assert.equal(rest.responseRates?.respondents, 412);
  assert.equal(results, demoResults().results);
  const text = `${JSON.stringify(rest, null, 2)}\n`;
  const file = new URL('golden/report-demo.json', import.meta.url);
  const changed = new URL('golden/report-demo-changed.json', import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
  const expected = readFileSync(file, 'utf8');
  if (text !== expected) writeFileSync(changed, text);
  else if (existsSync(changed)) rmSync(changed);
  assert.ok(text === expected, `report JSON differs from the golden file; see ${changed.pathname}`);
});
