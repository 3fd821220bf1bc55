import { describe, expect, it } from 'vitest';
import { proposeSlots, slotLabel, type InterviewerAvailability } from './slots.js';

// Sunday 6 December 2026, 10:00 UTC.
const now = new Date('2026-12-06T10:00:00Z');
const span = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

function dana(extra: Partial<InterviewerAvailability> = {}): InterviewerAvailability {
  return { id: 'usr_dana', timeZone: 'Europe/Berlin', busy: [], bookings: [], ...extra };
}

const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());

describe('proposeSlots', () => {
  it('proposes three slots on three working days after 24 h notice, labelled in the candidate zone', () => {
    const slots = proposeSlots({
      interviewers: [dana()],
      durationMinutes: 45,
      candidateTimeZone: 'Europe/London',
      now,
    });
    // Monday from 11:00 Berlin (24 h after now), Tuesday and Wednesday from 09:00 Berlin.
    expect(starts(slots)).toEqual([
      '2026-12-07T10:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-09T08:00:00.000Z',
    ]);
    expect(slots[0]?.label).toBe('Monday 7 December, 10:00 (Europe/London)');
    expect(slots[0]?.end.toISOString()).toBe('2026-12-07T10:45:00.000Z');
    expect(slots[0]?.interviewerIds).toEqual(['usr_dana']);
  });

  it('never proposes busy time or a booked slot, and respects the daily cap', () => {
    const slots = proposeSlots({
      interviewers: [
        dana({
          busy: [span('2026-12-08T08:00:00Z', '2026-12-08T10:00:00Z')],
          // Two interviews on Monday: the cap of 2 closes the day.
          bookings: [
            span('2026-12-07T12:00:00Z', '2026-12-07T13:00:00Z'),
            span('2026-12-07T14:00:00Z', '2026-12-07T15:00:00Z'),
          ],
          dailyCap: 2,
        }),
      ],
      durationMinutes: 60,
      candidateTimeZone: 'Europe/Berlin',
      now,
    });
    expect(starts(slots)).toEqual([
      '2026-12-08T10:00:00.000Z',
      '2026-12-09T08:00:00.000Z',
      '2026-12-10T08:00:00.000Z',
    ]);
  });

  it('finds time every panel member has, each in their own working hours', () => {
    const slots = proposeSlots({
      interviewers: [dana(), { id: 'usr_sam', timeZone: 'America/New_York', busy: [], bookings: [] }],
      durationMinutes: 60,
      candidateTimeZone: 'America/New_York',
      now,
      count: 2,
    });
    // Berlin works until 17:00 (16:00Z); New York starts at 09:00 EST (14:00Z).
    expect(starts(slots)).toEqual(['2026-12-07T14:00:00.000Z', '2026-12-08T14:00:00.000Z']);
    expect(slots[0]?.interviewerIds).toEqual(['usr_dana', 'usr_sam']);
  });

  it('with attendance "any" picks the least booked free interviewer', () => {
    const [slot] = proposeSlots({
      interviewers: [
        dana({ bookings: [span('2026-12-07T15:00:00Z', '2026-12-07T16:00:00Z')] }),
        { id: 'usr_kim', timeZone: 'Europe/Berlin', busy: [], bookings: [] },
      ],
      durationMinutes: 30,
      candidateTimeZone: 'Europe/Berlin',
      now,
      attendance: 'any',
      count: 1,
    });
    expect(slot?.interviewerIds).toEqual(['usr_kim']);
  });

  it('keeps working hours in local time across a daylight-saving change (New York, March 2027)', () => {
    const slots = proposeSlots({
      interviewers: [{ id: 'usr_sam', timeZone: 'America/New_York', busy: [], bookings: [] }],
      durationMinutes: 60,
      candidateTimeZone: 'America/New_York',
      now: new Date('2027-03-11T15:00:00Z'),
      count: 2,
    });
    // Friday 12 March 09:00 EST = 14:00Z; Monday 15 March 09:00 EDT = 13:00Z.
    expect(starts(slots)).toEqual(['2027-03-12T15:00:00.000Z', '2027-03-15T13:00:00.000Z']);
    expect(slots[1]?.label).toBe('Monday 15 March, 09:00 (America/New_York)');
  });

  it('fills from the same days when there are fewer free days than slots wanted', () => {
    const slots = proposeSlots({
      interviewers: [dana()],
      durationMinutes: 60,
      candidateTimeZone: 'Europe/Berlin',
      now,
      horizonDays: 2,
      count: 3,
    });
    expect(starts(slots)).toEqual([
      // Two days in reach (to Tuesday 10:00Z): one a day, then the next free hour on Monday.
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T11:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
    ]);
  });

  it('returns nothing when nobody is free', () => {
    expect(
      proposeSlots({
        interviewers: [dana({ busy: [span('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z')] })],
        durationMinutes: 30,
        candidateTimeZone: 'Europe/Berlin',
        now,
      }),
    ).toEqual([]);
  });
});

describe('slotLabel', () => {
  it('reads the start in the given zone', () => {
    expect(slotLabel(new Date('2026-12-08T15:00:00Z'), 'Europe/London')).toBe(
      'Tuesday 8 December, 15:00 (Europe/London)',
    );
  });
});
