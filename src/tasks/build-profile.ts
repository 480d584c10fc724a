// The Digitalprofil of one unit (issue 7): load the wave → profile → HTML, JSON or PDF. PDF printing is
// passed in (src/pdf stays an edge).
import { digitalProfile, type DigitalProfile } from '../profile/digital-profile.js';
import { renderProfile } from '../profile/profile-page.js';
import type { Store } from '../store/store.js';
import { loadProfileContext, previousScores, requireRespondent, type LoadedProfiles, type ProfileStore } from './build-profile-context.js';

export type ProfileFormat = 'html' | 'json' | 'pdf';
export type PrintPdf = (html: string, options: { readonly footerText?: string }) => Promise<Uint8Array>;

export interface ProfileInput {
  readonly waveId: string;
  readonly ags: string;
  /** HTML: link this stylesheet instead of inlining the CSS (web, strict CSP). */
  readonly stylesheet?: string;
  /** HTML: a link back (web). */
  readonly back?: { readonly href: string; readonly text: string };
  /** Who reads the profile: contact addresses of peers shown to them are audited as reads of personal data. */
  readonly actor?: string;
}

/**
 * The profile as a value. Throws DM_WAVE_NOT_FOUND, DM_PROFILE_NO_SCORING, DM_PROFILE_TOO_FEW,
 * DM_PROFILE_AGS_INVALID, DM_PROFILE_NOT_RESPONDED.
 */
export async function loadDigitalProfile(store: ProfileStore, input: Pick<ProfileInput, 'waveId' | 'ags'>): Promise<DigitalProfile> {
  const loaded = await loadProfileContext(store, input.waveId);
  return profileOf(store, loaded, input.ags);
}

export async function profileOf(store: ProfileStore, loaded: LoadedProfiles, ags: string): Promise<DigitalProfile> {
  await requireRespondent(store, loaded, ags);
  const previous = await previousScores(store, loaded.wave, loaded.context.scoring);
  return digitalProfile(loaded.context, ags, previous.get(ags));
}

type AuditedProfileStore = ProfileStore & Pick<Store, 'appendAudit'>;

export async function buildProfile(store: AuditedProfileStore, input: ProfileInput & { readonly format: 'pdf' }, printPdf: PrintPdf): Promise<Uint8Array>;
export async function buildProfile(store: AuditedProfileStore, input: ProfileInput & { readonly format: 'html' | 'json' }): Promise<string>;
export async function buildProfile(store: AuditedProfileStore, input: ProfileInput & { readonly format: ProfileFormat }, printPdf?: PrintPdf): Promise<string | Uint8Array> {
  const profile = await loadDigitalProfile(store, input);
  await auditContactReads(store, profile, input.actor ?? 'unbekannt');
  if (input.format === 'json') return profileJson(profile);
  if (input.format === 'html') {
    return renderProfile(profile, { ...(input.stylesheet === undefined ? {} : { stylesheet: input.stylesheet }), ...(input.back ? { back: input.back } : {}) });
  }
  if (!printPdf) throw new TypeError('PDF braucht printPdf');
  return printPdf(renderProfile(profile), { footerText: pdfFooter(profile) });
}

/** The peers' contact addresses a profile shows are personal data: one audit entry per profile read. */
export async function auditContactReads(store: Pick<Store, 'appendAudit'>, profile: DigitalProfile, actor: string): Promise<void> {
  const shown = profile.peers.list.filter((peer) => peer.contact !== null).map((peer) => peer.ags);
  if (shown.length === 0) return;
  await store.appendAudit({ actor, action: 'privacy.read', subject: `${profile.wave.id}/${profile.unit.ags}`, details: { contacts: shown } });
}

export function profileJson(profile: DigitalProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

export function pdfFooter(profile: DigitalProfile): string {
  return `Digitalprofil ${profile.unit.name} – ${profile.wave.title}`;
}
