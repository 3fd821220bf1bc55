import { describe, expect, it } from 'vitest';
import type { Demographics } from './demographic-values.js';
import { rollingCheck, type WindowMember } from './rolling-alert.js';

const person = (
  score: number,
  sex: Demographics['sex'],
  ageBand: Demographics['ageBand'] = 'declined',
): WindowMember => ({
  score,
  demographics: { sex, raceEthnicity: 'declined', ageBand },
});

describe('rollingCheck', () => {
  it('alerts on a group of 30 or more under 0.8 of the highest rate, with the defaults', () => {
    // 40 men: 24 above the median; 40 women: 16 above → 0.4 / 0.6 = 0.667.
    const members = [
      ...Array.from({ length: 24 }, () => person(90, 'male', 'under_40')),
      ...Array.from({ length: 16 }, () => person(10, 'male', '40_or_over')),
      ...Array.from({ length: 16 }, () => person(90, 'female', '40_or_over')),
      ...Array.from({ length: 24 }, () => person(10, 'female', 'under_40')),
    ];
    const check = rollingCheck(members);
    expect(check.medianScore).toBe(50);
    expect(check.alerts.map((a) => [a.category, a.group, a.members, a.reference])).toEqual([
      ['sex', 'female', 40, 'male'],
    ]);
    expect(check.alerts[0]!.impactRatio).toBeCloseTo(2 / 3, 10);
    // Age: 16 of 32 aged 40 or over and 24 of 48 under 40 above the median: equal rates, no alert.
    expect(
      check.groups
        .filter((g) => g.category === 'age')
        .map((g) => [g.group, g.members, g.aboveMedian, g.impactRatio]),
    ).toEqual([
      ['40_or_over', 32, 16, 1],
      ['under_40', 48, 24, 1],
    ]);
  });

  it('does not compare a group under the minimum, nor make it the reference', () => {
    const members = [
      ...Array.from({ length: 29 }, () => person(10, 'female')),
      ...Array.from({ length: 5 }, () => person(99, 'other')),
      ...Array.from({ length: 30 }, (_, i) => person(i < 15 ? 90 : 10, 'male')),
    ];
    const check = rollingCheck(members);
    expect(check.groups).toEqual([]);
    expect(check.alerts).toEqual([]);
    expect(rollingCheck([]).window).toBe(0);
  });
});
