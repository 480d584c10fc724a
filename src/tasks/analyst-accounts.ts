// Analyst accounts: Argon2id password hashes, login into a session (cookie id stored as SHA-256 only).
import { hash, verify } from '@node-rs/argon2';
import { dmError } from '../errors.js';
import type { Store, User, UserRole } from '../store/store.js';
import { generateSessionId, sha256Hex } from './access-code.js';
import { type LoginGateStore, loginGatePasses } from './two-factor-login.js';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
export const ANALYST_SESSION_HOURS = 12;
/** A session unused this long ends (idle timeout), whatever its absolute expiry. */
export const ANALYST_IDLE_MINUTES = 120;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// Verified when the account is unknown, so unknown and wrong take about the same time.
let dummyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw dmError('DM_PASSWORD_INVALID', { detail: `mindestens ${MIN_PASSWORD_LENGTH} Zeichen (es waren ${password.length}).` });
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw dmError('DM_PASSWORD_INVALID', { detail: `höchstens ${MAX_PASSWORD_LENGTH} Zeichen.` });
}

/** Creates an account (Argon2id, library defaults: m = 19 MiB, t = 2, p = 1). */
export async function addUser(
  store: Pick<Store, 'createUser'>,
  input: { readonly email: string; readonly role: UserRole; readonly password: string },
  actor: string,
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) throw dmError('DM_USER_EMAIL_INVALID', { email: input.email });
  checkPassword(input.password);
  return store.createUser({ email, role: input.role, passwordHash: await hash(input.password) }, actor);
}

type LoginStore = Pick<Store, 'userByEmail' | 'createAnalystSession' | 'appendAudit'> & LoginGateStore;

/**
 * E-mail + password (+ TOTP or recovery `code` when two-factor login is on) → new session id for the cookie;
 * DM_LOGIN_FAILED alike for unknown, wrong, locked and disabled.
 */
export async function logIn(store: LoginStore, email: string, password: string, now: Date, code = '') {
  const user = await store.userByEmail(normalizeEmail(email));
  const valid = await verify(user?.passwordHash ?? (await (dummyHash ??= hash('kein-konto-vorhanden'))), password.slice(0, MAX_PASSWORD_LENGTH));
  if (!user || user.disabledAt !== null || !(await loginGatePasses(store, user, valid, code, now))) {
    if (user) await store.appendAudit({ actor: `user:${user.email}`, action: 'user.login_failed', subject: `user:${user.email}` });
    throw dmError('DM_LOGIN_FAILED');
  }
  const sessionId = generateSessionId();
  const expiresAt = new Date(now.getTime() + ANALYST_SESSION_HOURS * 3_600_000).toISOString();
  await store.createAnalystSession({ idSha256: sha256Hex(sessionId), userId: user.id, expiresAt });
  await store.appendAudit({ actor: `user:${user.email}`, action: 'user.login', subject: `user:${user.email}` });
  return { sessionId, expiresAt, user };
}

/** The live session's account, or null. */
export async function analystFor(store: Pick<Store, 'analystSession'>, sessionId: string): Promise<User | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  return (await store.analystSession(sha256Hex(sessionId), ANALYST_IDLE_MINUTES))?.user ?? null;
}

export async function logOut(store: Pick<Store, 'deleteAnalystSession'>, sessionId: string): Promise<void> {
  if (/^[A-Za-z0-9_-]{43}$/.test(sessionId)) await store.deleteAnalystSession(sha256Hex(sessionId));
}

/** An admin may do everything an analyst may. */
export function hasRole(user: User, role: UserRole): boolean {
  return user.role === 'admin' || user.role === role;
}
