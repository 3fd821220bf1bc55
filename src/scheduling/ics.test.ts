import { describe, expect, it } from 'vitest';
import { busyIntervals, readIcs } from './ics-read.js';
import { bookingUid, cancelIcs, cancelled, requestIcs, rescheduled, type Invitation } from './ics.js';

const stamp = new Date('2026-10-01T12:00:00Z');

function invitation(start: string, minutes: number, timeZone: string): Invitation {
  const startDate = new Date(start);
  return {
    uid: bookingUid('bkg_1', 'candor.test'),
    sequence: 0,
    start: startDate,
    end: new Date(startDate.getTime() + minutes * 60_000),
    timeZone,
    summary: 'Interview: Backend engineer',
    description: 'A 45-minute conversation with Dana.',
    link: 'https://candor.test/take/abc',
    organizer: { name: 'Riley Recruiter', email: 'riley@candor.test' },
    candidate: { name: 'Casey Morgan', email: 'Casey@example.org' },
    interviewers: [{ name: 'Dana Lee', email: 'dana@candor.test' }],
  };
}

describe('requestIcs', () => {
  it('writes a REQUEST with organizer, attendees, UID, SEQUENCE, TZID and the link', () => {
    // Sunday 25 October 2026, 03:00 CEST → 02:00 CET: the day Berlin leaves summer time.
    // 09:00Z is 10:00 in Berlin after the change (it would be 11:00 the day before).
    const text = requestIcs(invitation('2026-10-25T09:00:00Z', 45, 'Europe/Berlin'), { stamp });
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261025T100000');
    expect(text).toMatch(/DTSTAMP:20261001T120000Z/);
    const calendar = readIcs(text);
    expect(calendar.method).toBe('REQUEST');
    const [event] = calendar.events;
    expect(event).toMatchObject({
      uid: 'bkg_1@candor.test',
      sequence: 0,
      timeZone: 'Europe/Berlin',
      localStart: '2026-10-25T10:00:00',
      status: 'CONFIRMED',
      organizer: 'riley@candor.test',
      attendees: ['casey@example.org', 'dana@candor.test'],
    });
    expect(event?.start.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(event?.end.toISOString()).toBe('2026-10-25T09:45:00.000Z');
    expect(event?.description).toContain('https://candor.test/take/abc');
  });

  it('keeps the wall-clock hour on both sides of a daylight-saving change (New York, March 2027)', () => {
    // Sunday 14 March 2027, 02:00 EST → 03:00 EDT.
    const before = readIcs(requestIcs(invitation('2027-03-13T20:00:00Z', 60, 'America/New_York'), { stamp }))
      .events[0];
    const after = readIcs(requestIcs(invitation('2027-03-15T19:00:00Z', 60, 'America/New_York'), { stamp }))
      .events[0];
    expect(before?.localStart).toBe('2027-03-13T15:00:00');
    expect(after?.localStart).toBe('2027-03-15T15:00:00');
    expect(before?.start.toISOString()).toBe('2027-03-13T20:00:00.000Z');
    expect(after?.start.toISOString()).toBe('2027-03-15T19:00:00.000Z');
  });

  it('writes an event that spans the change itself with the right end instant', () => {
    // 01:30 EDT on 7 November 2027, two hours: ends at 02:30 EST (after 01:00–02:00 repeats).
    const text = requestIcs(invitation('2027-11-07T05:30:00Z', 120, 'America/New_York'), { stamp });
    const [event] = readIcs(text).events;
    expect(event?.start.toISOString()).toBe('2027-11-07T05:30:00.000Z');
    expect(event?.end.toISOString()).toBe('2027-11-07T07:30:00.000Z');
  });
});

describe('reschedule and cancel', () => {
  it('moves the same UID with a higher SEQUENCE, then cancels with a higher one still', () => {
    const first = invitation('2026-12-08T15:00:00Z', 45, 'Europe/London');
    const moved = rescheduled(first, new Date('2026-12-09T10:00:00Z'), new Date('2026-12-09T10:45:00Z'));
    const movedEvent = readIcs(requestIcs(moved, { stamp })).events[0];
    expect(movedEvent).toMatchObject({ uid: first.uid, sequence: 1, localStart: '2026-12-09T10:00:00' });

    const cancel = readIcs(cancelIcs(cancelled(moved), { stamp }));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({ uid: first.uid, sequence: 2, status: 'CANCELLED' });
    expect(cancel.events[0]?.start.toISOString()).toBe('2026-12-09T10:00:00.000Z');
  });
});

describe('busyIntervals', () => {
  it('expands a weekly event and skips cancelled occurrences and transparent events', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:weekly@test',
      'DTSTAMP:20261201T000000Z',
      'DTSTART:20261207T090000Z',
      'DTEND:20261207T100000Z',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'EXDATE:20261214T090000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:free@test',
      'DTSTAMP:20261201T000000Z',
      'DTSTART:20261208T090000Z',
      'DTEND:20261208T100000Z',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const busy = busyIntervals(text, {
      start: new Date('2026-12-06T00:00:00Z'),
      end: new Date('2026-12-25T00:00:00Z'),
    });
    expect(busy.map((b) => b.start.toISOString())).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-21T09:00:00.000Z',
    ]);
  });

  it('refuses text that is not iCalendar with VALIDATION_FAILED', () => {
    expect(() => readIcs('hello')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
