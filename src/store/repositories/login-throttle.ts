import { createHash } from 'node:crypto';
import { timestamp, type RepositoryContext } from './rows.js';

/** Table of migration 0007-login-throttle, added to the store's `Database` with `withTables`. */
// A type, not an interface: `withTables` needs an index-compatible record.
export type LoginThrottleTables = {
  login_throttle: {
    /** SHA-256 (hex) of `workspace \n email`. */
    key: string;
    /** Failed sign-ins since `first_failure_at`, or since the last lockout ended. */
    failures: number;
    first_failure_at: string;
    /** ISO time until which the account refuses every sign-in; null when not locked. */
    locked_until: string | null;
    updated_at: string;
  };
};

/** How failures turn into a lockout. */
export interface LockoutPolicy {
  /** Failures within `windowMs` that lock the account. */
  readonly maxFailures: number;
  /** How long the account stays locked, and how long failures are remembered. */
  readonly windowMs: number;
}

export interface LoginThrottleState {
  readonly failures: number;
  /** ISO time the lockout ends; null when the account may sign in. */
  readonly lockedUntil: string | null;
}

/**
 * Per-account counter of failed sign-ins behind the lockout: `recordFailure` locks the account
 * for `windowMs` after `maxFailures` failures; a successful sign-in `clear`s it; the lockout ends
 * on its own, so the genuine user gets in after waiting.
 */
export interface LoginThrottleRepository {
  /** The state of an account (by workspace slug and email); a lockout already over reads as none. */
  get(workspace: string, email: string): Promise<LoginThrottleState>;
  /** Counts one failure; returns the new state (locked once the count reaches the policy's maximum). */
  recordFailure(workspace: string, email: string, policy: LockoutPolicy): Promise<LoginThrottleState>;
  /** Forgets the account's failures (after a successful sign-in). */
  clear(workspace: string, email: string): Promise<void>;
}

/** @example throttleKey('default', 'Ana@Example.com') === throttleKey('default', 'ana@example.com ') */
export function throttleKey(workspace: string, email: string): string {
  return createHash('sha256').update(`${workspace}\n${email.trim().toLowerCase()}`).digest('hex');
}

export function createLoginThrottleRepository(ctx: RepositoryContext): LoginThrottleRepository {
  const db = ctx.db.withTables<LoginThrottleTables>();
  const row = (key: string) =>
    db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();

  return {
    async get(workspace, email) {
      const found = await row(throttleKey(workspace, email));
      const now = timestamp(ctx);
      if (found === undefined) return { failures: 0, lockedUntil: null };
      const locked = found.locked_until !== null && found.locked_until > now ? found.locked_until : null;
      return { failures: Number(found.failures), lockedUntil: locked };
    },

    async recordFailure(workspace, email, policy) {
      const key = throttleKey(workspace, email);
      const now = timestamp(ctx);
      const nowMs = Date.parse(now);
      const forgetBefore = new Date(nowMs - policy.windowMs).toISOString();
      const found = await row(key);
      // Failures older than the window, or counted before a lockout that has ended, start afresh.
      const fresh =
        found === undefined ||
        found.first_failure_at < forgetBefore ||
        (found.locked_until !== null && found.locked_until <= now);
      const failures = fresh ? 1 : Number(found.failures) + 1;
      const lockedUntil =
        failures >= policy.maxFailures ? new Date(nowMs + policy.windowMs).toISOString() : null;
      const values = {
        failures,
        first_failure_at: fresh ? now : found.first_failure_at,
        locked_until: lockedUntil,
        updated_at: now,
      };
      await db
        .insertInto('login_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
      // Rows nobody touched for a window are over; keeps the table as small as the attack.
      await db.deleteFrom('login_throttle').where('updated_at', '<', forgetBefore).execute();
      return { failures, lockedUntil };
    },

    async clear(workspace, email) {
      await db.deleteFrom('login_throttle').where('key', '=', throttleKey(workspace, email)).execute();
    },
  };
}
