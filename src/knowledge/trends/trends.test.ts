import { describe, expect, it } from 'vitest';
import type { WeeklyLabelCount } from '../../store/index.js';
import { buildTrends } from './trends.js';
import { isoWeekOf, lastCompleteWeek, weeksBetween } from './weeks.js';

function count(labelKey: string, week: string, mentions: number, meanSentiment = 0): WeeklyLabelCount {
  return {
    tagKind: 'topic',
    labelKey,
    label: labelKey,
    week,
    mentions,
    interviews: mentions,
    positive: meanSentiment >= 0.05 ? mentions : 0,
    negative: meanSentiment <= -0.05 ? mentions : 0,
    neutral: Math.abs(meanSentiment) < 0.05 ? mentions : 0,
    meanSentiment,
  };
}

describe('ISO weeks', () => {
  it('start on Monday, UTC, across a year boundary', () => {
    expect(isoWeekOf(new Date('2026-03-01T23:59:59Z'))).toBe('2026-02-23'); // a Sunday
    expect(isoWeekOf(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02'); // a Monday
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28'); // ISO week 53 of 2026
    expect(lastCompleteWeek(new Date('2026-03-04T12:00:00Z'))).toBe('2026-02-23');
    expect(weeksBetween('2026-12-21', '2027-01-04')).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
  });
});

describe('buildTrends', () => {
  // Thursday of the week of 2026-03-30; the last complete week is 2026-03-23.
  const now = new Date('2026-04-02T12:00:00Z');
  const baseline = weeksBetween('2026-01-26', '2026-03-16');

  it('fills silent weeks with zeros and flags the label that spiked in the last complete week', () => {
    const counts = [
      ...baseline.map((w, i) => count('pricing', w, i % 2, -0.4)),
      count('pricing', '2026-03-23', 9, -0.5),
      ...baseline.map((w) => count('onboarding', w, 6, 0.3)),
      count('onboarding', '2026-03-23', 7, 0.3),
    ];
    const trends = buildTrends(counts, { now });
    expect(trends.testedWeek).toBe('2026-03-23');
    expect(trends.weeks.at(0)).toBe('2026-01-26');
    expect(trends.weeks.at(-1)).toBe('2026-03-30');
    expect(trends.alerts.map((a) => a.labelKey)).toEqual(['pricing']);
    expect(trends.alerts[0]).toMatchObject({ mentions: 9, baselineMean: 0.5, baselineWeeks: 8 });
    const pricing = trends.series.find((s) => s.labelKey === 'pricing');
    expect(pricing?.points).toHaveLength(trends.weeks.length);
    expect(pricing?.points.find((p) => p.week === '2026-01-26')?.mentions).toBe(0);
    expect(pricing?.negative).toBe(13);
    expect(pricing?.meanSentiment).toBeCloseTo((4 * -0.4 + 9 * -0.5) / 13, 10);
    expect(trends.series[0]?.labelKey).toBe('onboarding');
  });

  it('holds a week with many labels to the false discovery rate: a marginal rise among 100 is no alert', () => {
    const steady = (label: string) => baseline.map((w) => count(label, w, 2));
    const counts = [
      // 100 labels tested; one at p ≈ 0.005 (7 against a mean of 2), one far above (20 against 2).
      ...Array.from({ length: 98 }, (_, i) => [
        ...steady(`label-${i}`),
        count(`label-${i}`, '2026-03-23', 2),
      ]).flat(),
      ...steady('marginal'),
      count('marginal', '2026-03-23', 7),
      ...steady('surge'),
      count('surge', '2026-03-23', 20),
    ];
    const many = buildTrends(counts, { now });
    expect(many.alerts.map((a) => a.labelKey)).toEqual(['surge']);
    // Tested alone, the same rise is an alert: p < 0.01, five mentions or more.
    const alone = buildTrends([...steady('marginal'), count('marginal', '2026-03-23', 7)], { now });
    expect(alone.alerts.map((a) => [a.labelKey, a.pValue < 0.01])).toEqual([['marginal', true]]);
  });

  it('does not test the running week, and gives no alert without enough past', () => {
    const running = buildTrends(
      [...baseline.map((w) => count('pricing', w, 1)), count('pricing', '2026-03-30', 30)],
      {
        now,
      },
    );
    expect(running.alerts).toEqual([]);
    const young = buildTrends([count('pricing', '2026-03-16', 0), count('pricing', '2026-03-23', 30)], {
      now,
    });
    expect(young.alerts).toEqual([]);
  });

  it('ends the weeks at the `to` filter and tests the last week it completes', () => {
    const trends = buildTrends([...baseline.map((w) => count('pricing', w, 1))], {
      now,
      start: '2026-02-01T00:00:00.000Z',
      end: '2026-03-09T00:00:00.000Z',
    });
    expect(trends.weeks.at(0)).toBe('2026-01-26');
    expect(trends.weeks.at(-1)).toBe('2026-03-02');
    expect(trends.testedWeek).toBe('2026-03-02');
  });
});
