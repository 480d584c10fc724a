// CSRF check for every state-changing request (architecture "How a request flows" step 5): the browser's
// Sec-Fetch-Site must say same-origin, or, where it is not sent, Origin must be ours. Unlike hono/csrf
// this checks every content type and answers in German.
import type { MiddlewareHandler } from 'hono';
import { dmError } from '../errors.js';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

/** `publicOrigin`: the BASE_URL origin, for a server behind a reverse proxy. */
export function csrfCheck(publicOrigin: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.test(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const ours = origin !== undefined && (origin === new URL(c.req.url).origin || origin === publicOrigin);
      if (site === undefined ? !ours : site !== 'same-origin') throw dmError('DM_CSRF_REJECTED');
    }
    await next();
  };
}
