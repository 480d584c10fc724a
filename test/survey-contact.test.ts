// A unit's staff see and delete their contact data (issue 11 "GDPR"): only their own, also after the wave
// closed; deletion reaches every saved revision and is audited without the value.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, type SurveyFixture, surveyFixture } from './support/survey-fixture.js';

let fixture: SurveyFixture;
let a: Browser;
let b: Browser;

before(async () => {
  fixture = await surveyFixture();
  a = new Browser(fixture.app, '192.0.2.80');
  b = new Browser(fixture.app, '192.0.2.81');
  await a.signIn(fixture.letters.get('05111000')!);
  await b.signIn(fixture.letters.get('05113000')!);
  const answers = { peer_exchange: 'ja', contact_email: 'cdo+<script>@duesseldorf.example', strategy_status: 'geplant' };
  await fixture.store.writeResponse('w', '05111000', { baseRevision: 0, answers, actor: 'respondent:05111000:test' });
  await fixture.store.writeResponse('w', '05111000', { baseRevision: 1, answers: { ...answers, strategy_status: 'vorhanden' }, actor: 'respondent:05111000:test' });
});
after(() => fixture.close());

test('the unit sees its own contact (escaped); another unit and anonymous visitors do not', async () => {
  const own = await a.get('/umfrage/kontakt');
  assert.equal(own.status, 200);
  assert.match(own.text, /cdo\+&lt;script&gt;@duesseldorf\.example/);
  assert.match(own.text, /Kontaktangaben jetzt löschen/);
  const other = await b.get('/umfrage/kontakt');
  assert.equal(other.status, 200);
  assert.doesNotMatch(other.text, /duesseldorf/);
  assert.match(other.text, /keine Kontaktangabe gespeichert/);
  assert.equal((await new Browser(fixture.app, '192.0.2.82').get('/umfrage/kontakt')).status, 403);
});

test('deleting needs the CSRF origin, then removes the contact from answers and every revision, after the wave closed too', async () => {
  assert.equal((await a.post('/umfrage/kontakt/loeschen', {}, { Origin: 'https://evil.example' })).status, 403);
  assert.equal((await fixture.store.responseFor('w', '05111000'))?.answers.contact_email, 'cdo+<script>@duesseldorf.example');
  await fixture.store.setWaveStatus('w', 'closed');
  const deleted = await a.post('/umfrage/kontakt/loeschen', {});
  assert.equal(deleted.status, 303);
  assert.equal(deleted.headers.get('location'), '/umfrage/kontakt?geloescht=1');
  const page = await a.get('/umfrage/kontakt?geloescht=1');
  assert.match(page.text, /Ihre Kontaktangaben sind gelöscht/);
  const response = await fixture.store.responseFor('w', '05111000');
  assert.deepEqual(response?.answers, { peer_exchange: 'ja', strategy_status: 'vorhanden' });
  for (const revision of [1, 2]) assert.equal((await fixture.store.revisionAnswers('w', '05111000', revision))?.contact_email, undefined);
  const [entry] = await fixture.store.auditLog(1);
  assert.equal(entry?.action, 'privacy.delete');
  assert.match(entry?.actor ?? '', /^respondent:05111000:/);
  assert.doesNotMatch(JSON.stringify(await fixture.store.auditLog()), /duesseldorf/);
  assert.equal((await a.post('/umfrage/kontakt/loeschen', { extra: '1' })).status, 400);
});
