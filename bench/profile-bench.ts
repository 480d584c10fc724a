// npm run bench, part "Digitalprofil": one profile and all 412 of the demo wave (HTML), each against the
// unweighted analysis of the same wave (load + every table) measured in the same run; PDFs through
// Chromium for a sample of the wave, extrapolated to all 412 and labelled so.
import { readFileSync } from 'node:fs';
import { htmlToPdf } from '../src/pdf/html-to-pdf.js';
import { openPdfPrinter } from '../src/pdf/pdf-printer.js';
import { digitalProfile } from '../src/profile/digital-profile.js';
import { renderProfile } from '../src/profile/profile-page.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { analyze } from '../src/tasks/analyze.js';
import { buildProfile } from '../src/tasks/build-profile.js';
import { buildProfileArchive } from '../src/tasks/build-profile-archive.js';
import { loadProfileContext, previousScores } from '../src/tasks/build-profile-context.js';
import { ensureStarterData } from '../src/tasks/ensure-starter-data.js';

const WAVE = '2019-demo';
/** Profiles printed for the ZIP figure: with 8 the first pages of a fresh browser made the extrapolation 2× too high. */
const PDF_SAMPLE = 32;

export interface ProfileFigures {
  readonly one_profile_seconds: number;
  readonly all_profiles_seconds: number;
  readonly profiles: number;
  readonly analysis_seconds: number;
  readonly one_profile_ratio_to_analysis: number;
  readonly all_profiles_ratio_to_analysis: number;
  readonly one_pdf_seconds: number;
  readonly all_pdfs_zip_seconds_extrapolated: { readonly seconds: number; readonly from_sample: number };
}

export async function benchProfiles(say: (line: string) => void): Promise<ProfileFigures> {
  say('Digitalprofil (Demo-Welle, eingebettete Datenbank) …');
  const store = await openStore({});
  try {
    await ensureStarterData(store, bundled, () => {});
    const ags = (await store.responsesForWave(WAVE)).map((r) => r.ags).sort();
    const analysis = await median(() => analyze(store, { waveId: WAVE }));
    const one = await median(() => buildProfile(store, { waveId: WAVE, ags: ags[0]!, format: 'html' }));
    const all = await median(() => allProfiles(store), 3);
    const figures = {
      one_profile_seconds: round(one),
      all_profiles_seconds: round(all),
      profiles: ags.length,
      analysis_seconds: round(analysis),
      one_profile_ratio_to_analysis: round(one / analysis, 2),
      all_profiles_ratio_to_analysis: round(all / analysis, 2),
      ...(await pdfFigures(store, ags)),
    };
    say(`  ein Profil (HTML, mit Laden der Welle): ${figures.one_profile_seconds} s; alle ${ags.length} Profile: ${figures.all_profiles_seconds} s`);
    say(`  ungewichtete Analyse derselben Welle (Laden + alle Tabellen): ${figures.analysis_seconds} s; Verhältnis ${figures.one_profile_ratio_to_analysis}× (eins) bzw. ${figures.all_profiles_ratio_to_analysis}× (alle)`);
    say(`  PDF: ein Profil ${figures.one_pdf_seconds} s; alle ${ags.length} als ZIP hochgerechnet aus ${PDF_SAMPLE}: ${figures.all_pdfs_zip_seconds_extrapolated.seconds} s`);
    return figures;
  } finally {
    await store.close();
  }
}

/** What `profile --all` does before printing: load once, then every profile as HTML. */
async function allProfiles(store: Store): Promise<void> {
  const loaded = await loadProfileContext(store, WAVE);
  const previous = await previousScores(store, loaded.wave, loaded.context.scoring);
  for (const r of loaded.context.respondents) renderProfile(digitalProfile(loaded.context, r.ags, previous.get(r.ags)));
}

async function pdfFigures(store: Store, ags: readonly string[]) {
  const printPdf = (html: string, options: { readonly footerText?: string }) => htmlToPdf(html, options);
  const one = await median(() => buildProfile(store, { waveId: WAVE, ags: ags[0]!, format: 'pdf' }, printPdf), 3);
  const responses = (await store.responsesForWave(WAVE)).slice(0, PDF_SAMPLE);
  await store.createWave({ id: 'bench-pdf', title: 'Stichprobe', instrumentVersion: '2019', demo: true });
  await store.saveResponses('bench-pdf', responses.map((r) => ({ ags: r.ags, answers: r.answers })), { status: 'submitted', source: 'import', actor: 'bench' });
  // As `profile --all`: one printer for all pages (CliDeps.openPdfPrinter).
  const printer = await openPdfPrinter();
  const start = performance.now();
  await buildProfileArchive(store, 'bench-pdf', (html, options) => printer.print(html, options)).finally(() => printer.close());
  const sample = (performance.now() - start) / 1000;
  return { one_pdf_seconds: round(one), all_pdfs_zip_seconds_extrapolated: { seconds: round((sample / PDF_SAMPLE) * ags.length, 1), from_sample: PDF_SAMPLE } };
}

async function median(run: () => Promise<unknown>, runs = 7): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}

async function bundled() {
  return {
    gemeinden: readFileSync(new URL('../data/gemeinden.csv', import.meta.url)),
    kreise: readFileSync(new URL('../data/kreise.csv', import.meta.url)),
  };
}
