/** Settings of the fairness monitor and its webhook, read from the environment (docs/fairness-alerts.md). */
import { z } from 'zod';
import { CandorError } from '../../core/index.js';
import { DEFAULT_FAIRNESS_MIN_GROUP, DEFAULT_FAIRNESS_WINDOW } from '../../audit/index.js';

export interface FairnessConfig {
  /** CANDOR_FAIRNESS_WINDOW: scored candidates in the rolling window (default 200). */
  readonly window: number;
  /** CANDOR_FAIRNESS_MIN_GROUP: smallest group compared (default 30). */
  readonly minGroup: number;
  /** CANDOR_FAIRNESS_CHECK_SECONDS: how often every workspace is checked (default 60). */
  readonly checkIntervalMs: number;
  /** CANDOR_FAIRNESS_WEBHOOK_URL: where new alerts are posted; null posts nothing. */
  readonly webhookUrl: string | null;
  /** CANDOR_WEBHOOK_SECRET, else the server secret (CANDOR_SECRET or `<data>/secret`). */
  readonly webhookSecret: string;
  /** CANDOR_WEBHOOK_RETRY_DELAYS_MS: waits before each retry (default 1000,4000,16000: four attempts in all). */
  readonly retryDelaysMs: readonly number[];
  /** CANDOR_WEBHOOK_TIMEOUT_MS: one attempt's limit (default 10 000). */
  readonly timeoutMs: number;
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected an integer between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

const FairnessEnv = z.object({
  CANDOR_FAIRNESS_WINDOW: integer(2, 100_000).default(DEFAULT_FAIRNESS_WINDOW),
  CANDOR_FAIRNESS_MIN_GROUP: integer(1, 100_000).default(DEFAULT_FAIRNESS_MIN_GROUP),
  CANDOR_FAIRNESS_CHECK_SECONDS: integer(1, 86_400).default(60),
  CANDOR_FAIRNESS_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .optional(),
  CANDOR_WEBHOOK_SECRET: z.string().min(16, 'expected at least 16 characters').optional(),
  CANDOR_WEBHOOK_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'expected milliseconds separated by commas, e.g. 1000,4000,16000')
    .transform((s) => s.split(',').map(Number))
    .default([1000, 4000, 16000]),
  CANDOR_WEBHOOK_TIMEOUT_MS: integer(100, 600_000).default(10_000),
});

/**
 * @throws CandorError CONFIG_INVALID naming the setting and what it expects.
 * @example const fairness = loadFairnessConfig(process.env, config.secret)
 */
export function loadFairnessConfig(env: NodeJS.ProcessEnv, serverSecret: string): FairnessConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = FairnessEnv.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new CandorError('CONFIG_INVALID', `${setting}: ${issue?.message ?? 'invalid'}`, { setting });
  }
  const d = parsed.data;
  return {
    window: d.CANDOR_FAIRNESS_WINDOW,
    minGroup: d.CANDOR_FAIRNESS_MIN_GROUP,
    checkIntervalMs: d.CANDOR_FAIRNESS_CHECK_SECONDS * 1000,
    webhookUrl: d.CANDOR_FAIRNESS_WEBHOOK_URL ?? null,
    webhookSecret: d.CANDOR_WEBHOOK_SECRET ?? serverSecret,
    retryDelaysMs: d.CANDOR_WEBHOOK_RETRY_DELAYS_MS,
    timeoutMs: d.CANDOR_WEBHOOK_TIMEOUT_MS,
  };
}
