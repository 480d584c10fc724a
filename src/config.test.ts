import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.js';

const load = (env: Record<string, string>, flags: { db?: string; port?: string } = {}) => loadConfig({ env, flags });

test('defaults: embedded database, port 3000, links to localhost; frozen', () => {
  const config = load({});
  assert.equal(config.port, 3000);
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.analysisThreads, 2);
  assert.equal(load({ ANALYSIS_THREADS: '1' }).analysisThreads, 1);
  assert.ok(Object.isFrozen(config));
});

test('bad settings: one German message per setting, named as the user sets it, no zod English', () => {
  const cases: [Record<string, string>, { db?: string; port?: string }, RegExp][] = [
    [{ PORT: 'abc' }, {}, /PORT bzw\. --port muss eine ganze Zahl von 1 bis 65535 sein\./],
    [{}, { port: '99999' }, /PORT bzw\. --port muss eine ganze Zahl von 1 bis 65535 sein\./],
    [{ BASE_URL: 'ftp://x' }, {}, /BASE_URL muss eine Adresse mit http:\/\/ oder https:\/\/ sein/],
    [{ DATABASE_URL: 'mysql://x' }, {}, /DATABASE_URL muss mit postgres:\/\//],
    [{ DIGITALMONITOR_SECRET_KEY: 'kurz' }, {}, /mindestens 32 Zeichen/],
    [{ ANALYSIS_THREADS: '0' }, {}, /ANALYSIS_THREADS muss eine ganze Zahl von 1 bis 16 sein\./],
    [{ ANALYSIS_THREADS: 'zwei' }, {}, /ANALYSIS_THREADS muss eine ganze Zahl von 1 bis 16 sein\./],
  ];
  for (const [env, flags, message] of cases) {
    assert.throws(() => load(env, flags), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'DM_CONFIG_INVALID');
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /Invalid|expected|Too big|received|port:|baseUrl/);
      return true;
    });
  }
});
