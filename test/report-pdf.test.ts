// `report --format pdf` (issue 5 "PDF"): Debian's Chromium prints the self-contained report; pdftotext finds
// every chapter title and every Abb. caption, the outline has one entry per chapter, the PDF is A4 and tagged.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { reportFigures } from '../src/report/charts/report-figures.js';
import { htmlToPdf } from '../src/pdf/html-to-pdf.js';
import { CHROMIUM_PATH } from './support/browser.js';
import { demoResults } from './support/demo-results.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { pdfOutline } from './support/pdf-outline.js';

const CHAPTERS = [
  'Auf einen Blick',
  'Einleitung und Methodik',
  '1. E-Government gemeinsam angehen!',
  '2. Daten nutzen!',
  '3. Strategien entwickeln!',
  '4. Digitalisierung zur Chefsache machen!',
  '5. Digitalisierung braucht Kompetenzen!',
  '6. Die Infrastruktur ist nicht der Flaschenhals!',
  'Was zu tun ist: Handlungsempfehlungen',
  'Methodenanhang',
  'Lizenz und Datenquellen',
];

const dir = mkdtempSync(join(tmpdir(), 'dm-pdf-'));
let cli: MemoryCli;
let pdf: Uint8Array;
let text: string;

before(async () => {
  cli = await memoryCli();
  assert.equal((await cli.run('demo')).code, 0);
  const result = await cli.run('report', '--wave', '2019-demo', '--format', 'pdf', '--out', 'bericht.pdf');
  assert.equal(result.code, 0, result.stderr);
  pdf = cli.files.get('bericht.pdf')!;
  writeFileSync(join(dir, 'bericht.pdf'), pdf);
  text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'bericht.pdf'), '-'], { encoding: 'utf8' });
});
after(async () => {
  await cli.close();
  rmSync(dir, { recursive: true, force: true });
});

const flat = (value: string) => value.replace(/\s+/g, ' ');

test('the PDF is A4, tagged, with page numbers and fonts from Debian (DejaVu/Liberation)', () => {
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
  const info = execFileSync('pdfinfo', [join(dir, 'bericht.pdf')], { encoding: 'utf8' });
  assert.match(info, /Tagged:\s+yes/);
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  assert.ok(pages > 5, String(pages));
  assert.match(flat(text), new RegExp(`Seite 1 von ${pages}`));
  assert.match(flat(text), new RegExp(`Seite ${pages} von ${pages}`));
  const fonts = execFileSync('pdffonts', [join(dir, 'bericht.pdf')], { encoding: 'utf8' });
  const names = fonts.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  assert.ok(names.length > 0);
  for (const name of names) assert.match(name, /^(DejaVu|Liberation)/, name);
});

test('pdftotext finds every chapter title and every Abb. caption', () => {
  const body = flat(text);
  for (const title of CHAPTERS) assert.ok(body.includes(title), title);
  for (const figure of reportFigures(demoResults().results)) {
    const caption = `Abb. ${figure.number}: ${figure.caption}`;
    assert.ok(body.includes(caption), caption);
  }
  assert.match(body, /Demo-Daten: Dieser Bericht beruht auf synthetischen Beispieldaten/);
});

test('figures are never split: each caption is on the same page as its data table', () => {
  const pages = text.split('\f').map(flat);
  const pageOf = (needle: string) => pages.findIndex((page) => page.includes(needle));
  const labels = [...reportFigures(demoResults().results).map((figure) => `Abb. ${figure.number}`), 'Karte 1', 'Karte 2'];
  for (const label of labels) {
    const caption = pageOf(`${label}: `);
    assert.ok(caption >= 0, label);
    assert.equal(pageOf(`Daten zu ${label} `), caption, label);
  }
});

test('the outline has one entry per chapter, in order, under the title', () => {
  const outline = pdfOutline(pdf);
  assert.equal(outline.length, 1, 'one top entry: the report title');
  const chapters = outline[0]!.children.map((entry) => entry.title);
  assert.equal(chapters.length, CHAPTERS.length);
  assert.deepEqual(chapters.map((title) => title.replace(/\s+/g, '')), CHAPTERS.map((title) => title.replace(/\s+/g, '')));
});

test('htmlToPdf is generic: any self-contained page, nothing fetched, no script run', async () => {
  const page = `<!doctype html><html lang="de"><head><title>Profil</title></head><body><h1>Digitalprofil Musterstadt</h1>
<img src="http://example.invalid/x.png" alt=""><script>document.body.append('SKRIPT')</script><p>Größe: groß</p></body></html>`;
  const bytes = await htmlToPdf(page, { footerText: 'Digitalprofil <Test>', executablePath: CHROMIUM_PATH });
  writeFileSync(join(dir, 'profil.pdf'), bytes);
  const out = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'profil.pdf'), '-'], { encoding: 'utf8' }));
  assert.match(out, /Digitalprofil Musterstadt Größe: groß/);
  assert.doesNotMatch(out, /SKRIPT/);
  assert.match(out, /Digitalprofil <Test> Seite 1 von 1/);
  assert.deepEqual(pdfOutline(bytes).map((entry) => entry.title), ['Digitalprofil Musterstadt']);
});

test('unknown wave: CLI error (exit 4), no file written', async () => {
  const result = await cli.run('report', '--wave', 'gibt-es-nicht', '--format', 'pdf', '--out', 'nichts.pdf');
  assert.equal(result.code, 4);
  assert.match(result.stderr, /Welle „gibt-es-nicht“ gibt es nicht/);
  assert.equal(cli.files.has('nichts.pdf'), false);
});

test('PDF to standard output is refused with a German usage error', async () => {
  const result = await cli.run('report', '--wave', '2019-demo', '--format', 'pdf', '--out', '-');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /PDF braucht eine Zieldatei/);
});
