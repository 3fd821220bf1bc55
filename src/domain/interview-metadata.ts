/**
 * What describes a conversation outside hiring (issue 16): the account it was with, the account's
 * segment, the interviewee's role, how it ended, and when it happened. Every field is optional.
 */
import { CandorError } from '../core/index.js';
import type { InterviewKind } from './transcript.js';

/** Every interview kind, in the order lists show them. */
export const INTERVIEW_KIND_LIST = [
  'async',
  'live',
  'practice',
  'customer',
  'exit',
  'research',
  'sales',
] as const satisfies readonly InterviewKind[];

/** Kinds of conversation outside hiring: no application, described by `InterviewMetadata`. */
export const CONVERSATION_KINDS = [
  'customer',
  'exit',
  'research',
  'sales',
] as const satisfies readonly InterviewKind[];

/** Longest account, segment, role or outcome kept, in characters. */
export const METADATA_MAX_CHARS = 200;

export interface InterviewMetadata {
  /** The customer account, e.g. "Acme Corp". */
  readonly account?: string | null;
  /** The account's segment, e.g. "enterprise", "SMB". */
  readonly segment?: string | null;
  /** The interviewee's role, e.g. "VP Engineering". */
  readonly role?: string | null;
  /** How it ended, e.g. "churned", "renewed", "won", "lost". */
  readonly outcome?: string | null;
  /** When the conversation happened: an ISO date (`2026-03-14`) or time (`2026-03-14T15:00:00Z`). */
  readonly occurredAt?: string | null;
}

export const METADATA_TEXT_FIELDS = ['account', 'segment', 'role', 'outcome'] as const;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO date or date-time as stored: ISO-8601 UTC (`2026-03-14T00:00:00.000Z`); a date alone is
 * midnight UTC, a time without a zone is read as UTC. Null when it is not one: wrong shape, or a
 * day that does not exist (2026-02-30).
 * @example normaliseOccurredAt('2026-03-14') // '2026-03-14T00:00:00.000Z'
 */
export function normaliseOccurredAt(value: string): string | null {
  const match = ISO.exec(value.trim());
  if (match === null) return null;
  const [, y, m, d, hh, mm, ss, zone] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return null;
  }
  if (hh === undefined) return calendar.toISOString();
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
  const text = value.trim().replace(' ', 'T');
  const parsed = new Date(zone === undefined ? `${text}Z` : text);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/**
 * Checks and tidies metadata: text fields trimmed (empty becomes null) and at most
 * `METADATA_MAX_CHARS` long, `occurredAt` normalised to ISO UTC.
 * @throws CandorError('VALIDATION_FAILED', …, { field }) naming the field that is wrong.
 * @example checkInterviewMetadata({ account: ' Acme ', occurredAt: '2026-03-14' }) // { account: 'Acme', occurredAt: '2026-03-14T00:00:00.000Z' }
 */
export function checkInterviewMetadata(input: InterviewMetadata): InterviewMetadata {
  const out: { -readonly [K in keyof InterviewMetadata]: string | null } = {};
  for (const field of METADATA_TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const text = value === null ? '' : value.trim();
    if (text.length > METADATA_MAX_CHARS) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `${field}: at most ${METADATA_MAX_CHARS} characters, got ${text.length}`,
        { field },
      );
    }
    out[field] = text === '' ? null : text;
  }
  if (input.occurredAt !== undefined && input.occurredAt !== null) {
    const time = normaliseOccurredAt(input.occurredAt);
    if (time === null) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `occurredAt: expected a date (YYYY-MM-DD) or ISO time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]), got "${input.occurredAt}"`,
        { field: 'occurredAt' },
      );
    }
    out.occurredAt = time;
  } else if (input.occurredAt === null) out.occurredAt = null;
  return out;
}
