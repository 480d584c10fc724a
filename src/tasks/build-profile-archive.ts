// Every Digitalprofil of a wave as one ZIP of PDFs (issue 7 "for analysts"): the wave is loaded once,
// the profiles are printed two at a time, fflate packs them (PDFs are compressed already: stored).
import { zipSync, type Zippable } from 'fflate';
import { digitalProfile } from '../profile/digital-profile.js';
import { renderProfile } from '../profile/profile-page.js';
import { loadProfileContext, previousScores, type ProfileStore } from './build-profile-context.js';
import { pdfFooter, type PrintPdf } from './build-profile.js';

/** Two pages at once: Chromium prints while the next page is laid out (measured 1.4× on 2 cores). */
const PARALLEL_PRINTS = 2;

export interface ProfileArchive {
  readonly zip: Uint8Array;
  readonly count: number;
}

export async function buildProfileArchive(store: ProfileStore, waveId: string, printPdf: PrintPdf): Promise<ProfileArchive> {
  const loaded = await loadProfileContext(store, waveId);
  const previous = await previousScores(store, loaded.wave, loaded.context.scoring);
  const units = [...loaded.context.respondents].map((r) => r.ags).sort();
  const pdfs = new Array<Uint8Array>(units.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < units.length; i = next++) {
      const profile = digitalProfile(loaded.context, units[i]!, previous.get(units[i]!));
      pdfs[i] = await printPdf(renderProfile(profile), { footerText: pdfFooter(profile) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PRINTS }, worker));
  const files: Zippable = Object.fromEntries(units.map((ags, i) => [`digitalprofil-${loaded.wave.id}-${ags}.pdf`, [pdfs[i]!, { level: 0 }]]));
  // A fixed timestamp keeps the archive byte-identical for the same data.
  return { zip: zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }), count: loaded.context.respondents.length };
}
