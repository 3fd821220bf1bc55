/**
 * Calendar invitations (iTIP, RFC 5546) for interviews: METHOD:REQUEST to invite and to move an
 * interview (same UID, higher SEQUENCE), METHOD:CANCEL to call it off. Times are written as the
 * interviewer's wall-clock time with a TZID and a VTIMEZONE: a plain `Date` handed to
 * ical-generator with a TZID is written as its UTC digits (the wrong hour), a Luxon DateTime in
 * the zone is not.
 */
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezone } from './vtimezone.js';

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

/** One interview as the calendar sees it; immutable: a change is a new value with a higher sequence. */
export interface Invitation {
  /** Stable per booking, kept across reschedules (RFC 5545 §3.8.4.7). */
  readonly uid: string;
  /** 0 for the first REQUEST; each reschedule or cancellation adds 1 (RFC 5546 §2.1.4). */
  readonly sequence: number;
  readonly start: Date;
  readonly end: Date;
  /** The interviewer's IANA zone: DTSTART and DTEND are written in it. */
  readonly timeZone: string;
  readonly summary: string;
  /** Text for the description, before the link. */
  readonly description: string;
  /** Where to join (the interview link); repeated in the description for clients that hide URL. */
  readonly link?: string | undefined;
  readonly organizer: CalendarPerson;
  readonly candidate: CalendarPerson;
  readonly interviewers: readonly CalendarPerson[];
}

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/**
 * The UID of a booking's calendar event: the same for every version of the booking.
 * @example bookingUid('bkg_123', 'candor.example.org') // 'bkg_123@candor.example.org'
 */
export function bookingUid(bookingId: string, domain: string): string {
  return `${bookingId}@${domain}`;
}

/**
 * The invitation at a new time: same UID, SEQUENCE + 1.
 * @example rescheduled(invitation, new Date('2026-12-09T14:00:00Z'), new Date('2026-12-09T14:45:00Z'))
 */
export function rescheduled(invitation: Invitation, start: Date, end: Date): Invitation {
  return { ...invitation, start, end, sequence: invitation.sequence + 1 };
}

/** The invitation as cancelled: same UID and time, SEQUENCE + 1; write it with `cancelIcs`. */
export function cancelled(invitation: Invitation): Invitation {
  return { ...invitation, sequence: invitation.sequence + 1 };
}

/**
 * A METHOD:REQUEST calendar (invite or reschedule) as ICS text.
 * @example requestIcs(invitation, { stamp: new Date() })
 */
export function requestIcs(invitation: Invitation, options: { readonly stamp: Date }): string {
  return writeIcs(invitation, 'REQUEST', options.stamp);
}

/**
 * A METHOD:CANCEL calendar with STATUS:CANCELLED; pass the `cancelled(...)` invitation so its
 * SEQUENCE is above every REQUEST sent before.
 */
export function cancelIcs(invitation: Invitation, options: { readonly stamp: Date }): string {
  return writeIcs(invitation, 'CANCEL', options.stamp);
}

function writeIcs(invitation: Invitation, method: InvitationMethod, stamp: Date): string {
  const zone = invitation.timeZone;
  const start = DateTime.fromJSDate(invitation.start, { zone });
  const end = DateTime.fromJSDate(invitation.end, { zone });
  const calendar = ical({
    prodId: { company: 'Candor', product: 'Candor scheduling', language: 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.timezone({
    name: zone,
    generator: (name) => vtimezone(name, start.year - 1, end.year + 1),
  });
  const description =
    invitation.link === undefined
      ? invitation.description
      : `${invitation.description}\n\nJoin: ${invitation.link}`;
  const attendees = [invitation.candidate, ...invitation.interviewers].map((person) => ({
    name: person.name,
    email: person.email,
    role: ICalAttendeeRole.REQ,
    rsvp: method === 'REQUEST',
  }));
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp,
    start,
    end,
    timezone: zone,
    summary: invitation.summary,
    description,
    ...(invitation.link === undefined ? {} : { url: invitation.link }),
    organizer: { name: invitation.organizer.name, email: invitation.organizer.email },
    attendees,
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
  // ical-generator writes DTSTAMP in the calendar's zone without a Z, but it is always UTC
  // (RFC 5545 §3.8.7.2); a wall-clock time the zone repeats or skips (the hour of a
  // daylight-saving change) would be read as another instant, so those are written in UTC.
  let text = setLine(calendar.toString(), 'DTSTAMP', utcStamp(stamp));
  if (!isPlainWallTime(start)) text = setLine(text, 'DTSTART', utcStamp(invitation.start));
  if (!isPlainWallTime(end)) text = setLine(text, 'DTEND', utcStamp(invitation.end));
  return text;
}

function utcStamp(date: Date): string {
  return `:${DateTime.fromJSDate(date, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss")}Z`;
}

/** Replaces the value (and parameters) of the VEVENT's line `name` (not the VTIMEZONE's). */
function setLine(text: string, name: string, valueWithColon: string): string {
  const event = text.indexOf('BEGIN:VEVENT');
  const line = new RegExp(`^${name}[;:].*$`, 'm');
  return text.slice(0, event) + text.slice(event).replace(line, `${name}${valueWithColon}`);
}

/**
 * Whether a time's wall-clock reading names only this instant in its zone: false in the hour a
 * daylight-saving change repeats (a reader takes one of the two) or skips.
 */
function isPlainWallTime(time: DateTime): boolean {
  const wall = DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute },
    { zone: 'utc' },
  ).toMillis();
  const offsets = new Set([-3, 3].map((hours) => time.plus({ hours }).offset).concat(time.offset));
  const instants = [...offsets].filter(
    (offset) => DateTime.fromMillis(wall - offset * 60_000, { zone: time.zone }).offset === offset,
  );
  return instants.length === 1;
}
