/**
 * Reads ICS text with ical.js: the events of an invitation (to check what was sent) and the busy
 * intervals of a calendar's events in a time range, recurring events expanded. TZIDs resolve
 * through the VTIMEZONE components in the same calendar (ical.js looks them up from the property).
 */
import ICAL from 'ical.js';
import { CandorError } from '../core/index.js';
import type { Interval } from './interval.js';

export interface ReadEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly start: Date;
  readonly end: Date;
  /** The TZID of DTSTART, or null for UTC or floating times. */
  readonly timeZone: string | null;
  /** DTSTART's wall-clock time as written, `2026-10-25T10:00:00`. */
  readonly localStart: string;
  /** STATUS (CONFIRMED, TENTATIVE, CANCELLED) or null. */
  readonly status: string | null;
  readonly transparent: boolean;
  readonly summary: string;
  readonly description: string;
  /** e-mail addresses, lowercase, without `mailto:`. */
  readonly organizer: string | null;
  readonly attendees: readonly string[];
}

export interface ReadCalendar {
  /** METHOD (REQUEST, CANCEL) or null for a stored calendar object. */
  readonly method: string | null;
  readonly events: readonly ReadEvent[];
}

/**
 * Parses ICS text.
 * @throws CandorError VALIDATION_FAILED when the text is not iCalendar
 * @example readIcs(requestIcs(invitation, { stamp })).events[0].sequence // 0
 */
export function readIcs(text: string): ReadCalendar {
  const calendar = parseCalendar(text);
  const method = calendar.getFirstPropertyValue('method');
  return {
    method: typeof method === 'string' ? method : null,
    events: calendar.getAllSubcomponents('vevent').map(readEvent),
  };
}

/**
 * The busy intervals of a calendar object's events that overlap `range`: recurring events
 * expanded (moved and cancelled occurrences honoured), cancelled and transparent events skipped.
 */
export function busyIntervals(text: string, range: Interval): Interval[] {
  const calendar = parseCalendar(text);
  const components = calendar.getAllSubcomponents('vevent');
  const exceptions = components.filter((c) => c.hasProperty('recurrence-id'));
  const busy: Interval[] = [];
  for (const component of components) {
    if (component.hasProperty('recurrence-id') || !blocksTime(component)) continue;
    const event = new ICAL.Event(component);
    for (const exception of exceptions) {
      if (exception.getFirstPropertyValue('uid') === event.uid) event.relateException(exception);
    }
    if (!event.isRecurring()) {
      pushOverlap(busy, event.startDate.toJSDate(), event.endDate.toJSDate(), range);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next !== null; next = iterator.next()) {
      // ical.js's declaration of occurrenceDetails does not resolve; its documented shape:
      const details = event.getOccurrenceDetails(next) as OccurrenceDetails;
      const start = details.startDate.toJSDate();
      if (start >= range.end) break;
      if (!blocksTime(details.item.component)) continue;
      pushOverlap(busy, start, details.endDate.toJSDate(), range);
    }
  }
  return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
}

interface OccurrenceDetails {
  readonly startDate: ICAL.Time;
  readonly endDate: ICAL.Time;
  readonly item: ICAL.Event;
}

function pushOverlap(busy: Interval[], start: Date, end: Date, range: Interval): void {
  if (start < range.end && end > range.start) busy.push({ start, end });
}

function blocksTime(component: ICAL.Component): boolean {
  const status = component.getFirstPropertyValue('status');
  const transparency = component.getFirstPropertyValue('transp');
  return status !== 'CANCELLED' && transparency !== 'TRANSPARENT';
}

function parseCalendar(text: string): ICAL.Component {
  try {
    const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
    if (component.name !== 'vcalendar') throw new Error(`expected VCALENDAR, found ${component.name}`);
    return component;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CandorError('VALIDATION_FAILED', `not an iCalendar object: ${reason}`, {}, { cause: error });
  }
}

function readEvent(component: ICAL.Component): ReadEvent {
  const event = new ICAL.Event(component);
  const dtstart = component.getFirstProperty('dtstart');
  const tzid = dtstart?.getParameter('tzid');
  const status = component.getFirstPropertyValue('status');
  const description = component.getFirstPropertyValue('description');
  const organizer = component.getFirstPropertyValue('organizer');
  return {
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    timeZone: typeof tzid === 'string' ? tzid : null,
    localStart: event.startDate.toString().replace(/Z$/, ''),
    status: typeof status === 'string' ? status : null,
    transparent: component.getFirstPropertyValue('transp') === 'TRANSPARENT',
    summary: event.summary,
    description: typeof description === 'string' ? description : '',
    organizer: typeof organizer === 'string' ? address(organizer) : null,
    attendees: event.attendees.map((a) => address(String(a.getFirstValue()))),
  };
}

function address(value: string): string {
  return value.replace(/^mailto:/i, '').toLowerCase();
}
