import { z } from 'zod';
import { CandorError } from '../../core/index.js';

/** Limits, quotas and browser policy; every one is an environment setting (docs/security.md). */
export interface SecurityConfig {
  /** Sign-in attempts per client IP per minute (CANDOR_LOGIN_RATE_LIMIT, default 30). */
  readonly loginPerIpPerMinute: number;
  /** Failed sign-ins that lock an account (CANDOR_LOGIN_MAX_FAILURES, default 5). */
  readonly loginMaxFailures: number;
  /** How long a locked account stays locked (CANDOR_LOGIN_LOCKOUT_MINUTES, default 15), in ms. */
  readonly loginLockoutMs: number;
  /** Password checks run at once; more wait in line (CANDOR_PASSWORD_CHECKS, default 1). */
  readonly passwordChecks: number;
  /** Password checks that may wait; past this a sign-in gets 429 at once (default 64). */
  readonly passwordQueue: number;
  /** API tokens a user may create per hour (CANDOR_TOKEN_RATE_LIMIT, default 20). */
  readonly tokensPerHour: number;
  /** Uploads (recordings and transcripts) per user per minute (CANDOR_UPLOAD_RATE_LIMIT, default 30). */
  readonly uploadsPerMinute: number;
  /** Practice interviews a student may own (CANDOR_PRACTICE_QUOTA, default 500). */
  readonly practiceQuota: number;
  /** Bytes of recordings a user's own interviews may hold (CANDOR_UPLOAD_QUOTA_MB, default 5000). */
  readonly uploadQuotaBytes: number;
  /** Origins allowed to call the API from a browser (CANDOR_CORS_ORIGINS, comma-separated); empty = CORS off. */
  readonly corsOrigins: readonly string[];
}

export const DEFAULT_SECURITY: SecurityConfig = {
  loginPerIpPerMinute: 30,
  loginMaxFailures: 5,
  loginLockoutMs: 15 * 60_000,
  passwordChecks: 1,
  passwordQueue: 64,
  tokensPerHour: 20,
  uploadsPerMinute: 30,
  practiceQuota: 500,
  uploadQuotaBytes: 5000 * 1024 * 1024,
  corsOrigins: [],
};

const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\s*\d+\s*$/, { message: `expected an integer between ${min} and ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `expected an integer between ${min} and ${max}` });

const origin = z.string().regex(/^https?:\/\/[^/\s,]+$/, {
  message: 'expected origins like https://app.example.com, comma-separated',
});

const SecurityEnv = z.object({
  CANDOR_LOGIN_RATE_LIMIT: count(1, 100_000).optional(),
  CANDOR_LOGIN_MAX_FAILURES: count(1, 1000).optional(),
  CANDOR_LOGIN_LOCKOUT_MINUTES: count(1, 24 * 60).optional(),
  CANDOR_PASSWORD_CHECKS: count(1, 64).optional(),
  CANDOR_TOKEN_RATE_LIMIT: count(1, 100_000).optional(),
  CANDOR_UPLOAD_RATE_LIMIT: count(1, 100_000).optional(),
  CANDOR_PRACTICE_QUOTA: count(0, 10_000_000).optional(),
  CANDOR_UPLOAD_QUOTA_MB: count(0, 100_000_000).optional(),
  CANDOR_CORS_ORIGINS: z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin))
    .optional(),
});

/**
 * Reads the security settings from the environment (empty values already removed).
 * @throws CandorError('CONFIG_INVALID', 'CANDOR_PRACTICE_QUOTA: expected an integer …', { setting })
 * @example loadSecurityConfig({ CANDOR_CORS_ORIGINS: 'https://a.example' }).corsOrigins // ['https://a.example']
 */
export function loadSecurityConfig(env: Readonly<Record<string, string | undefined>>): SecurityConfig {
  const parsed = SecurityEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new CandorError('CONFIG_INVALID', `${setting}: ${issue?.message ?? 'invalid'}`, { setting });
  }
  const d = parsed.data;
  const D = DEFAULT_SECURITY;
  const minutes = (m: number | undefined, fallback: number) => (m === undefined ? fallback : m * 60_000);
  return {
    loginPerIpPerMinute: d.CANDOR_LOGIN_RATE_LIMIT ?? D.loginPerIpPerMinute,
    loginMaxFailures: d.CANDOR_LOGIN_MAX_FAILURES ?? D.loginMaxFailures,
    loginLockoutMs: minutes(d.CANDOR_LOGIN_LOCKOUT_MINUTES, D.loginLockoutMs),
    passwordChecks: d.CANDOR_PASSWORD_CHECKS ?? D.passwordChecks,
    passwordQueue: D.passwordQueue,
    tokensPerHour: d.CANDOR_TOKEN_RATE_LIMIT ?? D.tokensPerHour,
    uploadsPerMinute: d.CANDOR_UPLOAD_RATE_LIMIT ?? D.uploadsPerMinute,
    practiceQuota: d.CANDOR_PRACTICE_QUOTA ?? D.practiceQuota,
    uploadQuotaBytes:
      d.CANDOR_UPLOAD_QUOTA_MB === undefined ? D.uploadQuotaBytes : d.CANDOR_UPLOAD_QUOTA_MB * 1024 * 1024,
    corsOrigins: d.CANDOR_CORS_ORIGINS ?? D.corsOrigins,
  };
}
