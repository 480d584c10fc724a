// The login gate after the password check: account lock (persisted, so it holds across restarts and
// processes), the second factor when switched on, and the count of consecutive failures.
import { DmError } from '../errors.js';
import type { Store, TwoFactorState, User } from '../store/store.js';
import { clearFailures, isLocked, recordFailure } from './account-lockout.js';
import { secondFactorPasses } from './two-factor.js';

export { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from './account-lockout.js';

export type LoginGateStore = Pick<Store, 'twoFactorState' | 'useTotpStep' | 'useRecoveryCode' | 'recordLoginFailure' | 'clearLoginFailures'>;

/**
 * True when the login may go on. A locked account is refused without counting; a wrong password or a
 * missing, wrong, expired or reused code counts as a failure (the last of LOCKOUT_FAILURES locks).
 */
export async function loginGatePasses(store: LoginGateStore, user: User, passwordValid: boolean, code: string, now: Date): Promise<boolean> {
  const state = await stateForLogin(store, user, passwordValid);
  if (state !== null && isLocked(state, now)) return false;
  const passed = state !== null && passwordValid && (state.totpEnabledAt === null || (await secondFactorPasses(store, user, state, code, now)));
  if (!passed) {
    await recordFailure(store, user, now);
    return false;
  }
  await clearFailures(store, user, state);
  return true;
}

/**
 * The account's two-factor state. When its secret cannot be opened (DIGITALMONITOR_SECRET_KEY missing or
 * changed), only someone with the right password learns why; anyone else gets null, an ordinary failure,
 * so that the answer does not tell which accounts have two-factor login.
 */
async function stateForLogin(store: LoginGateStore, user: User, passwordValid: boolean): Promise<TwoFactorState | null> {
  try {
    return await store.twoFactorState(user.id);
  } catch (error) {
    const keyProblem = error instanceof DmError && (error.code === 'DM_SECRET_KEY_MISSING' || error.code === 'DM_SECRET_KEY_MISMATCH');
    if (keyProblem && !passwordValid) return null;
    throw error;
  }
}
