import { describe, expect, it } from 'vitest';
import { parseSlotChoice } from './slot-choice.js';

// As proposed to a candidate in London: Monday 7 December 10:00, Tuesday 8 December 15:00,
// Wednesday 9 December 09:30.
const slots = [
  { start: new Date('2026-12-07T10:00:00Z') },
  { start: new Date('2026-12-08T15:00:00Z') },
  { start: new Date('2026-12-09T09:30:00Z') },
];
const zone = 'Europe/London';
const choose = (reply: string) => parseSlotChoice(reply, slots, zone);

describe('parseSlotChoice', () => {
  it.each([
    ['2', 1],
    ['2.', 1],
    ['option 2', 1],
    ['Option #3 please', 2],
    ['the second one', 1],
    ['The first!', 0],
    ['I’ll take the last one', 2],
    ['Tuesday at 3 works', 1],
    ['Tue 15:00', 1],
    ['tuesday 3pm is great', 1],
    ['Wednesday 9:30am', 2],
    ['wed', 2],
    ['Monday works for me', 0],
    ['8 December please', 1],
    ['December 9th', 2],
    ['at 10', 0],
  ])('%j → option %i (from 0)', (reply, index) => {
    expect(choose(reply)).toEqual({ kind: 'chosen', index });
  });

  it.each(['none of these work', "Sorry, I can't make any of those, none work", 'Neither'])(
    '%j → none',
    (reply) => {
      expect(choose(reply)).toEqual({ kind: 'none' });
    },
  );

  it('reads times in the candidate zone (15:00 London is 10:00 in New York)', () => {
    expect(parseSlotChoice('Tuesday at 10am', slots, 'America/New_York')).toEqual({
      kind: 'chosen',
      index: 1,
    });
    expect(parseSlotChoice('Tuesday at 3pm', slots, 'America/New_York')).toMatchObject({
      kind: 'unknown',
    });
  });

  it('reads "tomorrow" and "today" from the current date in the candidate zone, never guesses without it', () => {
    const sunday = new Date('2026-12-06T12:00:00Z');
    expect(parseSlotChoice('tomorrow at 10', slots, zone, sunday)).toEqual({ kind: 'chosen', index: 0 });
    expect(parseSlotChoice('tomorrow at 3', slots, zone, sunday)).toMatchObject({ kind: 'unknown' });
    expect(parseSlotChoice('today', slots, zone, sunday)).toMatchObject({ kind: 'unknown' });
    expect(parseSlotChoice('tomorrow at 3', slots, zone)).toMatchObject({ kind: 'unknown' });
  });

  it('says which option numbers exist when the number is out of range', () => {
    expect(choose('option 7')).toEqual({ kind: 'unknown', reason: 'option 7 was not proposed (1 to 3)' });
  });

  it('reports a day or time that matches no slot, or several, without guessing', () => {
    expect(choose('Friday at 2')).toEqual({
      kind: 'unknown',
      reason: 'no proposed slot is on Friday at 2:00',
    });
    const twoOnMonday = [...slots, { start: new Date('2026-12-07T14:00:00Z') }];
    expect(parseSlotChoice('Monday', twoOnMonday, zone)).toMatchObject({
      kind: 'ambiguous',
      indexes: [0, 3],
    });
  });

  it.each(['', '   ', 'what?', 'next blursday at 99:99', '32 Smarch', '\u0000\u{1F600}', 'x'.repeat(10_000)])(
    'never crashes on %j',
    (reply) => {
      expect(choose(reply).kind).toBe('unknown');
    },
  );

  it('is unknown when nothing was proposed', () => {
    expect(parseSlotChoice('2', [], zone)).toEqual({ kind: 'unknown', reason: 'no slots were proposed' });
  });
});
