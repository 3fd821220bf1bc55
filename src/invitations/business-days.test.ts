import { describe, expect, it } from 'vitest';
import { addBusinessDays } from './business-days.js';

describe('addBusinessDays', () => {
  it('skips weekends: Thursday 19 November 2026 plus 5 business days is Thursday 26 November', () => {
    expect(addBusinessDays(new Date('2026-11-19T10:00:00Z'), 5)).toBe('2026-11-26');
  });

  it('a Friday plus one is the Monday after; a Saturday and a Sunday plus one are that Monday too', () => {
    expect(addBusinessDays(new Date('2026-12-04T23:59:00Z'), 1)).toBe('2026-12-07');
    expect(addBusinessDays(new Date('2026-12-05T08:00:00Z'), 1)).toBe('2026-12-07');
    expect(addBusinessDays(new Date('2026-12-06T08:00:00Z'), 1)).toBe('2026-12-07');
  });

  it('crosses months and years, and zero days is the same date', () => {
    expect(addBusinessDays(new Date('2026-12-28T12:00:00Z'), 5)).toBe('2027-01-04');
    expect(addBusinessDays(new Date('2026-12-28T12:00:00Z'), 0)).toBe('2026-12-28');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays(new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(new Date(), 1.5)).toThrow(/whole number/);
  });
});
