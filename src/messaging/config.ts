/**
 * Settings of the follow-up agent's channels and cadence, from the environment. Every channel is
 * optional: a message for a channel that is not set up waits in the outbox with that reason.
 */
import { CandorError } from '../core/index.js';

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://…` (CANDOR_SMTP_URL). */
  readonly url: string;
  /** The From of every message (CANDOR_MAIL_FROM). */
  readonly from: string;
}

export interface SmsSettings {
  /** Base URL of a provider with Twilio's Messages API (CANDOR_SMS_URL, default https://api.twilio.com). */
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The sending number (CANDOR_SMS_FROM). */
  readonly from: string;
}

export interface CadenceSettings {
  /** Local hour quiet hours start (CANDOR_AGENT_QUIET_HOURS=20-8: from 20:00). */
  readonly quietStartHour: number;
  /** Local hour quiet hours end (to 08:00). */
  readonly quietEndHour: number;
  /** Saturdays and Sundays are quiet all day (CANDOR_AGENT_QUIET_WEEKENDS, default true). */
  readonly quietWeekends: boolean;
  /** Messages Candor starts, per candidate per 7 days (CANDOR_AGENT_WEEKLY_CAP, default 4). */
  readonly weeklyCap: number;
  /** The candidate's zone when they have none on record (CANDOR_AGENT_DEFAULT_TIME_ZONE, default UTC). */
  readonly defaultTimeZone: string;
}

export interface AgentConfig {
  /** Where the web app is reached from outside, for links in messages (CANDOR_PUBLIC_URL). */
  readonly publicUrl: string;
  /** The scheduling routes' clock (tests on a fixed date); default the real time. Not from the environment. */
  readonly now?: () => Date;
  readonly smtp: SmtpSettings | null;
  readonly sms: SmsSettings | null;
  readonly cadence: CadenceSettings;
  /** Waits before each retry of a temporary failure (CANDOR_AGENT_RETRY_DELAYS_MS). */
  readonly retryDelaysMs: readonly number[];
  /** How often the dispatcher looks for due messages (CANDOR_AGENT_POLL_SECONDS, default 15). */
  readonly pollMs: number;
  /**
   * How long a dispatcher holds the messages it claimed (CANDOR_AGENT_LEASE_SECONDS, default 120):
   * those of a dispatcher that died are sent by another once it runs out.
   */
  readonly leaseMs: number;
  /**
   * Key of the `x-candor-signature` HMAC that an inbound-parse forwarder signs raw e-mails with
   * (CANDOR_INBOUND_EMAIL_SECRET, at least 16 characters); null: the inbound e-mail route is off.
   */
  readonly inboundEmailSecret: string | null;
  /**
   * How long before a booked interview each reminder goes, largest first (CANDOR_AGENT_REMINDERS,
   * default `24h,2h`).
   */
  readonly reminderOffsetsMs: readonly number[];
}

export const DEFAULT_CADENCE: CadenceSettings = {
  quietStartHour: 20,
  quietEndHour: 8,
  quietWeekends: true,
  weeklyCap: 4,
  defaultTimeZone: 'UTC',
};

/** 1 min, 5 min, 30 min, 2 h, 12 h: then the message fails with its last error. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

function invalid(setting: string, message: string): CandorError {
  return new CandorError('CONFIG_INVALID', `${setting}: ${message}`, { setting });
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function leaseSeconds(value: string | undefined): number {
  const n = Number(value ?? 120);
  if (!(n >= 1 && n <= 86_400)) throw invalid('CANDOR_AGENT_LEASE_SECONDS', 'seconds from 1 to 86400');
  return n;
}

/** `24h,2h` → [86400000, 7200000]: hours (`h`) or minutes (`m`), largest first, no repeats. */
export function parseReminderOffsets(value: string | undefined): number[] {
  const text = value ?? '24h,2h';
  if (text.trim() === '' || text.trim() === 'off') return [];
  const offsets = text.split(',').map((part) => {
    const match = /^\s*(\d{1,4})\s*(h|m)\s*$/.exec(part);
    const ms = match === null ? NaN : Number(match[1]) * (match[2] === 'h' ? 3_600_000 : 60_000);
    if (!(ms > 0 && ms <= 30 * 86_400_000)) {
      throw invalid(
        'CANDOR_AGENT_REMINDERS',
        `"${part.trim()}" is not a time before the interview like 24h or 90m`,
      );
    }
    return ms;
  });
  return [...new Set(offsets)].sort((a, b) => b - a);
}

function inboundSecret(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 16) throw invalid('CANDOR_INBOUND_EMAIL_SECRET', 'at least 16 characters');
  return value;
}

/**
 * Reads the agent's settings.
 * @throws CandorError CONFIG_INVALID naming the setting that is wrong
 * @example const agent = loadAgentConfig(process.env, 'http://127.0.0.1:3000')
 */
export function loadAgentConfig(env: NodeJS.ProcessEnv, defaultPublicUrl: string): AgentConfig {
  const publicUrl = (env.CANDOR_PUBLIC_URL ?? defaultPublicUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw invalid('CANDOR_PUBLIC_URL', `"${publicUrl}" is not an http(s) URL`);
  let smtp: SmtpSettings | null = null;
  if (env.CANDOR_SMTP_URL) {
    if (!/^smtps?:\/\/[^/\s]+/.test(env.CANDOR_SMTP_URL)) {
      throw invalid('CANDOR_SMTP_URL', 'expected smtp://user:password@host:port or smtps://…');
    }
    smtp = { url: env.CANDOR_SMTP_URL, from: env.CANDOR_MAIL_FROM ?? 'Candor <no-reply@localhost>' };
  }
  let sms: SmsSettings | null = null;
  const { CANDOR_SMS_ACCOUNT_SID: sid, CANDOR_SMS_AUTH_TOKEN: token, CANDOR_SMS_FROM: from } = env;
  if (sid || token || from) {
    if (!sid || !token || !from) {
      throw invalid(
        'CANDOR_SMS_ACCOUNT_SID',
        'SMS needs CANDOR_SMS_ACCOUNT_SID, CANDOR_SMS_AUTH_TOKEN and CANDOR_SMS_FROM together',
      );
    }
    sms = {
      baseUrl: (env.CANDOR_SMS_URL ?? 'https://api.twilio.com').replace(/\/+$/, ''),
      accountSid: sid,
      authToken: token,
      from,
    };
  }
  const quiet = env.CANDOR_AGENT_QUIET_HOURS ?? '20-8';
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(quiet);
  const [start, end] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(start >= 0 && start <= 23 && end >= 0 && end <= 23)) {
    throw invalid('CANDOR_AGENT_QUIET_HOURS', `"${quiet}" is not START-END in whole hours 0–23, e.g. 20-8`);
  }
  const cap = Number(env.CANDOR_AGENT_WEEKLY_CAP ?? DEFAULT_CADENCE.weeklyCap);
  if (!Number.isInteger(cap) || cap < 1 || cap > 50)
    throw invalid('CANDOR_AGENT_WEEKLY_CAP', 'a whole number from 1 to 50');
  const zone = env.CANDOR_AGENT_DEFAULT_TIME_ZONE ?? DEFAULT_CADENCE.defaultTimeZone;
  if (!validZone(zone)) throw invalid('CANDOR_AGENT_DEFAULT_TIME_ZONE', `"${zone}" is not an IANA time zone`);
  const weekends = env.CANDOR_AGENT_QUIET_WEEKENDS ?? 'true';
  if (!['true', 'false'].includes(weekends)) throw invalid('CANDOR_AGENT_QUIET_WEEKENDS', 'true or false');
  const delays = (env.CANDOR_AGENT_RETRY_DELAYS_MS ?? DEFAULT_RETRY_DELAYS_MS.join(','))
    .split(',')
    .map(Number);
  if (delays.some((d) => !Number.isInteger(d) || d < 0)) {
    throw invalid('CANDOR_AGENT_RETRY_DELAYS_MS', 'comma-separated whole milliseconds, e.g. 60000,300000');
  }
  const poll = Number(env.CANDOR_AGENT_POLL_SECONDS ?? 15);
  if (!(poll > 0 && poll <= 3600)) throw invalid('CANDOR_AGENT_POLL_SECONDS', 'seconds from 1 to 3600');
  return {
    publicUrl,
    smtp,
    sms,
    cadence: {
      quietStartHour: start,
      quietEndHour: end,
      quietWeekends: weekends === 'true',
      weeklyCap: cap,
      defaultTimeZone: zone,
    },
    retryDelaysMs: delays,
    pollMs: poll * 1000,
    leaseMs: leaseSeconds(env.CANDOR_AGENT_LEASE_SECONDS) * 1000,
    inboundEmailSecret: inboundSecret(env.CANDOR_INBOUND_EMAIL_SECRET),
    reminderOffsetsMs: parseReminderOffsets(env.CANDOR_AGENT_REMINDERS),
  };
}
