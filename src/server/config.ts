import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { inputLimitsFromEnv, type InputLimits } from '../pipeline/input-limits.js';
import { loadSecurityConfig, type SecurityConfig } from './security/security-config.js';
import { loadAgentConfig, type AgentConfig } from '../messaging/config.js';
import { CandorError, ensurePrivateDir, ensurePrivateFile, loadConfig } from '../core/index.js';

/** File in the data folder holding the generated cookie-signing secret. */
export const SECRET_FILE_NAME = 'secret';

/** How long a browser session lasts without signing in again. */
const DEFAULT_SESSION_TTL_HOURS = 24 * 7;

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Signs session cookies and derives CSRF tokens; at least 32 characters. */
  readonly secret: string;
  /** Trust `X-Forwarded-*` from a reverse proxy (TRUST_PROXY=true), so `Secure` cookies follow https. */
  readonly trustProxy: boolean;
  readonly sessionTtlMs: number;
  /** Workspace slug used when a login names none. */
  readonly defaultWorkspace: string;
  /** Where uploaded recordings and transcripts are kept (`<dataDir>/media`). */
  readonly mediaDir: string;
  /** Largest accepted upload, in bytes (CANDOR_UPLOAD_LIMIT_MB, default 200). */
  readonly uploadLimitBytes: number;
  /**
   * Longest accepted recording, in minutes (CANDOR_RECORDING_LIMIT_MINUTES, default 60); checked
   * after ffprobe measured the upload. Absent means the default.
   */
  readonly recordingLimitMinutes?: number;
  /**
   * Largest input analysed, per kind (docs/limits.md): a transcript, CANDOR_TRANSCRIPT_LIMIT_KB
   * (default 1024 KB); a typed answer, CANDOR_TYPED_ANSWER_LIMIT_CHARS (default 20 000 characters).
   * Larger input is refused with 413 FILE_TOO_LARGE before anything is stored.
   */
  readonly inputLimits: InputLimits;
  /** Run the analysis worker (in a worker thread) inside the server process (CANDOR_WORKER, default true). */
  readonly runWorker: boolean;
  /** Request log level on stdout (CANDOR_LOG_LEVEL, default info; `silent` turns it off). */
  readonly logLevel: LogLevel;
  /** `pretty`: one readable line per event; `json`: pino's JSON lines (CANDOR_LOG_FORMAT, default pretty). */
  readonly logFormat: LogFormat;
  /** Rate limits, lockout, quotas and CORS (src/server/security). */
  readonly security: SecurityConfig;
  /**
   * The follow-up agent's channels, cadence and public URL (src/messaging/config.ts); absent in
   * tests that do not need it: messages are then queued with links to `http://localhost`.
   */
  readonly agent?: AgentConfig;
}

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Default largest upload: 200 MB holds about 30 minutes of 720p browser video. */
const DEFAULT_UPLOAD_LIMIT_MB = 200;

/** Default longest recording: an hour, longer than any interview answer or whole interview Candor scores. */
export const DEFAULT_RECORDING_LIMIT_MINUTES = 60;

const integerIn = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`,
      });
      return z.NEVER;
    }
    return value;
  });

const ServerEnv = z.object({
  PORT: integerIn(1, 65535).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  CANDOR_SECRET: z
    .string()
    .min(32, { message: 'expected at least 32 characters (try `openssl rand -base64 32`)' })
    .optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  CANDOR_SESSION_TTL_HOURS: integerIn(1, 24 * 365).optional(),
  CANDOR_DEFAULT_WORKSPACE: z.string().min(1).default('default'),
  CANDOR_UPLOAD_LIMIT_MB: integerIn(1, 100_000).optional(),
  CANDOR_RECORDING_LIMIT_MINUTES: integerIn(1, 24 * 60).optional(),
  CANDOR_LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  CANDOR_LOG_FORMAT: z
    .enum(LOG_FORMATS, { message: `expected one of ${LOG_FORMATS.join(', ')}` })
    .default('pretty'),
  CANDOR_WORKER: z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

/**
 * Reads the HTTP server's settings from the environment, failing with a CONFIG_INVALID that
 * names the setting. Without CANDOR_SECRET a random secret is generated once and kept in
 * `<dataDir>/secret` (mode 0600), so sessions survive a restart.
 *
 * @throws CandorError('CONFIG_INVALID', 'PORT: expected an integer between 1 and 65535, got "abc"', { setting: 'PORT' })
 * @example const config = loadServerConfig(process.env, { dataDir: loadConfig().dataDir })
 */
export function loadServerConfig(env: NodeJS.ProcessEnv, options: { dataDir: string }): ServerConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ServerEnv.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new CandorError('CONFIG_INVALID', `${setting}: ${issue?.message ?? 'invalid'}`, { setting });
  }
  const data = parsed.data;
  return {
    port: data.PORT ?? 3000,
    host: data.HOST,
    secret: data.CANDOR_SECRET ?? readOrCreateSecret(options.dataDir),
    trustProxy: data.TRUST_PROXY,
    sessionTtlMs: (data.CANDOR_SESSION_TTL_HOURS ?? DEFAULT_SESSION_TTL_HOURS) * 3600_000,
    defaultWorkspace: data.CANDOR_DEFAULT_WORKSPACE,
    mediaDir: path.join(options.dataDir, 'media'),
    uploadLimitBytes: (data.CANDOR_UPLOAD_LIMIT_MB ?? DEFAULT_UPLOAD_LIMIT_MB) * 1024 * 1024,
    recordingLimitMinutes: data.CANDOR_RECORDING_LIMIT_MINUTES ?? DEFAULT_RECORDING_LIMIT_MINUTES,
    inputLimits: inputLimitsFromEnv(clean),
    runWorker: data.CANDOR_WORKER,
    logLevel: data.CANDOR_LOG_LEVEL,
    logFormat: data.CANDOR_LOG_FORMAT,
    security: loadSecurityConfig(clean),
    agent: loadAgentConfig(
      clean,
      `http://${data.HOST.includes(':') ? `[${data.HOST}]` : data.HOST}:${data.PORT ?? 3000}`,
    ),
  };
}

/** `loadServerConfig` with the data folder from Candor's core settings. */
export function loadServerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return loadServerConfig(env, { dataDir: loadConfig(env).dataDir });
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  try {
    ensurePrivateDir(dataDir);
    // 'wx' fails if the file exists, so two servers starting at once keep one secret.
    fs.writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') {
      throw new CandorError('CONFIG_INVALID', `cannot write ${file}: ${(error as Error).message}`, {
        setting: 'CANDOR_SECRET',
        file,
      });
    }
  }
  ensurePrivateFile(file);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new CandorError('CONFIG_INVALID', `${file}: secret shorter than 32 characters`, {
      setting: 'CANDOR_SECRET',
      file,
    });
  }
  return secret;
}
