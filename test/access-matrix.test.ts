// docs/access-matrix.md, row by row: every route × role (anonymous, respondent A, respondent B, analyst,
// admin) answers with the documented status; and every route of the app is in the table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { analystSession } from './support/analyst-session.js';
import { Browser, ORIGIN, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';
import { closedDemoWave } from './support/closed-demo-wave.js';

const ROLES = ['anonym', 'Befragte A', 'Befragte B', 'Analyst', 'Admin'] as const;

interface Row {
  readonly method: string;
  readonly path: string;
  readonly expected: readonly string[];
}

function matrix(): Row[] {
  const lines = readFileSync(new URL('../docs/access-matrix.md', import.meta.url), 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Methode |'));
  assert.deepEqual(lines[header]!.split('|').slice(3, -1).map((cell) => cell.trim()), [...ROLES]);
  return lines
    .slice(header + 2)
    .filter((line) => line.startsWith('|'))
    .map((line) => {
      const [method, path, ...expected] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { method: method!, path: path!.replaceAll('`', ''), expected };
    });
}

let fixture: SurveyFixture;
const cookies = new Map<string, string>();

before(async () => {
  fixture = await surveyFixture();
  await closedDemoWave(fixture.store, 'alt');
  const a = new Browser(fixture.app, '192.0.2.70');
  await a.signIn(fixture.letters.get('05111000')!);
  const b = new Browser(fixture.app, '192.0.2.71');
  await b.signIn(fixture.letters.get('05113000')!);
  cookies.set('Befragte A', a.cookie).set('Befragte B', b.cookie);
  cookies.set('Analyst', (await analystSession(fixture.app, fixture.store)).cookie);
  cookies.set('Admin', (await analystSession(fixture.app, fixture.store, { role: 'admin' })).cookie);
});
after(() => fixture.close());

/** "303→/anmelden" matches a redirect whose target starts so; a plain number matches the status. */
function outcome(response: Response, expected: string): string {
  const location = response.headers.get('location') ?? '';
  const [, prefix] = expected.split('→');
  return prefix !== undefined && location.startsWith(prefix) ? `${response.status}→${prefix}` : String(response.status);
}

test('every row of the access matrix holds for every role', async () => {
  const rows = matrix();
  assert.ok(rows.length >= 20);
  const failures: string[] = [];
  for (const row of rows) {
    for (const [i, role] of ROLES.entries()) {
      const headers = new Headers();
      const cookie = cookies.get(role);
      if (cookie) headers.set('Cookie', cookie);
      if (row.method === 'POST') {
        headers.set('Origin', ORIGIN);
        headers.set('Content-Type', 'application/x-www-form-urlencoded');
      }
      const response = await fixture.app.request(row.path, { method: row.method, headers, body: row.method === 'POST' ? 'revision=1' : undefined }, { incoming: { socket: { remoteAddress: `198.51.100.${i + 20}` } } });
      const got = outcome(response, row.expected[i]!);
      if (got !== row.expected[i]) failures.push(`${row.method} ${row.path} als ${role}: ${got}, erwartet ${row.expected[i]}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('every route of the app has at least one row', () => {
  const rows = matrix();
  const missing = new Set<string>();
  for (const { method, path } of fixture.app.routes) {
    if (method === 'ALL') continue;
    const pattern = routePattern(path);
    if (!rows.some((row) => row.method === method && pattern.test(row.path))) missing.add(`${method} ${path}`);
  }
  assert.deepEqual([...missing], []);
});

/** Hono's `/x/:name{regex}/:other` as one anchored RegExp (the regex may hold braces itself). */
function routePattern(path: string): RegExp {
  let out = '';
  for (let i = 0; i < path.length; ) {
    const param = /^:[A-Za-z]+/.exec(path.slice(i));
    if (!param) {
      out += path[i]!.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      i++;
      continue;
    }
    i += param[0].length;
    if (path[i] !== '{') {
      out += '([^/]+)';
      continue;
    }
    let depth = 0;
    const start = i + 1;
    for (; i < path.length; i++) {
      if (path[i] === '{') depth++;
      else if (path[i] === '}' && --depth === 0) break;
    }
    out += `(${path.slice(start, i)})`;
    i++;
  }
  return new RegExp(`^${out}(\\?.*)?$`);
}
