// /verwaltung/api-schluessel for every signed-in analyst and admin: their own API keys (CSRF-checked posts).
// Creating and revoking go through the same task and store calls as `digitalmonitor apikey`, so both are
// audited; another account's key is 404, as if it did not exist.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { DmError, dmError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { createApiKey } from '../../tasks/api-keys.js';
import { parseFormBody } from '../form-body.js';
import { API_KEYS_PATH, type ApiKeysView, apiKeysPage } from './api-keys-page.js';
import { type AnalystEnv, requireRole } from './require-role.js';

export interface ApiKeysDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly csrf: MiddlewareHandler;
}

export function apiKeysRoutes({ store, now, csrf }: ApiKeysDeps): Hono<AnalystEnv> {
  const app = new Hono<AnalystEnv>();
  const show = async (c: Context<AnalystEnv>, view: ApiKeysView = {}, status = 200) => {
    const user = c.var.analyst!;
    const keys = (await store.apiKeys()).filter((key) => key.email === user.email);
    c.header('Cache-Control', 'no-store');
    return c.html(apiKeysPage(user, keys, view, now()), status as 200);
  };
  app.get('/api-schluessel', requireRole('analyst'), (c) => show(c, c.req.query('widerrufen') === '1' ? { notice: 'Der Schlüssel ist widerrufen; er gilt ab sofort nicht mehr.' } : {}));
  app.post('/api-schluessel', csrf, requireRole('analyst'), async (c) => {
    const user = c.var.analyst!;
    const form = await parseFormBody(c.req.raw);
    const name = single(form, 'name');
    const expires = single(form, 'expires');
    try {
      const created = await createApiKey(store, { email: user.email, name, expires }, `user:${user.email}`, now());
      return await show(c, { created });
    } catch (error) {
      if (!(error instanceof DmError) || error.code !== 'DM_API_KEY_INPUT') throw error;
      // The task's message names the CLI options; the form has its own labels.
      return show(c, { error: error.message.replace(/ \(--\w+\)/g, ''), name, expires }, error.status);
    }
  });
  app.post('/api-schluessel/:id/widerrufen', csrf, requireRole('analyst'), async (c) => {
    const user = c.var.analyst!;
    const id = c.req.param('id');
    const own = /^\d{1,15}$/.test(id) ? (await store.apiKeys()).find((key) => key.id === Number(id) && key.email === user.email) : undefined;
    if (!own) throw dmError('DM_API_KEY_NOT_FOUND', { detail: id.slice(0, 20) });
    if (own.revokedAt === null) await store.revokeApiKey(own.id, `user:${user.email}`);
    return c.redirect(`${API_KEYS_PATH}?widerrufen=1`, 303);
  });
  return app;
}

function single(form: Map<string, string[]>, field: string): string {
  const values = form.get(field) ?? [''];
  if (values.length !== 1) throw dmError('DM_BAD_REQUEST', { detail: `Das Feld „${field}“ kommt mehrfach vor.` });
  return values[0]!.trim();
}
