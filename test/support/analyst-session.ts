// A signed-in analyst for in-process web tests: creates the account through the task (Argon2id, store)
// and signs in through POST /anmelden, like a browser. Stable signature — other test files import it.
import type { Hono } from 'hono';
import type { Store, User, UserRole } from '../../src/store/store.js';
import { addUser } from '../../src/tasks/analyst-accounts.js';

export interface AnalystLogin {
  /** `dm_konto=…`, ready for a `Cookie` header of app.request(). */
  readonly cookie: string;
  readonly user: User;
  readonly email: string;
  readonly password: string;
}

// Each sign-in comes from its own client address, so many of them never meet the per-IP limit.
let accounts = 0;

/** Default: a new analyst with a unique address; `role: 'admin'` for an admin. */
export async function analystSession(
  app: Hono,
  store: Store,
  options: { readonly role?: UserRole; readonly email?: string; readonly password?: string } = {},
): Promise<AnalystLogin> {
  const email = options.email ?? `analyst${++accounts}@test.example`;
  const password = options.password ?? 'ein-langes-test-passwort';
  const user = await addUser(store, { email, role: options.role ?? 'analyst', password }, 'test');
  const response = await app.request('/anmelden', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    body: new URLSearchParams({ email, passwort: password, weiter: '/verwaltung' }).toString(),
  }, { incoming: { socket: { remoteAddress: `analyst-session-${accounts}` } } });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie?.startsWith('dm_konto=')) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { cookie, user, email: user.email, password };
}
