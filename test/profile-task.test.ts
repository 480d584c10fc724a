// The Digitalprofil through its tasks on the demo wave: numbers equal to the analysis engine's, golden
// files, consent (a unit that said „nein“ is named nowhere), history, disclosure merging, bad input.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { CountCell } from '../src/analysis/results-document.js';
import { DmError } from '../src/errors.js';
import { digitalProfile, type DigitalProfile } from '../src/profile/digital-profile.js';
import { renderProfile } from '../src/profile/profile-page.js';
import { analyze } from '../src/tasks/analyze.js';
import { buildProfile, loadDigitalProfile, profileJson } from '../src/tasks/build-profile.js';
import { loadProfileContext } from '../src/tasks/build-profile-context.js';
import { type ProfileFixture, profileFixture } from './profile-fixture.js';

let fixture: ProfileFixture;
before(async () => {
  fixture = await profileFixture();
});
after(() => fixture.store.close());

test('comparison-group shares and bases equal the analysis engine for the same groups (merged ones summed; small cells withheld)', async () => {
  const results = await analyze(fixture.store, { waveId: '2019-demo' });
  const loaded = await loadProfileContext(fixture.store, '2019-demo');
  let checked = 0;
  let withheld = 0;
  for (const respondent of loaded.context.respondents.filter((_, i) => i % 7 === 0)) {
    const profile = digitalProfile(loaded.context, respondent.ags);
    for (const membership of profile.memberships) {
      const value = membership.id === 'vg_strategy' ? 'hat' : 'true';
      assert.equal(membership.shares.length, 4);
      membership.shares.forEach((share, g) => {
        const group = profile.benchmark[g]!;
        const table = results.tables.find((t) => t.variable === membership.id && t.by === group.by)!;
        const cells = table.cells.filter((cell) => group.groups.includes(cell.by)) as CountCell[];
        const base = group.groups.reduce((sum, name) => sum + (cells.find((cell) => cell.by === name)?.base ?? 0), 0);
        const n = cells.filter((cell) => cell.value === value).reduce((sum, cell) => sum + cell.n, 0);
        const label = `${respondent.ags} ${membership.id} ${group.label}`;
        assert.equal(share.base, base, label);
        const small = (count: number) => count > 0 && count < 5;
        if (small(n) || small(base - n)) {
          assert.deepEqual([share.n, share.share, share.withheld], [null, null, small(n) ? 'below' : 'above'], label);
          withheld++;
        } else {
          assert.equal(share.n, n, label);
          assert.ok(Math.abs(share.share! - n / base) < 1e-12, label);
        }
        checked++;
      });
    }
  }
  assert.ok(checked > 600, String(checked));
  assert.ok(withheld > 0 && withheld < checked / 2, `${withheld} of ${checked} withheld`);
});

test("group sizes and the unit's own membership agree with the respondents themselves", async () => {
  const loaded = await loadProfileContext(fixture.store, '2019-demo');
  const self = loaded.context.respondents[0]!;
  const profile = digitalProfile(loaded.context, self.ags);
  const inState = loaded.context.respondents.filter((r) => r.unit.state === self.unit.state).length;
  const state = profile.benchmark.find((g) => g.dimension === 'state')!;
  assert.equal(state.n, state.merged ? 412 : inState);
  assert.equal(profile.memberships.find((m) => m.id === 'vg_egov')!.member, self.derived['vg_egov'] === 'true');
  for (const group of profile.benchmark) {
    for (const standing of group.scores) if (standing.distribution) assert.ok(standing.distribution.n >= 5 && standing.distribution.n <= group.n);
  }
});

/** Golden units: the first Landkreis, the first kreisfreie Stadt, the first unit that declined the exchange. */
async function goldenUnits(): Promise<string[]> {
  const loaded = await loadProfileContext(fixture.store, '2019-demo');
  const rs = [...loaded.context.respondents].sort((a, b) => a.ags.localeCompare(b.ags));
  return [
    rs.find((r) => r.unit.unitType === 'landkreis')!.ags,
    rs.find((r) => r.unit.unitType === 'kreisfreie_stadt')!.ags,
    rs.find((r) => r.unit.unitType === 'kreisangehoerige_gemeinde' && r.answers['peer_exchange'] === 'nein')!.ags,
  ];
}

test('golden files: HTML and JSON of three demo municipalities (UPDATE_GOLDEN=1 accepts changes)', async () => {
  for (const ags of await goldenUnits()) {
    for (const format of ['html', 'json'] as const) {
      const text = await buildProfile(fixture.store, { waveId: '2019-demo', ags, format });
      const file = new URL(`golden/profile-${ags}.${format}`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      assert.equal(text, readFileSync(file, 'utf8'), `${ags}.${format} differs from the golden file`);
    }
  }
});

test('consent: a unit that said „nein“ is named in no other profile, in HTML or JSON; every page ≤ 50 KB gzip', async () => {
  const loaded = await loadProfileContext(fixture.store, '2019-demo');
  const declined = loaded.context.respondents.filter((r) => r.answers['peer_exchange'] !== 'ja');
  assert.ok(declined.length > 50, String(declined.length));
  const pattern = new RegExp(`(${declined.map((r) => r.unit.name).join('|')})(?!\\d)`, 'g');
  const names = new Set(declined.map((r) => r.unit.name));
  let peersShown = 0;
  let largest = 0;
  for (const respondent of loaded.context.respondents) {
    const profile = digitalProfile(loaded.context, respondent.ags);
    peersShown += profile.peers.list.length;
    const html = renderProfile(profile);
    largest = Math.max(largest, gzipSync(html).length);
    for (const text of [html, profileJson(profile)]) {
      const named = new Set([...text.matchAll(pattern)].map((m) => m[1]!));
      named.delete(respondent.unit.name);
      assert.deepEqual([...named], [], `profile of ${respondent.ags} names ${[...named].join(', ')}`);
    }
    for (const peer of profile.peers.list) assert.ok(!names.has(peer.name));
    if (respondent.answers['peer_exchange'] !== 'ja') assert.ok(profile.peers.list.every((peer) => peer.contact === null));
  }
  assert.ok(peersShown > 1000, String(peersShown));
  assert.ok(largest <= 50 * 1024, `largest profile page: ${largest} bytes gzip`);
});

test('history: the profile in a later wave shows the change of each score since the earlier one', async () => {
  const ags = fixture.later[0]!;
  const profile = await loadDigitalProfile(fixture.store, { waveId: 'zwischen', ags });
  assert.equal(profile.history?.waveId, '2019-demo');
  const egov = profile.history!.changes.find((c) => c.id === 'e_government')!;
  assert.ok(egov.change !== null && egov.change > 0, JSON.stringify(egov));
  assert.equal(profile.history!.changes.find((c) => c.id === 'kompetenzen')!.change, 0);
  const before = await loadDigitalProfile(fixture.store, { waveId: '2019-demo', ags });
  assert.equal(before.history, null);
  const html = await buildProfile(fixture.store, { waveId: 'zwischen', ags, format: 'html' });
  assert.match(html, /Veränderung seit „Wie sind die Kommunen digital aufgestellt\? 2019/);
});

test('history on the two demo waves: a unit that answered both sees the change since 2019-demo', async () => {
  const in2021 = new Set((await fixture.store.responsesForWave('2021-demo')).map((r) => r.ags));
  const ags = fixture.demo.map((r) => r.ags).find((a) => in2021.has(a) && !fixture.later.includes(a))!;
  const profile = await loadDigitalProfile(fixture.store, { waveId: '2021-demo', ags });
  const before = await loadDigitalProfile(fixture.store, { waveId: '2019-demo', ags });
  assert.equal(profile.history?.waveId, '2019-demo');
  profile.history!.changes.forEach((change, i) => {
    assert.equal(change.previous, before.scores[i]!.score);
    assert.equal(change.current, profile.scores[i]!.score);
    if (change.previous !== null && change.current !== null) assert.equal(change.change, Math.round((change.current - change.previous) * 10) / 10);
  });
});

test('a small wave merges small peer groups into larger ones and the page says so', async () => {
  const profile: DigitalProfile = await loadDigitalProfile(fixture.store, { waveId: 'zwischen', ags: fixture.later[0]! });
  assert.ok(profile.benchmark.slice(1).some((group) => group.merged !== null));
  for (const group of profile.benchmark) assert.ok(group.n >= 5, `${group.label}: ${group.n}`);
  const html = await buildProfile(fixture.store, { waveId: 'zwischen', ags: fixture.later[0]!, format: 'html' });
  assert.match(html, /Vergleichsgruppen mit weniger als 5 Antworten zusammengefasst/);
  assert.match(html, /zusammengefasst (mit allen Befragten|zu )/);
});

async function rejection(waveId: string, ags: string): Promise<DmError> {
  try {
    await buildProfile(fixture.store, { waveId, ags, format: 'html' });
  } catch (error) {
    assert.ok(error instanceof DmError, String(error));
    return error;
  }
  throw new Error('no error');
}

test('bad input: unit that did not answer, unit of another wave, too few respondents, unknown wave — German, coded', async () => {
  const none = await rejection('2019-demo', '06411000');
  assert.equal(none.code, 'DM_PROFILE_NOT_RESPONDED');
  assert.match(none.message, /AGS 06411000 .*keinen abgeschickten Fragebogen/);
  const other = await rejection('zwischen', fixture.demo[100]!.ags);
  assert.equal(other.code, 'DM_PROFILE_NOT_RESPONDED');
  assert.match(other.message, /teilgenommen/);
  assert.match(other.message, /„2019-demo“/);
  const few = await rejection('drei', fixture.demo[0]!.ags);
  assert.equal(few.code, 'DM_PROFILE_TOO_FEW');
  assert.match(few.message, /erst 3 Kommunen geantwortet.*ab 5 Antworten/);
  assert.equal((await rejection('gibt-es-nicht', '06411000')).code, 'DM_WAVE_NOT_FOUND');
  assert.equal((await rejection('2019-demo', '123')).code, 'DM_PROFILE_AGS_INVALID');
});

test('history over three waves: every earlier wave with each area score, oldest first; the page shows one column per wave', async () => {
  const in2021 = new Set((await fixture.store.responsesForWave('2021-demo')).map((r) => r.ags));
  const ags = fixture.later.find((a) => in2021.has(a));
  assert.ok(ags, 'one of the „zwischen“ units also answered 2021-demo');
  const profile = await loadDigitalProfile(fixture.store, { waveId: '2021-demo', ags });
  const history = profile.history!;
  assert.equal(history.waveId, 'zwischen', 'the change is since the latest earlier wave');
  assert.deepEqual(history.waves.map((wave) => wave.waveId), ['2019-demo', 'zwischen']);
  for (const wave of history.waves) {
    const then = await loadDigitalProfile(fixture.store, { waveId: wave.waveId, ags });
    assert.deepEqual(wave.scores, then.scores.map((area) => ({ id: area.id, score: area.score })), `scores in ${wave.waveId}`);
  }
  const html = await buildProfile(fixture.store, { waveId: '2021-demo', ags, format: 'html' });
  const table = /<caption>Punkte je Bereich in jeder Befragung[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  assert.deepEqual([...table.matchAll(/<abbr title="[^"]*">([^<]+)<\/abbr>/g)].map((m) => m[1]), ['2019-demo', 'zwischen', '2021-demo']);
  const egov = profile.scores.find((area) => area.id === 'e_government')!;
  const row = new RegExp(`<th scope="row">${egov.label}</th>((?:<td>[^<]*</td>){3})</tr>`).exec(table)?.[1] ?? '';
  const cells = [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
  const expected = [...history.waves.map((wave) => wave.scores.find((s) => s.id === 'e_government')!.score), egov.score].map((score) => (score === null ? '–' : String(Math.round(score))));
  assert.deepEqual(cells, expected);
});

test('bad input: a unit that answered but is missing from the register gets its own message, not "did not answer"', async () => {
  const answered = fixture.demo.slice(10, 15).map((r) => ({ ags: r.ags, answers: r.answers }));
  await fixture.store.createWave({ id: 'ohne-register', title: 'Antwort ohne Registerzeile', instrumentVersion: '2019', demo: true });
  await fixture.store.saveResponses('ohne-register', [...answered, { ags: '05999999', answers: fixture.demo[10]!.answers }], { status: 'submitted', source: 'import', actor: 'test' });
  const missing = await rejection('ohne-register', '05999999');
  assert.equal(missing.code, 'DM_PROFILE_NOT_IN_REGISTER');
  assert.match(missing.message, /AGS 05999999 hat in Welle „ohne-register“ geantwortet, fehlt aber im Gemeindeverzeichnis/);
  assert.equal((await rejection('ohne-register', '06411000')).code, 'DM_PROFILE_NOT_RESPONDED');
});
