import { describe, expect, it } from 'vitest';
import { cohortStats, mean, mondayOf, quantile, type SessionScores } from './cohort-stats.js';

const session = (at: string, scores: Record<string, number | null>): SessionScores => ({
  at,
  competencies: Object.entries(scores).map(([id, score]) => ({ id, name: id.toUpperCase(), score })),
});

describe('quantile', () => {
  it('interpolates between closest ranks (type 7)', () => {
    const sorted = [10, 20, 30, 40];
    expect(quantile(sorted, 0)).toBe(10);
    expect(quantile(sorted, 0.25)).toBe(17.5);
    expect(quantile(sorted, 0.5)).toBe(25);
    expect(quantile(sorted, 0.75)).toBe(32.5);
    expect(quantile(sorted, 1)).toBe(40);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('mean is null for nothing', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });
});

describe('mondayOf', () => {
  it('gives the Monday of the UTC week; Sunday belongs to the week before', () => {
    expect(mondayOf('2025-03-03T00:00:00.000Z')).toBe('2025-03-03');
    expect(mondayOf('2025-03-09T23:59:59.999Z')).toBe('2025-03-03');
    expect(mondayOf('2025-03-10T00:00:00.000Z')).toBe('2025-03-10');
    expect(mondayOf('2025-01-01T12:00:00.000Z')).toBe('2024-12-30');
  });
});

describe('cohortStats', () => {
  it('takes each student’s mean of their last 3 sessions that scored a competency', () => {
    const stats = cohortStats([
      {
        userId: 'ana',
        sessions: [
          // Out of order on purpose; the oldest (10) falls outside the last three.
          session('2025-03-20T10:00:00Z', { empathy: 60 }),
          session('2025-03-01T10:00:00Z', { empathy: 10 }),
          session('2025-03-10T10:00:00Z', { empathy: 40 }),
          session('2025-03-12T10:00:00Z', { empathy: null }),
          session('2025-03-15T10:00:00Z', { empathy: 50 }),
        ],
      },
      { userId: 'bo', sessions: [session('2025-03-05T10:00:00Z', { empathy: 80 })] },
      { userId: 'cy', sessions: [session('2025-03-05T10:00:00Z', { empathy: null })] },
      { userId: 'di', sessions: [] },
    ]);
    expect(stats.competencies).toEqual([
      {
        id: 'empathy',
        name: 'EMPATHY',
        scores: [50, 80],
        median: 65,
        p25: 57.5,
        p75: 72.5,
        min: 50,
        max: 80,
        shareBelow50: 0,
      },
    ]);
  });

  it('counts the share below 50 and rounds to 0.1 and 0.001', () => {
    const stats = cohortStats(
      [49, 50, 51.06].map((score, i) => ({
        userId: `u${i}`,
        sessions: [session('2025-03-03T10:00:00Z', { x: score })],
      })),
    );
    expect(stats.competencies[0]).toMatchObject({ scores: [49, 50, 51.1], median: 50, shareBelow50: 0.333 });
  });

  it('names the three competencies with the lowest median, lowest first, skipping unscored ones', () => {
    const scores = { a: 70, b: 20, c: 45, d: 30, e: null };
    const stats = cohortStats([{ userId: 'u', sessions: [session('2025-03-03T10:00:00Z', scores)] }]);
    expect(stats.lacksMost).toEqual([
      { id: 'b', name: 'B', median: 20, shareBelow50: 1 },
      { id: 'd', name: 'D', median: 30, shareBelow50: 1 },
      { id: 'c', name: 'C', median: 45, shareBelow50: 1 },
    ]);
    expect(stats.competencies.find((c) => c.id === 'e')).toMatchObject({
      scores: [],
      median: null,
      shareBelow50: 0,
    });
  });

  it('breaks equal medians by the larger share below 50', () => {
    const stats = cohortStats([
      { userId: 'u1', sessions: [session('2025-03-03T10:00:00Z', { p: 40, q: 30, r: 90 })] },
      { userId: 'u2', sessions: [session('2025-03-03T10:00:00Z', { p: 40, q: 50, r: 90 })] },
    ]);
    expect(stats.lacksMost.map((c) => c.id)).toEqual(['p', 'q', 'r']);
  });

  it('builds a weekly trend with every week between the first and the last, empty weeks included', () => {
    const stats = cohortStats([
      {
        userId: 'u1',
        sessions: [
          session('2025-03-04T10:00:00Z', { x: 40, y: null }),
          session('2025-03-18T10:00:00Z', { x: 70, y: 20 }),
        ],
      },
      { userId: 'u2', sessions: [session('2025-03-09T23:00:00Z', { x: 61, y: null })] },
    ]);
    expect(stats.trend).toEqual([
      { week: '2025-03-03', sessions: 2, competencies: { x: 50.5, y: null } },
      { week: '2025-03-10', sessions: 0, competencies: { x: null, y: null } },
      { week: '2025-03-17', sessions: 1, competencies: { x: 70, y: 20 } },
    ]);
  });

  it('is empty for a cohort without scored sessions', () => {
    expect(cohortStats([{ userId: 'u', sessions: [] }])).toEqual({
      competencies: [],
      lacksMost: [],
      trend: [],
    });
  });
});
