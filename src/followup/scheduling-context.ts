/**
 * What the scheduling flow needs from the settings, and each interviewer's availability: their
 * calendar settings, the busy time of their CalDAV calendar (password opened with the server
 * secret) and Candor's own bookings.
 */
import type { AgentConfig } from '../messaging/config.js';
import {
  createCalDavClient,
  DEFAULT_WORKING_HOURS,
  type CalDavClient,
  type CalendarPerson,
  type InterviewerAvailability,
  type Interval,
} from '../scheduling/index.js';
import { openSecret } from '../scheduling/secret-box.js';
import type { InterviewerCalendarRecord, Store } from '../store/index.js';

/** The purpose a CalDAV password is sealed under (`sealSecret`). */
export const CALDAV_PASSWORD = 'caldav-password';

export interface SchedulingContext {
  /** Where links in messages point (CANDOR_PUBLIC_URL). */
  readonly publicUrl: string;
  /** The server secret (CANDOR_SECRET): opens stored CalDAV passwords. */
  readonly secret: string;
  /** ORGANIZER of invitations: the address candidates' calendar replies go to. */
  readonly organizer: CalendarPerson;
  /** A candidate's or interviewer's zone when none is on record. */
  readonly defaultTimeZone: string;
  /** How long before an interview each reminder goes (CANDOR_AGENT_REMINDERS). */
  readonly reminderOffsetsMs: readonly number[];
  /** The clock; default the system's. */
  readonly now?: () => Date;
}

/**
 * @example const ctx = schedulingContextFor(config.agent, config.secret)
 */
export function schedulingContextFor(agent: AgentConfig, secret: string): SchedulingContext {
  return {
    publicUrl: agent.publicUrl,
    secret,
    organizer: organizerOf(agent.smtp?.from ?? null, agent.publicUrl),
    defaultTimeZone: agent.cadence.defaultTimeZone,
    reminderOffsetsMs: agent.reminderOffsetsMs,
    ...(agent.now === undefined ? {} : { now: agent.now }),
  };
}

/** `Acme Jobs <jobs@acme.test>` → { name: 'Acme Jobs', email: 'jobs@acme.test' }. */
export function organizerOf(from: string | null, publicUrl: string): CalendarPerson {
  const match = from === null ? null : /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match !== null) return { name: match[1]?.trim() || 'Candor', email: match[2] ?? '' };
  if (from !== null && from.includes('@')) return { name: 'Candor', email: from.trim() };
  return { name: 'Candor', email: `no-reply@${new URL(publicUrl).hostname || 'localhost'}` };
}

export function nowOf(ctx: SchedulingContext): Date {
  return ctx.now?.() ?? new Date();
}

/** The CalDAV client of an interviewer's calendar, or null when none is set. */
export function calendarClient(
  ctx: SchedulingContext,
  calendar: InterviewerCalendarRecord | null,
): CalDavClient | null {
  if (calendar?.caldavUrl == null) return null;
  return createCalDavClient({
    calendarUrl: calendar.caldavUrl,
    username: calendar.caldavUsername ?? undefined,
    password:
      calendar.caldavPasswordSealed === null
        ? undefined
        : openSecret(ctx.secret, CALDAV_PASSWORD, calendar.caldavPasswordSealed),
  });
}

/**
 * An interviewer's availability over a range: working hours, calendar busy time (plus `extraBusy`,
 * e.g. times the candidate already turned down) and Candor's holding bookings.
 * @throws CandorError CALENDAR_UNAVAILABLE when the CalDAV server cannot be read
 */
export async function availabilityOf(
  store: Store,
  ctx: SchedulingContext,
  interviewerId: string,
  range: Interval,
  extraBusy: readonly Interval[] = [],
): Promise<InterviewerAvailability> {
  const calendar = await store.scheduling.getCalendar(interviewerId);
  const client = calendarClient(ctx, calendar);
  const busy = client === null ? [] : await client.busy(range);
  const bookings = await store.bookings.listBusy([interviewerId], range);
  return {
    id: interviewerId,
    timeZone: calendar?.timeZone ?? ctx.defaultTimeZone,
    workingHours:
      calendar === null
        ? DEFAULT_WORKING_HOURS
        : { days: calendar.workingDays, start: calendar.workStart, end: calendar.workEnd },
    ...(calendar === null ? {} : { dailyCap: calendar.dailyCap }),
    busy: [...busy, ...extraBusy],
    bookings: bookings.map((b) => ({ start: new Date(b.startsAt), end: new Date(b.endsAt) })),
  };
}
