// Who is signed in as analyst: analystContext (installed once in create-app) reads the session cookie,
// requireRole guards a route. Stable API for the analyst pages and downloads of other parts.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { dmError } from '../../errors.js';
import type { Store, User, UserRole } from '../../store/store.js';
import { analystFor, hasRole } from '../../tasks/analyst-accounts.js';

export const ANALYST_COOKIE = 'dm_konto';

/** Hono env of analyst routes: `c.var.analyst` is the signed-in account (set by requireRole). */
export type AnalystEnv = { Variables: { analyst: User | null } };

/** Loads the account of the session cookie into `c.var.analyst` (null when none or expired). */
export function analystContext(store: Pick<Store, 'analystSession'>): MiddlewareHandler<AnalystEnv> {
  return async (c, next) => {
    const id = getCookie(c, ANALYST_COOKIE);
    c.set('analyst', id === undefined ? null : await analystFor(store, id));
    await next();
  };
}

/**
 * Lets only accounts with `role` pass (admin includes analyst). Without a session: 'page' redirects
 * (303) to /anmelden and back afterwards; 'download' answers 401. A signed-in account without the role
 * gets 403 either way.
 */
export function requireRole(role: UserRole, kind: 'page' | 'download' = 'page'): MiddlewareHandler<AnalystEnv> {
  return async (c, next) => {
    const analyst = c.get('analyst') ?? null;
    if (analyst === null) {
      if (kind === 'download') throw dmError('DM_LOGIN_REQUIRED');
      const back = new URL(c.req.url);
      return c.redirect(`/anmelden?weiter=${encodeURIComponent(back.pathname + back.search)}`, 303);
    }
    if (!hasRole(analyst, role)) throw dmError('DM_FORBIDDEN', { role });
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
