// The Digitalprofil on the web (issue 7). Respondents: /umfrage/digitalprofil/:wave/:ags, only for the
// wave and unit of their own session — every other id, and no session, is 404, so the route tells nobody
// which units answered. Analysts: /verwaltung/wellen/:wave/digitalprofil/:ags for any unit that answered.
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { dmError } from '../../errors.js';
import { PROFILE_CSS } from '../../profile/profile-css.js';
import type { Store } from '../../store/store.js';
import { buildProfile } from '../../tasks/build-profile.js';
import { respondentActor, respondentFor } from '../../tasks/respondent-access.js';
import { type AnalystEnv, requireRole } from '../analyst/require-role.js';
import { COOKIE } from '../survey/survey-routes.js';

export const PROFILE_CSS_PATH = '/umfrage/digitalprofil/profil.css';

const IDS = '/:wave{[a-z0-9_-]{1,40}}/:ags{[0-9]{1,12}}';

/** Mounted at /umfrage/digitalprofil (before the questionnaire's routes). */
export function respondentProfileRoutes({ store }: { readonly store: Store }): Hono {
  const app = new Hono();
  app.get('/profil.css', (c) => c.body(PROFILE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get(IDS, async (c) => {
    const id = getCookie(c, COOKIE);
    const respondent = id === undefined ? null : await respondentFor(store, id);
    const { wave, ags } = c.req.param() as { wave: string; ags: string };
    if (!respondent || respondent.wave.id !== wave || respondent.ags !== ags) throw dmError('DM_NOT_FOUND', { path: c.req.path });
    return profilePage(c, store, wave, ags, { href: '/umfrage/quittung', text: 'Zurück zur Quittung' }, respondentActor(respondent));
  });
  return app;
}

/** Mounted at /verwaltung. */
export function analystProfileRoutes({ store }: { readonly store: Store }): Hono<AnalystEnv> {
  const app = new Hono<AnalystEnv>();
  app.get(`/wellen${IDS.replace('/:ags', '/digitalprofil/:ags')}`, requireRole('analyst'), (c) => {
    const { wave, ags } = c.req.param() as { wave: string; ags: string };
    return profilePage(c, store, wave, ags, { href: `/verwaltung/wellen/${wave}`, text: 'Zurück zur Welle' }, `user:${c.var.analyst!.email}`);
  });
  return app;
}

async function profilePage(c: Context, store: Store, wave: string, ags: string, back: { href: string; text: string }, actor: string) {
  c.header('Cache-Control', 'no-store');
  return c.html(await buildProfile(store, { waveId: wave, ags, format: 'html', stylesheet: PROFILE_CSS_PATH, back, actor }));
}
