// Invitations: one random code per unit of the target population, shown once (in the letters) and stored
// only as a hash; revocable and re-issuable (issue 6 "Invitations").
import { dmError } from '../errors.js';
import type { InvitationLetter } from '../formats/invitation-letters-csv.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Store } from '../store/store.js';
import { accessCodeHash, generateAccessCode, normalizeAccessCode } from './access-code.js';
import { requireWave } from './waves.js';

/** 'new': units without an active invitation; 'all': every unit again; a list: those units again. */
export type Reissue = 'new' | 'all' | readonly string[];

export interface InviteInput {
  readonly waveId: string;
  /** Public base URL, e.g. https://umfrage.example.de (config BASE_URL). */
  readonly baseUrl: string;
  readonly reissue: Reissue;
  readonly actor: string;
  /** Only these units (e.g. those with an e-mail address); default all that `reissue` selects. */
  readonly onlyAgs?: ReadonlySet<string>;
}

type InviteStore = Pick<Store, 'getWave' | 'targetUnits' | 'invitations' | 'registerUnits' | 'issueInvitations'>;

/**
 * Creates codes, hands the letters to `deliver` (which writes the mail-merge file) and only then stores
 * the hashes, so a failed write leaves no code that nobody has. Returns what was issued.
 */
export async function inviteUnits(
  store: InviteStore,
  input: InviteInput,
  deliver: (letters: readonly InvitationLetter[]) => Promise<void>,
) {
  const wave = await requireWave(store, input.waveId);
  if (!wave.target) throw dmError('DM_TARGET_MISSING', { wave: wave.id });
  const active = new Set((await store.invitations(wave.id)).filter((i) => i.revokedAt === null).map((i) => i.ags));
  const units = (await unitsToInvite(store, wave.id, input.reissue, active)).filter((unit) => input.onlyAgs?.has(unit.ags) ?? true);
  if (units.length === 0) return { issued: 0, revoked: 0, active: active.size };
  const letters = units.map((unit) => letterFor(unit, input.baseUrl));
  await deliver(letters);
  const invitations = letters.map((letter) => ({ ags: letter.ags, codeSha256: accessCodeHash(normalizeAccessCode(letter.code)!) }));
  const result = await store.issueInvitations(wave.id, invitations, { actor: input.actor, replaceActive: input.reissue !== 'new' });
  return { ...result, active: active.size - result.revoked + result.issued };
}

async function unitsToInvite(store: InviteStore, waveId: string, reissue: Reissue, active: ReadonlySet<string>): Promise<RegisterUnit[]> {
  if (reissue === 'new') return (await store.targetUnits(waveId)).filter((unit) => !active.has(unit.ags));
  if (reissue === 'all') return store.targetUnits(waveId);
  const missing = reissue.filter((ags) => !active.has(ags));
  if (missing.length > 0) throw dmError('DM_INVITATION_NOT_FOUND', { wave: waveId, detail: `AGS ${missing.join(', ')}` });
  return store.registerUnits([...new Set(reissue)]);
}

function letterFor(unit: RegisterUnit, baseUrl: string): InvitationLetter {
  const code = generateAccessCode();
  return { ags: unit.ags, name: unit.name, link: `${baseUrl.replace(/\/$/, '')}/umfrage/${code}`, code };
}

/** Revokes the active invitations of `ags`; all must have one, else nothing changes. */
export async function revokeUnits(store: Pick<Store, 'getWave' | 'invitations' | 'revokeInvitations'>, waveId: string, ags: readonly string[], actor: string) {
  await requireWave(store, waveId);
  const active = new Set((await store.invitations(waveId)).filter((i) => i.revokedAt === null).map((i) => i.ags));
  const missing = ags.filter((value) => !active.has(value));
  if (missing.length > 0) throw dmError('DM_INVITATION_NOT_FOUND', { wave: waveId, detail: `AGS ${missing.join(', ')}` });
  return store.revokeInvitations(waveId, ags, actor);
}
