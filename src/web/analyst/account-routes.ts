// /verwaltung/konto for every signed-in analyst and admin: two-factor login on and off (CSRF-checked posts).
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DmError, dmError } from '../../errors.js';
import type { Store, User } from '../../store/store.js';
import { confirmTwoFactor, startTwoFactorSetup, switchOffTwoFactor, totpSetup } from '../../tasks/two-factor.js';
import { parseFormBody } from '../form-body.js';
import { ACCOUNT_PATH, accountPage, recoveryCodesPage } from './account-page.js';
import { ANALYST_COOKIE, type AnalystEnv, requireRole } from './require-role.js';

export interface AccountDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly csrf: MiddlewareHandler;
}

/** Errors shown on the page itself, beside the code field; nothing was changed. */
const PAGE_ERRORS = ['DM_TOTP_INVALID', 'DM_ACCOUNT_LOCKED', 'DM_TWO_FACTOR_ACTIVE', 'DM_TWO_FACTOR_INACTIVE', 'DM_BAD_REQUEST'];

export function accountRoutes({ store, now, csrf }: AccountDeps): Hono<AnalystEnv> {
  const app = new Hono<AnalystEnv>();
  const show = async (c: Context<AnalystEnv>, extra: { error?: string; notice?: string } = {}, status = 200) => {
    const user = c.var.analyst!;
    const state = await store.twoFactorState(user.id);
    const setup = state.totpEnabledAt === null && state.totpSecret !== null ? totpSetup(state.totpSecret, user.email) : undefined;
    return c.html(accountPage(user, { state, setup, ...extra }), status as 200);
  };
  const guarded = (run: (c: Context<AnalystEnv>, user: User) => Promise<Response>) => async (c: Context<AnalystEnv>) => {
    try {
      return await run(c, c.var.analyst!);
    } catch (error) {
      if (!(error instanceof DmError) || !PAGE_ERRORS.includes(error.code)) throw error;
      return show(c, { error: error.message }, error.status);
    }
  };
  app.get('/konto', requireRole('analyst'), (c) => show(c, c.req.query('aus') === '1' ? { notice: 'Die Zwei-Faktor-Anmeldung ist ausgeschaltet.' } : {}));
  app.post('/konto/zwei-faktor/einrichten', csrf, requireRole('analyst'), guarded(async (c, user) => {
    await startTwoFactorSetup(store, user);
    return c.redirect(ACCOUNT_PATH, 303);
  }));
  app.post('/konto/zwei-faktor/bestaetigen', csrf, requireRole('analyst'), guarded(async (c, user) => {
    const codes = await confirmTwoFactor(store, user, await codeField(c.req.raw), now(), getCookie(c, ANALYST_COOKIE));
    return c.html(recoveryCodesPage(user, codes));
  }));
  app.post('/konto/zwei-faktor/ausschalten', csrf, requireRole('analyst'), guarded(async (c, user) => {
    await switchOffTwoFactor(store, user, await codeField(c.req.raw), now());
    return c.redirect(`${ACCOUNT_PATH}?aus=1`, 303);
  }));
  return app;
}

async function codeField(request: Request): Promise<string> {
  const values = (await parseFormBody(request)).get('code');
  if (values?.length !== 1) throw dmError('DM_BAD_REQUEST', { detail: 'Das Feld „code“ fehlt oder kommt mehrfach vor.' });
  return values[0]!;
}
