import { CandorError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { createGate } from './password-gate.js';
import type { SecurityConfig } from './security-config.js';

/** Checks sign-ins against the per-account lockout, one password check at a time. */
export interface LoginGuard {
  /**
   * Runs `verify` unless the account is locked; counts a failure (locking the account after the
   * configured number) or clears the count on success.
   * @throws CandorError('RATE_LIMITED', …, { retryAfterSeconds }) while the account is locked.
   */
  signIn<T>(workspace: string, email: string, verify: () => Promise<T | null>): Promise<T | null>;
}

function locked(lockedUntil: string): CandorError {
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - Date.now()) / 1000));
  return new CandorError(
    'RATE_LIMITED',
    `too many failed sign-ins for this account; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * The lockout is per workspace and email whether or not such an account exists (no hint about who
 * has one) and lives in the database (`login_throttle`), so it survives a restart. It ends on its
 * own after `loginLockoutMs`: the genuine user gets in after waiting, and an attacker gets
 * `loginMaxFailures` guesses per period.
 *
 * @example const guard = createLoginGuard(store, config.security)
 * const user = await guard.signIn('default', email, () => store.users.verifyPassword(ws.id, email, pw))
 */
export function createLoginGuard(store: Store, security: SecurityConfig): LoginGuard {
  const gate = createGate(security.passwordChecks, security.passwordQueue);
  const policy = { maxFailures: security.loginMaxFailures, windowMs: security.loginLockoutMs };
  return {
    async signIn(workspace, email, verify) {
      // A locked account is refused before it takes a place in the line...
      const before = await store.loginThrottle.get(workspace, email);
      if (before.lockedUntil !== null) throw locked(before.lockedUntil);
      return gate.run(async () => {
        // ...and again inside it: attempts queued together must not all get through.
        const state = await store.loginThrottle.get(workspace, email);
        if (state.lockedUntil !== null) throw locked(state.lockedUntil);
        const user = await verify();
        if (user === null) await store.loginThrottle.recordFailure(workspace, email, policy);
        else if (state.failures > 0) await store.loginThrottle.clear(workspace, email);
        return user;
      });
    },
  };
}
