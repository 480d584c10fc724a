// /anmelden and /abmelden for analysts: no JavaScript, CSRF-checked posts, attempts limited per client
// (IP) and per account; unknown account and wrong password get the same answer.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DmError, dmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { ANALYST_SESSION_HOURS, logIn, logOut, normalizeEmail } from '../tasks/analyst-accounts.js';
import { ANALYST_COOKIE } from './analyst/require-role.js';
import { parseFormBody } from './form-body.js';
import { loginPage, signedOutPage } from './login-page.js';
import type { RateLimit } from './rate-limit.js';

export interface LoginAttempts {
  readonly perClient: RateLimit;
  readonly perAccount: RateLimit;
}

export interface LoginDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly secureCookies: boolean;
  readonly attempts: LoginAttempts;
  readonly clientKey: (c: Context) => string;
  readonly csrf: MiddlewareHandler;
}

export const ANALYST_HOME = '/verwaltung';

export function loginRoutes(deps: LoginDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.get('/anmelden', (c) => c.html(loginPage({ next: safeNext(c.req.query('weiter')) })));
  app.post('/anmelden', deps.csrf, async (c) => {
    const form = await parseFormBody(c.req.raw);
    const email = field(form, 'email');
    const password = field(form, 'passwort');
    const next = safeNext(form.get('weiter')?.[0]);
    try {
      limit(c, deps.attempts.perClient, `ip:${deps.clientKey(c)}`);
      limit(c, deps.attempts.perAccount, `konto:${normalizeEmail(email)}`);
      const { sessionId } = await logIn(deps.store, email, password, deps.now(), optionalField(form, 'code'));
      // Session fixation: the session of a cookie sent along never survives a login.
      const previous = getCookie(c, ANALYST_COOKIE);
      if (previous !== undefined) await logOut(deps.store, previous);
      const maxAge = ANALYST_SESSION_HOURS * 3_600;
      setCookie(c, ANALYST_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, maxAge });
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof DmError) || !['DM_LOGIN_FAILED', 'DM_RATE_LIMITED'].includes(error.code)) throw error;
      return c.html(loginPage({ email, next, error: error.message }), error.status as 401);
    }
  });
  app.post('/abmelden', deps.csrf, async (c) => {
    const id = getCookie(c, ANALYST_COOKIE);
    if (id !== undefined) await logOut(deps.store, id);
    deleteCookie(c, ANALYST_COOKIE, { path: '/', secure: deps.secureCookies });
    return c.html(signedOutPage());
  });
  return app;
}

function limit(c: Context, bucket: RateLimit, key: string): void {
  const allowed = bucket.take(key);
  if (allowed.ok) return;
  c.header('Retry-After', String(allowed.retryAfterSeconds));
  throw dmError('DM_RATE_LIMITED', { detail: allowed.retryAfterSeconds });
}

/** A path on this site only (no scheme, no //host), else the analyst home. */
function safeNext(value: string | undefined): string {
  return value !== undefined && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : ANALYST_HOME;
}

function field(form: Map<string, string[]>, name: string): string {
  const values = form.get(name);
  if (values?.length !== 1) throw dmError('DM_BAD_REQUEST', { detail: `Das Feld „${name}“ fehlt oder kommt mehrfach vor.` });
  return values[0]!;
}

/** A field that may be missing (then ''), but not repeated. */
function optionalField(form: Map<string, string[]>, name: string): string {
  return form.has(name) ? field(form, name) : '';
}
