// Two-factor login (RFC 6238 TOTP: SHA-1, 30 s, 6 digits, ±1 step) via otpauth, with one-time recovery
// codes stored as SHA-256 only. Setup: a pending secret (QR code + text) → confirmed with a code → on.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { dmError } from '../errors.js';
import type { Store, TwoFactorState, User } from '../store/store.js';
import { LOCKOUT_MINUTES, isLocked, recordFailure } from './account-lockout.js';
import { sha256Hex } from './access-code.js';
import { qrCodeSvg } from './two-factor-qr.js';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Kommunaler Digitalmonitor';
// Crockford base32, as the invitation codes: no I, L, O, U.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_SYMBOLS = 16; // 80 bits

export interface TotpSetup {
  readonly secret: string;
  /** otpauth://totp/… for authenticator apps. */
  readonly uri: string;
  /** The URI as a QR code: an inline SVG, no script. */
  readonly qrSvg: string;
}

/** RFC 6238 step number of `time`. */
export function timeStep(time: Date): number {
  return Math.floor(time.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

/** The time step a 6-digit code belongs to if it is valid at `now` (±1 step); else null. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS, digits: 6, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : timeStep(now) + delta;
}

/** The code an authenticator app shows at `time` (tests, and the CLI's own checks). */
export function totpCode(secret: string, time: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS, digits: 6, timestamp: time.getTime() });
}

export function totpSetup(secret: string, email: string): TotpSetup {
  const uri = new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS, digits: 6 }).toString();
  return { secret, uri, qrSvg: qrCodeSvg(uri, 'QR-Code zum Einrichten der Authenticator-App') };
}

/** A new pending secret (160 bits) for `user`; DM_TWO_FACTOR_ACTIVE when two-factor login is on. */
export async function startTwoFactorSetup(store: Pick<Store, 'startTotpSetup'>, user: User): Promise<void> {
  await store.startTotpSetup(user.id, new Secret({ size: 20 }).base32);
}

/**
 * Confirms the pending secret with a current code → two-factor login on, every other session of the account
 * ended; returns the recovery codes (shown once).
 * @param sessionId the session cookie of the confirming browser, which stays signed in
 */
export async function confirmTwoFactor(store: Pick<Store, 'twoFactorState' | 'enableTotp'>, user: User, code: string, now: Date, sessionId?: string): Promise<string[]> {
  const state = await store.twoFactorState(user.id);
  if (state.totpEnabledAt !== null) throw dmError('DM_TWO_FACTOR_ACTIVE');
  if (state.totpSecret === null) throw dmError('DM_TWO_FACTOR_INACTIVE');
  const step = totpStep(state.totpSecret, code.replace(/\s/g, ''), now);
  if (step === null) throw dmError('DM_TOTP_INVALID');
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  const recoveryCodeHashes = codes.map((c) => sha256Hex(normalizeRecoveryCode(c)!));
  const keepSessionSha256 = sessionId === undefined ? undefined : sha256Hex(sessionId);
  await store.enableTotp(user.id, { secret: state.totpSecret, step, recoveryCodeHashes, actor: `user:${user.email}`, keepSessionSha256 });
  return codes;
}

type SecondFactorStore = Pick<Store, 'useTotpStep' | 'useRecoveryCode'>;

type SwitchOffStore = SecondFactorStore & Pick<Store, 'twoFactorState' | 'disableTwoFactor' | 'recordLoginFailure'>;

/**
 * Switches two-factor login off with a valid code (or an unused recovery code); DM_TOTP_INVALID otherwise.
 * A wrong code counts against the login's failure budget (a stolen session must not try codes without end);
 * on a locked account DM_ACCOUNT_LOCKED, without trying the code. Switching off also resets the count.
 */
export async function switchOffTwoFactor(store: SwitchOffStore, user: User, code: string, now: Date): Promise<void> {
  const state = await store.twoFactorState(user.id);
  if (state.totpEnabledAt === null) throw dmError('DM_TWO_FACTOR_INACTIVE');
  if (isLocked(state, now)) throw dmError('DM_ACCOUNT_LOCKED', { minutes: LOCKOUT_MINUTES });
  if (!(await secondFactorPasses(store, user, state, code, now))) {
    await recordFailure(store, user, now);
    throw dmError('DM_TOTP_INVALID');
  }
  await store.disableTwoFactor(user.email, `user:${user.email}`);
}

/**
 * A current TOTP code whose step is later than the last accepted one, or an unused recovery code; using it
 * is recorded (so neither works twice). Malformed input is simply false.
 */
export async function secondFactorPasses(store: SecondFactorStore, user: User, state: TwoFactorState, code: string, now: Date): Promise<boolean> {
  if (state.totpSecret === null || state.totpEnabledAt === null) return false;
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = totpStep(state.totpSecret, compact, now);
    return step !== null && (await store.useTotpStep(user.id, step));
  }
  const recovery = normalizeRecoveryCode(code);
  return recovery !== null && (await store.useRecoveryCode(user.id, sha256Hex(recovery), `user:${user.email}`));
}

/** e.g. "7KQ2-M9XD-4HBE-0WTR". */
export function generateRecoveryCode(): string {
  const symbols = [...randomBytes(RECOVERY_SYMBOLS)].map((byte) => ALPHABET[byte & 31]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** Typed recovery code → canonical form (upper case, no separators, O→0, I/L→1); null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === RECOVERY_SYMBOLS && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}
