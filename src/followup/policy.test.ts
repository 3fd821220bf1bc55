import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../messaging/config.js';
import { decide, quietUntil, type PolicyInput } from './policy.js';

const base: PolicyInput = {
  flow: 'invitation',
  channel: 'email',
  now: new Date('2026-12-02T10:00:00Z'), // a Wednesday
  timeZone: 'Europe/London',
  consent: { email: true },
  stage: 'invited',
  paused: false,
  sentLastWeek: 0,
  capFreesAt: null,
};

describe('quiet hours in the candidate’s own zone', () => {
  it('a Wednesday 21:30 in London waits until Thursday 08:00 London; 10:00 is not quiet', () => {
    expect(
      quietUntil(new Date('2026-12-02T21:30:00Z'), 'Europe/London', DEFAULT_CADENCE)?.toISOString(),
    ).toBe('2026-12-03T08:00:00.000Z');
    expect(quietUntil(new Date('2026-12-02T10:00:00Z'), 'Europe/London', DEFAULT_CADENCE)).toBeNull();
  });

  it('Friday evening and the weekend wait until Monday 08:00', () => {
    expect(
      quietUntil(new Date('2026-12-04T20:15:00Z'), 'Europe/London', DEFAULT_CADENCE)?.toISOString(),
    ).toBe('2026-12-07T08:00:00.000Z');
    expect(
      quietUntil(new Date('2026-12-05T12:00:00Z'), 'Europe/London', DEFAULT_CADENCE)?.toISOString(),
    ).toBe('2026-12-07T08:00:00.000Z');
  });

  it('uses the candidate’s zone: 14:00 UTC is 23:00 in Tokyo (quiet), 09:00 in New York (not)', () => {
    expect(quietUntil(new Date('2026-12-02T14:00:00Z'), 'Asia/Tokyo', DEFAULT_CADENCE)?.toISOString()).toBe(
      '2026-12-02T23:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-12-02T14:00:00Z'), 'America/New_York', DEFAULT_CADENCE)).toBeNull();
  });

  it('ends at 08:00 local across a daylight-saving change (London, Sunday 29 March 2026)', () => {
    // Saturday 28 March 22:00 GMT → Monday 30 March 08:00 BST = 07:00 UTC.
    expect(
      quietUntil(new Date('2026-03-28T22:00:00Z'), 'Europe/London', DEFAULT_CADENCE)?.toISOString(),
    ).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('the cadence decision', () => {
  it('sends a capped message in the day; waits at night with the local time in the reason', () => {
    expect(decide(base, DEFAULT_CADENCE)).toEqual({ action: 'send' });
    const night = decide({ ...base, now: new Date('2026-12-02T22:00:00Z') }, DEFAULT_CADENCE);
    expect(night).toMatchObject({
      action: 'wait',
      reason: expect.stringContaining('Thursday 3 December, 08:00 (Europe/London)'),
    });
  });

  it('a confirmation of what the candidate just did goes at night too', () => {
    expect(
      decide({ ...base, flow: 'confirmation', now: new Date('2026-12-02T22:00:00Z') }, DEFAULT_CADENCE),
    ).toEqual({ action: 'send' });
  });

  it('never texts without SMS consent, and stops at opt-out of e-mail', () => {
    expect(decide({ ...base, channel: 'sms', consent: { email: true } }, DEFAULT_CADENCE)).toMatchObject({
      action: 'cancel',
      reason: expect.stringContaining('texts'),
    });
    expect(decide({ ...base, consent: { email: false } }, DEFAULT_CADENCE)).toMatchObject({
      action: 'cancel',
    });
  });

  it('stops at hire, withdrawal or rejection except closure; waits while paused; holds at the weekly cap', () => {
    for (const stage of ['hired', 'withdrawn', 'rejected']) {
      expect(decide({ ...base, stage }, DEFAULT_CADENCE).action).toBe('cancel');
      expect(decide({ ...base, stage, flow: 'nurture' }, DEFAULT_CADENCE).action).toBe('cancel');
      expect(decide({ ...base, stage, flow: 'reply' }, DEFAULT_CADENCE).action).toBe('send');
    }
    // Closure goes to a rejected candidate only: not after a hire or a withdrawal, never in process.
    expect(decide({ ...base, stage: 'rejected', flow: 'decline' }, DEFAULT_CADENCE).action).toBe('send');
    expect(decide({ ...base, stage: 'rejected', flow: 'pulse' }, DEFAULT_CADENCE).action).toBe('send');
    for (const stage of ['hired', 'withdrawn', 'advanced', 'in_progress']) {
      expect(decide({ ...base, stage, flow: 'decline' }, DEFAULT_CADENCE)).toMatchObject({
        action: 'cancel',
      });
    }
    expect(decide({ ...base, stage: 'withdrawn', flow: 'pulse' }, DEFAULT_CADENCE).action).toBe('cancel');
    expect(decide({ ...base, paused: true }, DEFAULT_CADENCE)).toMatchObject({
      action: 'wait',
      reason: expect.stringContaining('paused'),
    });
    expect(decide({ ...base, sentLastWeek: 4 }, DEFAULT_CADENCE)).toMatchObject({
      action: 'wait',
      reason: '4 messages already went to this candidate in the last 7 days',
    });
    expect(decide({ ...base, sentLastWeek: 4, flow: 'confirmation' }, DEFAULT_CADENCE)).toEqual({
      action: 'send',
    });
  });
});
