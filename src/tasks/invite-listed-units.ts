// Invitations for a given list of units (the JSON API's `{"ags": […]}`): like `invite` for the target
// population, but every listed unit must belong to it and must not have an active invitation yet.
import { dmError } from '../errors.js';
import type { InvitationLetter } from '../formats/invitation-letters-csv.js';
import type { Store } from '../store/store.js';
import { type InviteInput, inviteUnits } from './invitations.js';
import { requireWave } from './waves.js';

type InviteStore = Parameters<typeof inviteUnits>[0] & Pick<Store, 'targetUnits'>;

export async function inviteListedUnits(
  store: InviteStore,
  input: Omit<InviteInput, 'reissue' | 'onlyAgs'>,
  ags: readonly string[],
  deliver: (letters: readonly InvitationLetter[]) => Promise<void>,
) {
  const wave = await requireWave(store, input.waveId);
  if (!wave.target) throw dmError('DM_TARGET_MISSING', { wave: wave.id });
  const target = new Set((await store.targetUnits(wave.id)).map((unit) => unit.ags));
  const outside = [...new Set(ags)].filter((value) => !target.has(value));
  if (outside.length > 0) throw dmError('DM_NOT_IN_TARGET', { wave: wave.id, detail: `AGS ${outside.join(', ')}` });
  const active = new Set((await store.invitations(wave.id)).filter((invitation) => invitation.revokedAt === null).map((invitation) => invitation.ags));
  const invited = [...new Set(ags)].filter((value) => active.has(value));
  if (invited.length > 0) throw dmError('DM_INVITATION_EXISTS', { wave: wave.id, detail: `AGS ${invited.join(', ')}` });
  return inviteUnits(store, { ...input, reissue: 'new', onlyAgs: new Set(ags) }, deliver);
}
