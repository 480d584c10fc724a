// Invitations and reminders by e-mail (issue 6 "Invitations": when SMTP_URL is set). The sender is a
// port; src/mail supplies the SMTP one. Each message goes to the unit's address from the contacts file.
import { dmError } from '../errors.js';
import type { InvitationLetter } from '../formats/invitation-letters-csv.js';
import type { Store } from '../store/store.js';
import { type InviteInput, inviteUnits } from './invitations.js';
import { invitationMailText, reminderMailText } from './mail-texts.js';
import { reminderUnits } from './wave-monitoring.js';
import { requireWave } from './waves.js';

export interface MailSender {
  send(message: { readonly to: string; readonly subject: string; readonly text: string }): Promise<void>;
}

export interface MailOutcome {
  readonly sent: number;
  /** AGS whose message the server did not accept. */
  readonly failed: readonly string[];
  /** AGS left out for want of an address. */
  readonly withoutAddress: readonly string[];
}

type InviteStore = Parameters<typeof inviteUnits>[0];

/**
 * Issues codes (as inviteUnits) and mails each letter whose unit has an address. `alsoDeliver` (the
 * letters file) gets every letter; without it only units with an address are invited. When no message
 * at all is accepted, nothing is stored; failures after that are reported (DM_MAIL_FAILED) after storing.
 */
export async function mailInvitations(
  store: InviteStore,
  input: InviteInput,
  contacts: ReadonlyMap<string, string>,
  sender: MailSender,
  alsoDeliver?: (letters: readonly InvitationLetter[]) => Promise<void>,
) {
  const wave = await requireWave(store, input.waveId);
  let outcome: MailOutcome = { sent: 0, failed: [], withoutAddress: [] };
  const deliver = async (letters: readonly InvitationLetter[]) => {
    await alsoDeliver?.(letters);
    outcome = await sendAll(letters, contacts, sender, (letter) => invitationMailText(wave, letter));
    if (outcome.sent === 0 && outcome.failed.length > 0 && !alsoDeliver) {
      throw dmError('DM_MAIL_FAILED', { detail: 'Der Mailserver hat keine Nachricht angenommen. Es wurde kein Code gespeichert.' });
    }
  };
  const onlyAgs = alsoDeliver ? undefined : new Set(contacts.keys());
  const result = await inviteUnits(store, { ...input, ...(onlyAgs ? { onlyAgs } : {}) }, deliver);
  return { ...result, ...outcome };
}

/** Mails a reminder to every invited unit that has not submitted and has an address; audited. */
export async function mailReminders(
  store: Pick<Store, 'getWave' | 'invitedUnits' | 'appendAudit'>,
  input: { readonly waveId: string; readonly baseUrl: string; readonly actor: string },
  contacts: ReadonlyMap<string, string>,
  sender: MailSender,
): Promise<MailOutcome> {
  const wave = await requireWave(store, input.waveId);
  const due = reminderUnits(await store.invitedUnits(wave.id));
  const outcome = await sendAll(due, contacts, sender, (unit) => reminderMailText(wave, unit, input.baseUrl));
  const details = { sent: outcome.sent, failed: outcome.failed.length, withoutAddress: outcome.withoutAddress.length };
  await store.appendAudit({ actor: input.actor, action: 'reminders.send', subject: wave.id, details });
  return outcome;
}

async function sendAll<T extends { readonly ags: string }>(
  items: readonly T[],
  contacts: ReadonlyMap<string, string>,
  sender: MailSender,
  textOf: (item: T) => { readonly subject: string; readonly text: string },
): Promise<MailOutcome> {
  let sent = 0;
  const failed: string[] = [];
  const withoutAddress: string[] = [];
  for (const item of items) {
    const to = contacts.get(item.ags);
    if (to === undefined) {
      withoutAddress.push(item.ags);
      continue;
    }
    try {
      await sender.send({ to, ...textOf(item) });
      sent += 1;
    } catch {
      failed.push(item.ags);
    }
  }
  return { sent, failed, withoutAddress };
}
