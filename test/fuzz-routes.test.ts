// Property-based fuzzing of every HTTP route (issue 11 "Fuzzing"), generated from the app's route table:
// random parameters, queries, methods, bodies, content types, origins and identities (anonymous, a
// respondent, an admin). Properties: never a 5xx, never a stack trace, every error page German, and an
// error (4xx) to a POST, PUT, PATCH or DELETE changes nothing in the store. Fixed seed; fast-check prints seed and path of a counterexample.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { SqlClient } from '../src/store/sql-client.js';
import { analystSession } from './support/analyst-session.js';
import { Browser, ORIGIN, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = 20_191_205;

let fixture: SurveyFixture;
let respondentCookie: string;
let adminCookie: string;

before(async () => {
  fixture = await surveyFixture();
  const respondent = new Browser(fixture.app, '192.0.2.50');
  await respondent.signIn(fixture.letters.get('05111000')!);
  respondentCookie = respondent.cookie;
  adminCookie = (await analystSession(fixture.app, fixture.store, { role: 'admin' })).cookie;
  assert.ok(respondentCookie && adminCookie);
});
after(() => fixture.close());

interface Route {
  readonly method: string;
  readonly path: string;
}

function routes(): Route[] {
  const seen = new Map<string, Route>();
  for (const { method, path } of fixture.app.routes) if (method !== 'ALL') seen.set(`${method} ${path}`, { method, path });
  return [...seen.values()];
}

const PARAMS = ['w', '2019-demo', 'nope', '05111000', '01001000', '05113000', '1', '9', '0', '999999999999', 'csv', 'xlsx', 'opendata', 'dcat.jsonld', '..', '%2e%2e', '%00', 'ä', 'A'.repeat(64), 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
const TEXT = fc.oneof(fc.constantFrom('', 'ja', 'nein', '1', 'vorhanden', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'ä'.repeat(3000), '\u0000', '%', '=1+1'), fc.string({ maxLength: 20 }));
const FIELDS = ['revision', 'aktion', 'weiter', 'code', 'email', 'passwort', 'strategy_status', 'strategy_fields__verwaltung', 'comments', 'contact_email', 'variable', 'gruppe', 'gewichtet', '_csrf', 'x'];

const request = (route: Route) =>
  fc.record({
    method: fc.oneof({ weight: 5, arbitrary: fc.constant(route.method) }, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS')),
    path: fc
      .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PARAMS) }, fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent)), { minLength: 4, maxLength: 4 })
      .map((values) => {
        let i = 0;
        return route.path.replace(/:[a-z]+(\{[^}]*\})?/gi, () => values[i++ % values.length]!);
      }),
    query: fc.array(fc.tuple(fc.constantFrom(...FIELDS), TEXT), { maxLength: 3 }).map((pairs) => new URLSearchParams(pairs).toString()),
    identity: fc.constantFrom('anonymous', 'respondent', 'admin'),
    origin: fc.constantFrom(ORIGIN, ORIGIN, 'https://evil.example', undefined),
    body: fc.oneof(
      fc.array(fc.tuple(fc.constantFrom(...FIELDS), TEXT), { maxLength: 6 }).map((pairs) => ({ type: 'application/x-www-form-urlencoded', data: new URLSearchParams(pairs).toString() as string | Uint8Array })),
      fc.uint8Array({ maxLength: 300 }).map((data) => ({ type: 'application/x-www-form-urlencoded', data: data as string | Uint8Array })),
      fc.jsonValue().map((value) => ({ type: 'application/json', data: JSON.stringify(value) as string | Uint8Array })),
      fc.constantFrom('text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1').map((type) => ({ type, data: 'a=b' as string | Uint8Array })),
    ),
  });

/** Tables an error may legitimately touch (audit entries, expired sessions). */
const TOUCHABLE = ['audit_log', 'respondent_sessions', 'analyst_sessions'];
let fingerprint: string | undefined;
let lastDigest: { readonly lsn: string; readonly digest: string } | undefined;

/**
 * A digest of every other table's rows, in one query (a full snapshot per refused request would be
 * the better part of this test's time): each table's rows as JSON text, sorted, hashed.
 */
async function state(sql: SqlClient): Promise<string> {
  // Nothing committed since the last digest leaves the WAL where it was: the digest still holds.
  const [{ lsn }] = (await sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
  if (lsn === lastDigest?.lsn) return lastDigest.digest;
  if (fingerprint === undefined) {
    const tables = await sql.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
    const parts = tables
      .map((table) => table.name)
      .filter((name) => !TOUCHABLE.includes(name))
      .map((name) => `SELECT '${name}:' || count(*) || ':' || coalesce(md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)), '') AS part FROM "${name}" t`);
    fingerprint = `SELECT string_agg(part, ',' ORDER BY part) AS digest, pg_current_wal_lsn()::text AS lsn FROM (${parts.join(' UNION ALL ')}) parts`;
  }
  const [row] = await sql.query<{ digest: string; lsn: string }>(fingerprint);
  lastDigest = row!;
  return row!.digest;
}

const GERMAN = /[äöüßÄÖÜ]|\b(die|der|das|ist|nicht|nichts|Seite|Fehler|bitte|Bitte|gibt|keine?|Anfrage|erlaubt|Methode)\b/;

test(`every route: ${RUNS} generated requests each — no 5xx, no stack trace, German errors, errors change nothing`, async () => {
  const table = routes();
  assert.ok(table.length >= 10, `routes: ${table.length}`);
  let known: string | undefined;
  for (const route of table) {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(request(route), async (r) => {
        // Signing out would end the shared sessions: those requests go out anonymously.
        const identity = /abmelden/.test(r.path) ? 'anonymous' : r.identity;
        const headers = new Headers({ 'Content-Type': r.body.type });
        if (r.origin) headers.set('Origin', r.origin);
        if (identity === 'respondent') headers.set('Cookie', respondentCookie);
        if (identity === 'admin') headers.set('Cookie', adminCookie);
        const safe = ['GET', 'HEAD', 'OPTIONS'].includes(r.method);
        // Safe methods write nothing but sessions (a code exchange): the store is compared around the others,
        // against the state after the last accepted write (kept, since most generated requests are refused).
        const before = safe ? '' : (known ??= await state(fixture.sql));
        const url = `${r.path}${r.query ? `?${r.query}` : ''}`;
        const response = await fixture.app.request(url, { method: r.method, headers, body: safe ? undefined : (r.body.data as BodyInit) }, { incoming: { socket: { remoteAddress: '198.51.100.7' } } });
        const text = await response.text();
        assert.ok(response.status < 500, `${r.method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
        assert.doesNotMatch(text, /\n\s+at .*\.(ts|js):\d+/, `${r.method} ${url}: stack trace`);
        if (response.status >= 400) {
          if (r.method !== 'HEAD') assert.match(text, GERMAN, `${r.method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
          if (!safe) assert.equal(await state(fixture.sql), before, `${r.method} ${url} → ${response.status} changed the store`);
        } else if (!safe) known = undefined;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    if (process.env.FUZZ_TIMES) console.log(`${Math.round(performance.now() - started)} ms ${route.method} ${route.path}`);
  }
});
