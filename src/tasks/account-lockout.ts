// One failure budget per account for every check of a password or second factor (login, switching two-factor
// login off): persisted in the store, so it holds across restarts and processes.
import type { Store, TwoFactorState, User } from '../store/store.js';

/** Failed checks in a row (wrong password or code) that lock an account … */
export const LOCKOUT_FAILURES = 10;
/** … for this long. */
export const LOCKOUT_MINUTES = 15;

export function isLocked(state: Pick<TwoFactorState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** Counts a failure; the LOCKOUT_FAILURES-th in a row locks the account for LOCKOUT_MINUTES. */
export async function recordFailure(store: Pick<Store, 'recordLoginFailure'>, user: User, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  await store.recordLoginFailure(user.id, { maxFailures: LOCKOUT_FAILURES, lockUntil });
}

/** A passed check: the count starts again. */
export async function clearFailures(store: Pick<Store, 'clearLoginFailures'>, user: User, state: Pick<TwoFactorState, 'failedLogins' | 'lockedUntil'>): Promise<void> {
  if (state.failedLogins > 0 || state.lockedUntil !== null) await store.clearLoginFailures(user.id);
}
