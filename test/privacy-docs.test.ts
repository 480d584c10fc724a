// docs/personal-data.md is the one list of personal data: every personal question of every instrument and
// every table column that can hold an e-mail address must appear in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { personalVariables } from '../src/instrument/personal-variables.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/open-pglite.js';

const doc = readFileSync(new URL('../docs/personal-data.md', import.meta.url), 'utf8');

test('every personal question of the instrument is listed', () => {
  const variables = personalVariables(instrument2019);
  assert.deepEqual(variables, ['contact_email']);
  for (const variable of [...variables, 'comments']) assert.match(doc, new RegExp(`\`${variable}\``));
});

test('every table with a column that can hold personal data is listed', async () => {
  const sql = await openPglite();
  try {
    await migrate(sql);
    const columns = await sql.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name ~ '(email|actor|password|id_sha256|code_sha256)'`,
    );
    const tables = [...new Set(columns.map((column) => column.table_name))].sort();
    assert.deepEqual(tables, ['analyst_sessions', 'audit_log', 'invitations', 'recovery_codes', 'respondent_sessions', 'response_revisions', 'users']);
    for (const table of tables.filter((name) => name !== 'response_revisions')) assert.match(doc, new RegExp(`\`${table}\``), table);
    assert.match(doc, /jeder gespeicherten Fassung/, 'revisions (response_revisions.actor, answers) are covered by the answer rows');
  } finally {
    await sql.close();
  }
});
