// Issue 9, report: the chapter "Entwicklung seit <Welle>" of the 2021 demo report (golden file
// test/golden/trend-chapter-2021-demo.html; UPDATE_GOLDEN=1 accepts changes), sentences written from
// the tests, none in a report without an earlier wave; the public report leaves out small panel counts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { buildReport } from '../src/tasks/build-report.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
const chapterOf = (page: string) => /<section id="entwicklung"[\s\S]*?<\/section>/.exec(page)?.[0];

let cli: MemoryCli;
let page: string;
before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('report', '--wave', '2021-demo', '--format', 'html', '--out', 'bericht.html');
  assert.equal(result.code, 0, result.stderr);
  page = cli.text('bericht.html');
});
after(() => cli.close());

test('the 2021 demo report has the chapter "Entwicklung seit 2019-demo", linked from the contents', () => {
  assert.match(page, /<li><a href="#entwicklung">Entwicklung seit 2019-demo<\/a><\/li>/);
  const chapter = chapterOf(page)!;
  assert.match(chapter, /<h2 id="entwicklung-h">Entwicklung seit 2019-demo<\/h2>/);
  assert.match(chapter, /Digitalisierungsstrategie liegt vor: 23\u00a0% der Kommunen \(2021-demo\) nach 14\u00a0% \(2019-demo\) – signifikant mehr \(Chi-Quadrat-Test, p = 0,0\d\d\)/);
  assert.match(chapter, /E-Government gut aufgestellt \(≥ 3 Basiskomponenten\): \d+\u00a0% der Kommunen \(2021-demo\) nach \d+\u00a0% \(2019-demo\) – signifikant mehr/);
  assert.match(chapter, /Von den \d+ Kommunen, die an 2019-demo und 2021-demo teilgenommen haben, kamen \d+ hinzu und 0 fielen zurück \(McNemar-Test, p &lt; 0,001\)/);
  assert.match(chapter, /In der örtlichen Gemeinschaft engagiert: .* keine signifikante Veränderung .* blieben alle bei ihrer Antwort\./);
  assert.match(chapter, /<svg role="img"/);
  assert.match(chapter, /<table class="data">/);
});

test('golden file of the chapter', () => {
  const chapter = chapterOf(page)!;
  const file = golden('trend-chapter-2021-demo.html');
  const changed = golden('trend-chapter-2021-demo-changed.html');
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, chapter);
  const expected = readFileSync(file, 'utf8');
  if (chapter !== expected) writeFileSync(changed, chapter);
  else if (existsSync(changed)) rmSync(changed);
  assert.ok(chapter === expected, `chapter differs from the golden file; see ${changed.pathname}`);
});

test('no chapter without an earlier comparable wave (2019-demo)', async () => {
  assert.equal((await cli.run('report', '--wave', '2019-demo', '--format', 'html', '--out', 'b2019.html')).code, 0);
  assert.equal(chapterOf(cli.text('b2019.html')), undefined);
  assert.doesNotMatch(cli.text('b2019.html'), /Entwicklung seit/);
});

test('public report: the chapter without counts below k', async () => {
  const chapter = chapterOf(await buildReport(cli.store, { waveId: '2021-demo', format: 'html', public: true }))!;
  assert.match(chapter, /Entwicklung seit 2019-demo/);
  for (const match of chapter.matchAll(/kamen (\d+) hinzu und (\d+) fielen/g)) {
    for (const count of [Number(match[1]), Number(match[2])]) assert.ok(count === 0 || count >= 5, match[0]);
  }
});
