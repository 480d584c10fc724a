// A store with a small register, an open wave with invitations, the app, and a cookie-keeping browser
// stand-in that talks to it in-process through app.request() (architecture habit 9).
import type { Hono } from 'hono';
import type { InvitationLetter } from '../../src/formats/invitation-letters-csv.js';
import { migrate } from '../../src/store/migrate.js';
import { openSqlClient } from '../../src/store/open-sql-client.js';
import type { SqlClient } from '../../src/store/sql-client.js';
import { SqlStore } from '../../src/store/sql-store.js';
import type { Store } from '../../src/store/store.js';
import { inviteUnits } from '../../src/tasks/invitations.js';
import { createApp } from '../../src/web/create-app.js';
import { tokenBucket } from '../../src/web/rate-limit.js';
import { register, unit } from '../store-suite/store-fixture.js';

export const ORIGIN = 'http://localhost';

export interface SurveyFixture {
  readonly store: Store;
  /** The store's own connection, for tests that look at the tables directly. */
  readonly sql: SqlClient;
  readonly app: Hono;
  /** AGS → the letter (code and link) of each invited unit. */
  readonly letters: ReadonlyMap<string, InvitationLetter>;
  readonly logged: string[];
  close(): Promise<void>;
}

export const UNITS = [
  unit('05111000', { name: 'Düsseldorf', stateCode: 'NW', state: 'Nordrhein-Westfalen', unitType: 'kreisfreie_stadt', sizeClass: 'gk1', population: 631_217 }),
  unit('05113000', { name: 'Essen', stateCode: 'NW', state: 'Nordrhein-Westfalen', unitType: 'kreisfreie_stadt', sizeClass: 'gk1' }),
  unit('05158000', { name: 'Kreis Mettmann', stateCode: 'NW', state: 'Nordrhein-Westfalen', unitType: 'landkreis', sizeClass: 'lk1' }),
  unit('01001000', { name: 'Flensburg', unitType: 'kreisfreie_stadt', sizeClass: 'gk4' }),
];

/** Wave "w" (open, target: NW) with invitations for its three NW units. */
export async function surveyFixture(options: { readonly codeAttempts?: number } = {}): Promise<SurveyFixture> {
  const sql = await openSqlClient({});
  await migrate(sql);
  const store: Store = new SqlStore(sql);
  await store.replaceRegister(register(UNITS));
  await store.createWave({ id: 'w', title: 'Kommunen digital 2026', instrumentVersion: '2019', target: { stateCodes: ['NW'] } });
  await store.setWaveStatus('w', 'open');
  const letters = new Map<string, InvitationLetter>();
  await inviteUnits(store, { waveId: 'w', baseUrl: ORIGIN, reissue: 'new', actor: 'test' }, async (issued) => {
    for (const letter of issued) letters.set(letter.ags, letter);
  });
  const logged: string[] = [];
  const codeAttempts = tokenBucket(options.codeAttempts ?? 1_000, 60_000);
  const app = createApp({ store, log: (line) => logged.push(line), baseUrl: ORIGIN, codeAttempts });
  return { store, sql, app, letters, logged, close: () => store.close() };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One browser: keeps the session cookie, sends Origin on posts like a real one. */
export class Browser {
  cookie = '';
  constructor(
    private readonly app: Hono,
    private readonly ip = '192.0.2.1',
  ) {}

  get(path: string): Promise<Reply> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts fields (pairs, so a name may repeat) as a form, with our Origin unless overridden. */
  post(path: string, fields: readonly (readonly [string, string])[] | Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
    const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
    const body = new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();
    return this.send(path, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers },
    });
  }

  async send(path: string, init: RequestInit): Promise<Reply> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', this.cookie);
    const response = await this.app.request(path, { ...init, headers }, { incoming: { socket: { remoteAddress: this.ip } } });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = /Max-Age=0/i.test(set) ? '' : set.split(';')[0]!;
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** Opens the personal link: code → session cookie. */
  async signIn(letter: InvitationLetter): Promise<Reply> {
    return this.get(new URL(letter.link).pathname);
  }
}

/** The hidden revision of a form page. */
export function revisionIn(page: string): string {
  const match = /name="revision" value="(\d+)"/.exec(page);
  if (!match) throw new Error(`no revision field in page:\n${page.slice(0, 2000)}`);
  return match[1]!;
}
