// A respondent's way in: the invitation code is exchanged once for a session (cookie), so the code
// does not stay in the address bar; the session names the wave and unit, never a request parameter.
import { dmError } from '../errors.js';
import type { Instrument } from '../instrument/model.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Store, Wave } from '../store/store.js';
import { accessCodeHash, generateSessionId, normalizeAccessCode, sha256Hex } from './access-code.js';
import { requireInstrument } from './instrument-files.js';

export const SESSION_DAYS = 14;

export interface Respondent {
  /** SHA-256 of the session id: the store key, and (shortened) the audit actor. */
  readonly sessionKey: string;
  readonly wave: Wave;
  readonly ags: string;
  /** null if the unit has left the register since the invitation. */
  readonly unit: RegisterUnit | null;
  readonly instrument: Instrument;
  readonly expiresAt: string;
}

type AccessStore = Pick<Store, 'invitationByCode' | 'getWave' | 'createRespondentSession' | 'respondentSession' | 'registerUnits' | 'instrumentVersion'>;

/** Code → new session id (for the cookie). DM_CODE_UNKNOWN / DM_CODE_REVOKED / DM_SURVEY_NOT_OPEN. */
export async function exchangeAccessCode(store: AccessStore, code: string, now: Date) {
  const normalized = normalizeAccessCode(code);
  const invitation = normalized === null ? null : await store.invitationByCode(accessCodeHash(normalized));
  if (!invitation) throw dmError('DM_CODE_UNKNOWN');
  if (invitation.revokedAt !== null) throw dmError('DM_CODE_REVOKED');
  const wave = await store.getWave(invitation.waveId);
  if (!wave) throw dmError('DM_CODE_UNKNOWN');
  requireAnswerable(wave, now);
  const sessionId = generateSessionId();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await store.createRespondentSession({ idSha256: sha256Hex(sessionId), invitationId: invitation.id, expiresAt });
  return { sessionId, expiresAt };
}

/** The live session's respondent, or null (unknown, expired, or its invitation revoked). */
export async function respondentFor(store: AccessStore, sessionId: string): Promise<Respondent | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  const sessionKey = sha256Hex(sessionId);
  const session = await store.respondentSession(sessionKey);
  const wave = session && (await store.getWave(session.waveId));
  if (!session || !wave) return null;
  const [unit] = await store.registerUnits([session.ags]);
  return { sessionKey, wave, ags: session.ags, unit: unit ?? null, instrument: await requireInstrument(store, wave.instrumentVersion), expiresAt: session.expiresAt };
}

/** Open and within its period (by the server clock); the store re-checks on every write. */
export function requireAnswerable(wave: Wave, now: Date): void {
  const time = now.toISOString();
  const inPeriod = (wave.opensAt === null || wave.opensAt <= time) && (wave.closesAt === null || time <= wave.closesAt);
  if (wave.status !== 'open' || !inPeriod) throw dmError('DM_SURVEY_NOT_OPEN', { wave: wave.title });
}

/** Audit actor of a respondent: unit plus a short session tag, so two staff members stay apart. */
export function respondentActor(respondent: Respondent): string {
  return `respondent:${respondent.ags}:${respondent.sessionKey.slice(0, 12)}`;
}
