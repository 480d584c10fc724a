// The respondent form end to end, in-process: the whole questionnaire posted page by page, validation
// (422), show-if with stale answers dropped, save and resume, submission with receipt, page sizes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { canonicalAnswersJson } from '../src/instrument/section-answers.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { APP_CSS } from '../src/web/app-css.js';
import { Browser, type Reply, revisionIn, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

const PAGES = instrument2019.sections.length;
const COMMENT = '<script>alert(1)</script> "><img src=x onerror=alert(2)> Grüße & „Zitat“';

/** What the walk-through answers, by page; fields not shown yet are sent once show-if reveals them. */
const ANSWERS: readonly (readonly [string, string])[][] = [
  [['respondent_role', 'cdo']],
  [
    ['strategy_status', 'vorhanden'],
    ['strategy_fields__verwaltung', '1'],
    ['strategy_fields__infrastruktur', '1'],
    ['strategy_goals__effizienz', '1'],
    ['strategy_links__it_strategie', '1'],
    ['strategy_ozg', 'ja'],
  ],
  [
    ['components__formularserver', 'im_einsatz'],
    ['components__epayment', 'geplant'],
    ['operator__formularserver__eigene_it', '1'],
    ['operator__formularserver__land', '1'],
    ['fim_known', 'ja'],
    ['fim_helpfulness__leistungen', 'eher_hilfreich'],
  ],
  [['data_instruments__bestandsaufnahme', 'gering'], ['data_uses__steuerung', '1']],
  [['responsible_admin__cdo', '1'], ['responsible_community__niemand', '1']],
  [['training__fachverfahren', 'angeboten']],
  [['community_support__wlan__finanziell', '1']],
  [['fiber__foerdermittel_einwerben', 'ja'], ['broadband_grade', '2']],
  [['peer_exchange', 'ja'], ['contact_email', 'it@example.de'], ['comments', COMMENT]],
];

let f: SurveyFixture;
before(async () => {
  f = await surveyFixture();
});
after(() => f.close());

/** The option `value` of field `name` is checked in `page`. */
const checked = (name: string, value: string) => new RegExp(`name="${name}" value="${value}"(?: id="[^"]+")? checked`);
const onPage = (page: string, fields: readonly (readonly [string, string])[]) => fields.filter(([name]) => page.includes(`name="${name}"`));

/** Posts `fields` on page `n` until no further questions appear; returns the final reply. */
async function answerPage(browser: Browser, n: number, fields: readonly (readonly [string, string])[], aktion = 'weiter'): Promise<Reply> {
  for (let round = 0; round < 4; round += 1) {
    const page = await browser.get(`/umfrage/seite/${n}`);
    assert.equal(page.status, 200, page.text);
    const reply = await browser.post(`/umfrage/seite/${n}`, [['revision', revisionIn(page.text)], ['aktion', aktion], ...onPage(page.text, fields)]);
    if (reply.headers.get('location') !== `/umfrage/seite/${n}?neu=1#inhalt`) return reply;
  }
  assert.fail(`page ${n} keeps growing`);
}

test('the whole questionnaire, page by page, then review, submission and receipt', async () => {
  const browser = new Browser(f.app);
  const signIn = await browser.signIn(f.letters.get('05111000')!);
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get('location'), '/umfrage');
  const start = await browser.get('/umfrage');
  assert.match(start.text, /Düsseldorf/);
  assert.match(start.text, /<td>05111000<\/td>/);
  assert.match(start.text, /631\.217/);
  const confirmed = await browser.post('/umfrage/start', {});
  assert.equal(confirmed.headers.get('location'), '/umfrage/seite/1');
  for (let n = 1; n <= PAGES; n += 1) {
    const page = await browser.get(`/umfrage/seite/${n}`);
    assert.match(page.text, new RegExp(`Seite ${n} von ${PAGES}`));
    const reply = await answerPage(browser, n, ANSWERS[n - 1]!);
    assert.equal(reply.status, 303, reply.text);
    assert.equal(reply.headers.get('location'), n === PAGES ? '/umfrage/pruefen' : `/umfrage/seite/${n + 1}`);
  }
  const stored = (await f.store.responseFor('w', '05111000'))!;
  assert.equal(stored.status, 'draft');
  assert.equal(stored.source, 'web');
  const a = stored.answers;
  assert.equal(a.strategy_fields__verwaltung, '1');
  assert.equal(a.strategy_fields__bildung_kultur_wissenschaft, '0', 'unticked boxes of an answered question are 0');
  assert.equal(a.strategy_goals__effizienz, '1');
  assert.equal(a.operator__formularserver__land, '1');
  assert.equal(a.operator__epayment__eigene_it, undefined, 'not asked: e-payment is only planned');
  assert.equal(a.fim_helpfulness__leistungen, 'eher_hilfreich');
  assert.equal(a.contact_email, 'it@example.de');
  assert.equal(a.comments, COMMENT);
  assert.equal(a.data_uses__keine, '0');
  assert.equal(a.training__trends, undefined, 'unanswered grid rows stay empty');

  const review = await browser.get('/umfrage/pruefen');
  assert.equal(review.status, 200);
  assert.match(review.text, /Chief Digital Officer \(CDO\)/);
  assert.match(review.text, /Eigene IT-Abteilung, Landesverwaltung \/ Landeslösung/);
  assert.doesNotMatch(review.text, /<script>alert|<img src=x/);
  assert.match(review.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
  const submitted = await browser.post('/umfrage/abschicken', { revision: revisionIn(review.text) });
  assert.equal(submitted.status, 303);
  assert.equal(submitted.headers.get('location'), '/umfrage/quittung');
  const after = (await f.store.responseFor('w', '05111000'))!;
  assert.equal(after.status, 'submitted');
  const sha256 = createHash('sha256').update(canonicalAnswersJson(after.answers)).digest('hex');
  assert.equal(after.receipt?.sha256, sha256);
  const receipt = await browser.get('/umfrage/quittung');
  assert.equal(receipt.status, 200);
  assert.match(receipt.text, new RegExp(sha256));
  assert.match(receipt.text, /Abgeschickt am \d+\. \w+ \d{4} um \d\d:\d\d:\d\d Uhr/);
  // One response so far: no link to a profile that would answer 409 (DM_PROFILE_TOO_FEW).
  assert.doesNotMatch(receipt.text, /href="\/umfrage\/digitalprofil\//);
  assert.match(receipt.text, /gibt es, sobald mindestens 5 Kommunen geantwortet haben/);

  const audit = (await f.store.auditLog()).filter((entry) => entry.subject === 'w/05111000');
  assert.equal(audit[0]?.action, 'response.submit');
  assert.deepEqual(audit[0]?.details, { sha256, revision: after.revision, status: 'submitted' });
  const saves = audit.filter((entry) => entry.action === 'response.save');
  assert.equal(saves.length, after.revision - 1, 'every save is audited');
  assert.ok(saves.every((entry) => Array.isArray(entry.details?.changed) && typeof entry.details?.section === 'string'));
  assert.ok(audit.some((entry) => entry.action === 'respondent.confirm_register'));
  assert.ok(!JSON.stringify(audit).includes('it@example.de'), 'the audit names variables, not values');
});

test('validation errors are re-rendered with 422, the posted values, messages beside the fields and a summary', async () => {
  const browser = new Browser(f.app);
  await browser.signIn(f.letters.get('05113000')!);
  await answerPage(browser, 2, [['strategy_status', 'vorhanden']]);
  const before = await f.store.responseFor('w', '05113000');
  const page = await browser.get('/umfrage/seite/2');
  const four = ['verwaltung', 'infrastruktur', 'partizipation', 'sonstiges'].map((o) => [`strategy_fields__${o}`, '1'] as const);
  const reply = await browser.post('/umfrage/seite/2', [
    ['revision', revisionIn(page.text)],
    ['aktion', 'weiter'],
    ['strategy_status', 'vorhanden'],
    ...four,
    ['strategy_links__keine', '1'],
    ['strategy_links__andere', '1'],
    ['strategy_ozg', 'vielleicht'],
  ]);
  assert.equal(reply.status, 422);
  assert.match(reply.text, /<title>Fehler: /);
  assert.match(reply.text, /Bitte prüfen Sie Ihre Angaben \(3 Hinweise\)/);
  assert.match(reply.text, /<a href="#i-strategy_fields">Bei Frage „Welches sind die drei wichtigsten Handlungsfelder Ihrer Strategie\?“ sind höchstens 3 Optionen erlaubt, gewählt sind 4\.<\/a>/);
  assert.match(reply.text, /<fieldset class="q bad" aria-describedby="hint-strategy_fields err-strategy_fields">/);
  // The invalid state reaches assistive technology (4.1.2): each box of a faulty multiple choice, the
  // radiogroup of a faulty single choice; focus lands on the summary (autofocus, no script needed).
  assert.match(reply.text, /<input type="checkbox" name="strategy_fields__verwaltung" value="1" id="i-strategy_fields" checked aria-invalid="true">/);
  assert.match(reply.text, /<fieldset class="q bad" role="radiogroup" aria-invalid="true" aria-describedby="[^"]*err-strategy_ozg">/);
  assert.match(page.text, /<fieldset class="q" role="radiogroup"( aria-describedby="[^"]*")?>\s*<legend>/, 'a valid single choice is a radiogroup');
  assert.doesNotMatch(page.text, /aria-invalid|autofocus/, 'nothing is invalid before a post');
  assert.match(reply.text, /<div class="box" role="alert" aria-labelledby="fehler-titel" tabindex="-1" autofocus>/);
  assert.match(reply.text, /<p class="err" id="err-strategy_fields">/);
  assert.match(reply.text, /Option „Keine“ bei Frage „An welche Strategien oder Konzepte knüpft sie an\?“ schließt andere Angaben aus, gewählt ist aber auch: Andere Strategien oder Konzepte/);
  assert.match(reply.text, /Option „vielleicht“ gibt es bei Frage/);
  assert.match(reply.text, checked('strategy_fields__sonstiges', '1'), 'the posted values are shown again');
  assert.deepEqual(await f.store.responseFor('w', '05113000'), before, 'nothing saved');

  await answerPage(browser, 9, [['peer_exchange', 'ja']]);
  const last = await browser.get('/umfrage/seite/9');
  const email = await browser.post('/umfrage/seite/9', { revision: revisionIn(last.text), aktion: 'speichern', peer_exchange: 'ja', contact_email: 'kein@adresse', comments: 'x'.repeat(2001) });
  assert.equal(email.status, 422);
  assert.match(email.text, /<input type="email" autocomplete="email" id="i-contact_email" name="contact_email" aria-describedby="hint-contact_email err-contact_email" aria-invalid="true" value="kein@adresse">/);
  assert.match(email.text, /„kein@adresse“ ist keine gültige E-Mail-Adresse\./);
  assert.match(email.text, /Der Text ist zu lang \(2001 Zeichen\); erlaubt sind höchstens 2000 Zeichen\./);
});

test('show-if is evaluated on the server: questions not asked are not shown and their stale answers are dropped', async () => {
  const browser = new Browser(f.app);
  await browser.signIn(f.letters.get('05158000')!);
  const first = await browser.get('/umfrage/seite/2');
  assert.doesNotMatch(first.text, /strategy_fields/, 'not asked before strategy_status');
  await answerPage(browser, 2, [['strategy_status', 'vorhanden'], ['strategy_fields__verwaltung', '1'], ['strategy_ozg', 'nein']]);
  assert.equal((await f.store.responseFor('w', '05158000'))?.answers.strategy_fields__verwaltung, '1');
  const shown = await browser.get('/umfrage/seite/2');
  assert.match(shown.text, checked('strategy_fields__verwaltung', '1'));
  const changed = await browser.post('/umfrage/seite/2', [
    ['revision', revisionIn(shown.text)],
    ['aktion', 'weiter'],
    ['strategy_status', 'kein_thema'],
    ['strategy_fields__verwaltung', '1'],
    ['strategy_ozg', 'nein'],
  ]);
  assert.equal(changed.status, 303);
  const answers = (await f.store.responseFor('w', '05158000'))!.answers;
  assert.deepEqual(Object.keys(answers).filter((name) => name.startsWith('strategy')), ['strategy_status']);
  const again = await browser.get('/umfrage/seite/2');
  assert.doesNotMatch(again.text, /strategy_fields|strategy_ozg/);
  const sneaky = await browser.post('/umfrage/seite/2', { revision: revisionIn(again.text), strategy_status: 'kein_thema', strategy_ozg: 'ja' });
  assert.equal(sneaky.status, 400, 'a field of a question not shown is refused');
  assert.match(sneaky.text, /unerwartete Felder oder Werte: strategy_ozg/);
  await answerPage(browser, 2, [['strategy_status', 'vorhanden']], 'speichern');
  const shownAgain = await browser.get('/umfrage/seite/2');
  const forged = await browser.post('/umfrage/seite/2', { revision: revisionIn(shownAgain.text), strategy_status: 'vorhanden', strategy_fields__verwaltung: '0' });
  assert.equal(forged.status, 400, 'a checkbox posts "1" or nothing: a forged "0" would answer the question with no box ticked');
  assert.match(forged.text, /unerwartete Felder oder Werte: strategy_fields__verwaltung/);
  assert.equal((await f.store.responseFor('w', '05158000'))!.answers.strategy_fields__verwaltung, undefined);
});

test('save and resume: "Speichern und später weitermachen", then a new visit with the link finds everything', async () => {
  const letter = f.letters.get('05113000')!;
  const first = new Browser(f.app);
  await first.signIn(letter);
  const saved = await answerPage(first, 8, [['broadband_grade', '3'], ['fiber__eigener_ausbau', 'geplant']], 'speichern');
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), '/umfrage/gespeichert?seite=8');
  const confirmation = await first.get('/umfrage/gespeichert?seite=8');
  assert.match(confirmation.text, /Ihre Antworten sind gespeichert/);
  assert.match(confirmation.text, /href="\/umfrage\/seite\/8"/);
  const later = new Browser(f.app);
  assert.equal((await later.get('/umfrage/seite/8')).status, 403, 'no session, no answers');
  await later.signIn(letter);
  const resumed = await later.get('/umfrage/seite/8');
  assert.match(resumed.text, checked('broadband_grade', '3'));
  assert.match(resumed.text, checked('fiber__eigener_ausbau', 'geplant'));
  const back = await later.post('/umfrage/seite/8', { revision: revisionIn(resumed.text), aktion: 'zurueck', broadband_grade: '3', fiber__eigener_ausbau: 'geplant' });
  assert.equal(back.headers.get('location'), '/umfrage/seite/7');
  const logout = await later.post('/umfrage/abmelden', {});
  assert.equal(logout.headers.get('location'), '/umfrage');
  assert.equal(later.cookie, '');
  assert.equal((await later.get('/umfrage/seite/8')).status, 403);
});

/** An invalid value for every field of `page`: unknown options, bad flags, too long text, bad e-mail. */
function invalidFields(page: string): [string, string][] {
  const names = new Set([...page.matchAll(/<(?:input|textarea)[^>]*\sname="([a-z0-9_]+)"/g)].map((m) => m[1]!));
  names.delete('revision');
  return [...names].map((name) => {
    if (name === 'comments') return [name, 'ü'.repeat(2001)];
    if (name === 'contact_email') return [name, 'x@'];
    // Every box ticked: the exclusive "keine" options conflict (a value other than "1" is refused outright).
    return [name, page.includes(`type="checkbox" name="${name}"`) ? '1' : 'unbekannt'];
  });
}

test('every respondent page, also in its worst error state, stays within 14 KB gzip (HTML + CSS)', async (t) => {
  const browser = new Browser(f.app);
  await browser.signIn(f.letters.get('05158000')!);
  const css = gzipSync(APP_CSS).byteLength;
  // Page 3 with every component in use, so every operator row is shown too.
  const components = instrument2019.sections[2]!.questions.find((q) => q.id === 'components');
  const allInUse = components && 'items' in components ? components.items.map((item) => [`components__${item.id}`, 'im_einsatz'] as const) : [];
  const everything = ANSWERS.map((fields, i) => (i === 2 ? [...allInUse, ['fim_known', 'ja'] as const] : fields));
  const sizes: string[] = [];
  const measure = (name: string, reply: Reply) => {
    const total = gzipSync(reply.text).byteLength + css;
    sizes.push(`${name} ${total} B`);
    assert.ok(total <= 14 * 1024, `${name}: ${total} bytes gzip`);
  };
  for (let n = 1; n <= PAGES; n += 1) {
    assert.equal((await answerPage(browser, n, everything[n - 1]!)).status, 303);
    const page = await browser.get(`/umfrage/seite/${n}`);
    if (n === 3) assert.equal(page.text.split('type="checkbox" name="operator__').length - 1, 50, 'all operator rows shown');
    measure(`seite ${n}`, page);
    const broken = await browser.post(`/umfrage/seite/${n}`, [['revision', revisionIn(page.text)], ['aktion', 'weiter'], ...invalidFields(page.text)]);
    assert.equal(broken.status, 422, `page ${n}: ${broken.text.slice(0, 300)}`);
    measure(`seite ${n} mit Fehlern`, broken);
  }
  measure('start', await browser.get('/umfrage'));
  const review = await browser.get('/umfrage/pruefen');
  measure('übersicht', review);
  await browser.post('/umfrage/abschicken', { revision: revisionIn(review.text) });
  measure('quittung', await browser.get('/umfrage/quittung'));
  measure('gespeichert', await browser.get('/umfrage/gespeichert?seite=3'));
  measure('code', await new Browser(f.app).get('/umfrage'));
  t.diagnostic(`gzip HTML + CSS (${css} B): ${sizes.join(', ')}`);
});
