// The respondent's questionnaire under /umfrage: no JavaScript, post/redirect/get (303), the unit comes
// only from the session cookie — no route takes a wave or AGS, so nobody can address another unit.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DmError, dmError } from '../../errors.js';
import type { Issue } from '../../instrument/issues.js';
import type { Section } from '../../instrument/model.js';
import type { Store } from '../../store/store.js';
import { SESSION_DAYS, exchangeAccessCode, requireAnswerable, respondentActor, respondentFor, type Respondent } from '../../tasks/respondent-access.js';
import { personalVariables } from '../../instrument/personal-variables.js';
import { deleteContactData } from '../../tasks/privacy.js';
import { answersSha256, saveSection, submitResponse } from '../../tasks/submit-response.js';
import { parseFormBody } from '../form-body.js';
import type { RateLimit } from '../rate-limit.js';
import { contactPage } from './contact-page.js';
import { codePage, receiptPage, savedPage, startPage } from './respondent-pages.js';
import { reviewPage } from './review-page.js';
import { sectionPage } from './section-page.js';
import { profilesAvailableFor } from '../../tasks/wave-monitoring.js';

export interface SurveyDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** Secure cookies (BASE_URL is https). */
  readonly secureCookies: boolean;
  /** Code attempts per client key (IP). */
  readonly codeAttempts: RateLimit;
  readonly clientKey: (c: Context) => string;
  /** The CSRF check, run on every POST route. */
  readonly csrf: MiddlewareHandler;
}

type SurveyEnv = { Variables: { respondent: Respondent } };
type SurveyContext = Context<SurveyEnv>;

/** The respondent's session cookie (path /umfrage); also read by the Digitalprofil (web/profile). */
export const COOKIE = 'dm_sitzung';
const ACTIONS = ['weiter', 'zurueck', 'speichern'] as const;
const CODE_ERRORS = new Set(['DM_CODE_UNKNOWN', 'DM_CODE_REVOKED', 'DM_SURVEY_NOT_OPEN', 'DM_RATE_LIMITED']);

export function surveyRoutes(deps: SurveyDeps): Hono<SurveyEnv> {
  const app = new Hono<SurveyEnv>();
  const { store } = deps;
  const respondent = requireRespondent(deps, 'answerable');
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/', async (c) => {
    const found = await sessionOf(c, deps);
    if (!found) return c.html(codePage());
    requireAnswerable(found.wave, deps.now());
    return c.html(startPage(found, await store.responseFor(found.wave.id, found.ags)));
  });
  app.post('/anmelden', deps.csrf, async (c) => {
    const form = await parseFormBody(c.req.raw);
    const code = single(form, 'code');
    form.delete('code');
    noFields(form);
    return signIn(c, deps, code, (message) => codePage(message, code));
  });
  app.post('/start', deps.csrf, respondent, async (c) => {
    await parseFormBody(c.req.raw).then((form) => noFields(form));
    const r = c.var.respondent;
    await store.appendAudit({ actor: respondentActor(r), action: 'respondent.confirm_register', subject: `${r.wave.id}/${r.ags}` });
    return c.redirect('/umfrage/seite/1', 303);
  });

  app.get('/seite/:page{[0-9]+}', respondent, async (c) => {
    const r = c.var.respondent;
    const page = pageOf(c, r);
    const response = await store.responseFor(r.wave.id, r.ags);
    const answers = response?.answers ?? {};
    const view = { instrument: r.instrument, waveTitle: r.wave.title, page, stored: answers, values: answers, revision: response?.revision ?? 0 };
    return c.html(sectionPage({ ...view, grew: c.req.query('neu') === '1' }));
  });
  app.post('/seite/:page{[0-9]+}', deps.csrf, respondent, async (c) => {
    const r = c.var.respondent;
    const page = pageOf(c, r);
    const form = await parseFormBody(c.req.raw);
    const revision = revisionOf(form);
    const action = single(form, 'aktion', ACTIONS, 'weiter');
    form.delete('revision');
    form.delete('aktion');
    const result = await saveSection(store, r, r.instrument.sections[page - 1] as Section, form, revision);
    const view = { instrument: r.instrument, waveTitle: r.wave.title, page };
    if (result.kind === 'invalid') {
      return c.html(sectionPage({ ...view, stored: result.stored, values: result.posted, revision: result.revision, issues: result.issues }), 422);
    }
    if (result.kind === 'conflict') {
      const conflict = { current: result.current, conflicts: result.conflicts, takenOver: result.takenOver };
      return c.html(sectionPage({ ...view, stored: result.current, values: result.proposal, revision: result.revision, conflict }), 409);
    }
    if (result.grew) return c.redirect(`/umfrage/seite/${page}?neu=1#inhalt`, 303);
    return c.redirect(nextAddress(action, page, r.instrument.sections.length), 303);
  });
  app.get('/gespeichert', respondent, (c) => {
    const r = c.var.respondent;
    const page = Number(c.req.query('seite'));
    const valid = Number.isInteger(page) && page >= 1 && page <= r.instrument.sections.length;
    return c.html(savedPage(valid ? page : 1, r.expiresAt));
  });

  app.get('/pruefen', respondent, async (c) => c.html(await review(deps, c.var.respondent)));
  app.post('/abschicken', deps.csrf, respondent, async (c) => {
    const r = c.var.respondent;
    const form = await parseFormBody(c.req.raw);
    const revision = revisionOf(form);
    form.delete('revision');
    noFields(form);
    const result = await submitResponse(store, r, revision);
    if (result.kind === 'submitted') return c.redirect('/umfrage/quittung', 303);
    if (result.kind === 'invalid') return c.html(await review(deps, r, { issues: result.issues }), 422);
    return c.html(await review(deps, r, { conflict: true }), 409);
  });
  app.get('/quittung', requireRespondent(deps, 'any'), async (c) => {
    const r = c.var.respondent;
    const response = await store.responseFor(r.wave.id, r.ags);
    if (!response?.receipt) return c.redirect('/umfrage/pruefen', 303);
    const profiles = { available: await profilesAvailableFor(store, r.wave), k: r.wave.minCellCount };
    return c.html(receiptPage({ ...response, receipt: response.receipt }, answersSha256(response.answers), profiles));
  });

  // The unit's own contact data: visible and deletable also after the wave has closed.
  app.get('/kontakt', requireRespondent(deps, 'any'), async (c) => {
    const r = c.var.respondent;
    const response = await store.responseFor(r.wave.id, r.ags);
    return c.html(contactPage(response?.answers ?? {}, personalVariables(r.instrument), c.req.query('geloescht') === '1'));
  });
  app.post('/kontakt/loeschen', deps.csrf, requireRespondent(deps, 'any'), async (c) => {
    await parseFormBody(c.req.raw).then((form) => noFields(form));
    const r = c.var.respondent;
    await deleteContactData(store, r.wave.id, r.ags, respondentActor(r));
    return c.redirect('/umfrage/kontakt?geloescht=1', 303);
  });

  app.post('/abmelden', deps.csrf, async (c) => {
    const found = await sessionOf(c, deps);
    if (found) await store.deleteRespondentSession(found.sessionKey);
    deleteCookie(c, COOKIE, { path: '/umfrage', secure: deps.secureCookies });
    return c.redirect('/umfrage', 303);
  });
  // Last: the personal link from the letter. 28 symbols in groups; reserved words above are shorter.
  app.get('/:code{[0-9A-Za-z-]{20,64}}', (c) => signIn(c, deps, c.req.param('code'), (message) => codePage(message)));
  return app;
}

/** Code → session cookie → 303 to /umfrage, so the code leaves the address bar (and any Referer). */
async function signIn(c: SurveyContext, deps: SurveyDeps, code: string, page: (message: string) => ReturnType<typeof codePage>) {
  try {
    const allowed = deps.codeAttempts.take(deps.clientKey(c));
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterSeconds));
      throw dmError('DM_RATE_LIMITED', { detail: allowed.retryAfterSeconds });
    }
    const { sessionId } = await exchangeAccessCode(deps.store, code, deps.now());
    const maxAge = SESSION_DAYS * 86_400;
    setCookie(c, COOKIE, sessionId, { path: '/umfrage', httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, maxAge });
    return c.redirect('/umfrage', 303);
  } catch (error) {
    if (!(error instanceof DmError) || !CODE_ERRORS.has(error.code)) throw error;
    return c.html(page(error.message), error.status as 403);
  }
}

async function sessionOf(c: Context, deps: SurveyDeps): Promise<Respondent | null> {
  const id = getCookie(c, COOKIE);
  return id === undefined ? null : respondentFor(deps.store, id);
}

/** Loads the session's respondent; 'answerable' also requires the wave open (403 to read, 409 to write). */
function requireRespondent(deps: SurveyDeps, need: 'answerable' | 'any'): MiddlewareHandler<SurveyEnv> {
  return async (c, next) => {
    const found = await sessionOf(c, deps);
    if (!found) throw dmError('DM_SESSION_REQUIRED');
    if (need === 'answerable') {
      try {
        requireAnswerable(found.wave, deps.now());
      } catch (error) {
        if (c.req.method === 'POST') throw dmError('DM_SURVEY_CLOSED', { wave: found.wave.title });
        throw error;
      }
    }
    c.set('respondent', found);
    await next();
  };
}

async function review(deps: SurveyDeps, r: Respondent, extra: { issues?: readonly Issue[]; conflict?: boolean } = {}) {
  const response = await deps.store.responseFor(r.wave.id, r.ags);
  const unchangedSinceSubmit = response?.receipt?.sha256 === answersSha256(response?.answers ?? {});
  return reviewPage({ instrument: r.instrument, waveTitle: r.wave.title, response, unchangedSinceSubmit, ...extra });
}

function pageOf(c: Context, r: Respondent): number {
  const page = Number(c.req.param('page'));
  if (!(page >= 1 && page <= r.instrument.sections.length)) throw dmError('DM_NOT_FOUND', { path: c.req.path });
  return page;
}

function nextAddress(action: (typeof ACTIONS)[number], page: number, count: number): string {
  if (action === 'speichern') return `/umfrage/gespeichert?seite=${page}`;
  if (action === 'zurueck') return page === 1 ? '/umfrage' : `/umfrage/seite/${page - 1}`;
  return page === count ? '/umfrage/pruefen' : `/umfrage/seite/${page + 1}`;
}

function revisionOf(form: Map<string, string[]>): number {
  const value = single(form, 'revision');
  if (!/^[0-9]{1,9}$/.test(value)) throw dmError('DM_BAD_REQUEST', { detail: 'Das Feld „revision“ ist keine Zahl.' });
  return Number(value);
}

/** The one value of `name`; DM_BAD_REQUEST when missing (without fallback), repeated or not in `allowed`. */
function single<T extends string>(form: Map<string, string[]>, name: string, allowed?: readonly T[], fallback?: T): T {
  const values = form.get(name);
  if (values === undefined && fallback !== undefined) return fallback;
  if (values === undefined) throw dmError('DM_BAD_REQUEST', { detail: `Das Feld „${name}“ fehlt.` });
  if (values.length > 1) throw dmError('DM_BAD_REQUEST', { detail: `Das Feld „${name}“ kommt mehrfach vor.` });
  const value = values[0]!;
  if (allowed && !allowed.includes(value as T)) {
    throw dmError('DM_BAD_REQUEST', { detail: `Der Wert von „${name}“ ist unbekannt.` });
  }
  return value as T;
}

function noFields(form: Map<string, string[]>): void {
  const extra = [...form.keys()];
  if (extra.length > 0) throw dmError('DM_BAD_REQUEST', { detail: `unerwartete Felder: ${extra.slice(0, 5).join(', ')}.` });
}
