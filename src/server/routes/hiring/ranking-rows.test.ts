import { describe, expect, it } from 'vitest';
import { sessionStatus } from './interview-status.js';
import { rankRows, type RankInput } from './ranking-rows.js';
import type { ScorecardSummary } from './scorecard-summaries.js';

const summary = (id: string, overallScore: number | null): ScorecardSummary => ({
  id,
  overallScore,
  confidence: overallScore === null ? 0 : 0.9,
  strengths: [],
  gaps: [],
  competencies: [{ id: 'clarity', name: 'Clarity', score: overallScore }],
});

function input(cards: Record<string, (number | null)[]>): RankInput {
  const applications = Object.keys(cards).map((name) => ({
    id: `app-${name}`,
    candidateId: `cand-${name}`,
    candidateName: name,
    stage: 'applied',
  }));
  const scorecards = Object.entries(cards).flatMap(([name, scores]) =>
    scores.map((_, i) => ({
      id: `sc-${name}-${i}`,
      interviewId: `intv-${name}-${i}`,
      applicationId: `app-${name}`,
      overallScore: null,
      createdAt: `2025-03-0${i + 1}T10:00:00.000Z`,
    })),
  );
  const summaries = new Map(
    Object.entries(cards).flatMap(([name, scores]) =>
      scores.map((s, i) => [`sc-${name}-${i}`, summary(`sc-${name}-${i}`, s)]),
    ),
  );
  return { applications, interviews: [], scorecards, summaries, tasks: new Map() };
}

describe('rankRows', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4)', () => {
    const rows = rankRows(input({ Ana: [80], Bo: [70], Cy: [70], Di: [60] }));
    expect(rows.map((r) => [r.candidateName, r.rank])).toEqual([
      ['Ana', 1],
      ['Bo', 2],
      ['Cy', 2],
      ['Di', 4],
    ]);
  });

  it('uses the newest scorecard of an application, even when it has no overall score', () => {
    const rows = rankRows(input({ Ana: [90, null], Bo: [10, 50] }));
    expect(rows.map((r) => [r.candidateName, r.overallScore, r.scorecardId, r.status])).toEqual([
      ['Bo', 50, 'sc-Bo-1', 'scored'],
      ['Ana', null, 'sc-Ana-1', 'insufficient evidence'],
    ]);
  });
});

describe('sessionStatus', () => {
  const card = { id: 'sc', interviewId: 'i', overallScore: 60, createdAt: '2025-03-02T00:00:00.000Z' };
  const task = (status: 'queued' | 'running' | 'done' | 'failed', createdAt: string) => ({
    id: 't',
    status,
    createdAt,
  });

  it('is empty without a scorecard or a task, scored with one', () => {
    expect(sessionStatus(null, null)).toBe('empty');
    expect(sessionStatus(card, null)).toBe('scored');
    expect(sessionStatus(card, task('done', '2025-03-01T00:00:00.000Z'))).toBe('scored');
  });

  it('says insufficient evidence when the scorecard has no overall score', () => {
    expect(sessionStatus({ ...card, overallScore: null }, null)).toBe('insufficient evidence');
  });

  it('is analysing while a task is queued or running, even with an older scorecard', () => {
    expect(sessionStatus(null, task('queued', '2025-03-01T00:00:00.000Z'))).toBe('analysing');
    expect(sessionStatus(card, task('running', '2025-03-03T00:00:00.000Z'))).toBe('analysing');
  });

  it('is failed when the newest analysis failed after the last scorecard', () => {
    expect(sessionStatus(null, task('failed', '2025-03-01T00:00:00.000Z'))).toBe('failed');
    expect(sessionStatus(card, task('failed', '2025-03-03T00:00:00.000Z'))).toBe('failed');
    expect(sessionStatus(card, task('failed', '2025-03-01T00:00:00.000Z'))).toBe('scored');
  });
});
