/**
 * VTIMEZONE components from Luxon's (the runtime's IANA) time-zone data, so a DTSTART written as
 * local time with a TZID means the same instant in every calendar client. ical-generator has no
 * zone database of its own and asks for a generator (its README, "Date, Time & Timezones").
 */
import { DateTime } from 'luxon';

/** An offset change of a zone: the instant and the UTC offsets (minutes) before and after. */
interface Transition {
  readonly at: number;
  readonly offsetFrom: number;
  readonly offsetTo: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The VTIMEZONE of `zone` for the years `fromYear`..`toYear`: one observance at the start of the
 * range, then one per offset change, each with an explicit DTSTART (RFC 5545 §3.6.5 allows
 * observances without RRULE), so the component is right even in years a zone changed its rules.
 *
 * @example vtimezone('Europe/Berlin', 2026, 2027) // 'BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n…'
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const first = offsetAt(zone, start);
  lines.push(...observance(zone, { at: start, offsetFrom: first, offsetTo: first }));
  for (const transition of transitions(zone, start, end)) lines.push(...observance(zone, transition));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** UTC offset of `zone` at an instant, in minutes. */
function offsetAt(zone: string, at: number): number {
  return DateTime.fromMillis(at, { zone }).offset;
}

/** Every offset change in [start, end): a daily scan, then bisection to the minute. */
function transitions(zone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetAt(zone, start);
  for (let day = start; day < end; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, end);
    const after = offsetAt(zone, next);
    if (after === before) continue;
    let low = day;
    let high = next;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetAt(zone, middle) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, offsetFrom: before, offsetTo: after });
    before = after;
  }
  return found;
}

function observance(zone: string, transition: Transition): string[] {
  const local = DateTime.fromMillis(transition.at, { zone });
  const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the wall-clock time of the change in the offset in force before it (§3.6.5).
  const wall = DateTime.fromMillis(transition.at + transition.offsetFrom * 60_000, { zone: 'utc' });
  return [
    `BEGIN:${kind}`,
    `DTSTART:${wall.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(transition.offsetFrom)}`,
    `TZOFFSETTO:${formatOffset(transition.offsetTo)}`,
    `TZNAME:${local.offsetNameShort ?? formatOffset(transition.offsetTo)}`,
    `END:${kind}`,
  ];
}

/** +0100, -0500, +0530 */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}${String(absolute % 60).padStart(2, '0')}`;
}
