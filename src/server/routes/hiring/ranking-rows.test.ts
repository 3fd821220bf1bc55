import { describe, expect, it } from 'vitest';
import type { RankedSummary, UnrankedApplication } from '../../../store/index.js';
import { sessionStatus } from './interview-status.js';
import { rankSummaries, unscoredRows } from './ranking-rows.js';

const summary = (name: string, overallScore: number | null): RankedSummary => ({
  id: `sc-${name}`,
  overallScore,
  confidence: overallScore === null ? 0 : 0.9,
  strengths: [],
  gaps: [],
  competencies: [{ id: 'clarity', name: 'Clarity', score: overallScore }],
  interviewId: `intv-${name}`,
  applicationId: `app-${name}`,
  candidateId: `cand-${name}`,
  candidateName: name,
  stage: 'applied',
});

const unranked = (name: string, interviews: string[] = []): UnrankedApplication => ({
  applicationId: `app-${name}`,
  candidateId: `cand-${name}`,
  candidateName: name,
  stage: 'applied',
  interviews: interviews.map((id, i) => ({ id, createdAt: `2025-03-0${i + 1}T10:00:00.000Z` })),
});

describe('rankSummaries', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4); no rank without a score', () => {
    const page = [
      summary('Ana', 80),
      summary('Bo', 70),
      summary('Cy', 70),
      summary('Di', 60),
      summary('Ed', null),
    ];
    expect(rankSummaries(page, 0, 0).map((r) => [r.candidateName, r.rank, r.status])).toEqual([
      ['Ana', 1, 'scored'],
      ['Bo', 2, 'scored'],
      ['Cy', 2, 'scored'],
      ['Di', 4, 'scored'],
      ['Ed', null, 'insufficient evidence'],
    ]);
  });

  it('continues the ranks of a later page from the rows scored above its first row', () => {
    // Page from offset 2 of 80, 70, 70, 70, 60: its first row ties with one row on the page before.
    const page = [summary('Cy', 70), summary('Dee', 70), summary('Di', 60)];
    expect(rankSummaries(page, 2, 1).map((r) => r.rank)).toEqual([2, 2, 5]);
  });
});

describe('unscoredRows', () => {
  it('orders by why (analysing, failed, not interviewed), then name with case and accents folded', () => {
    const tasks = new Map([
      ['i-bo', { id: 't1', status: 'running' as const, createdAt: '2025-03-01T00:00:00.000Z' }],
      ['i-cy-2', { id: 't2', status: 'failed' as const, createdAt: '2025-03-02T00:00:00.000Z' }],
      ['i-cy-1', { id: 't3', status: 'running' as const, createdAt: '2025-03-01T00:00:00.000Z' }],
    ]);
    const rows = unscoredRows(
      [unranked('zoe'), unranked('Émile'), unranked('Cy', ['i-cy-1', 'i-cy-2']), unranked('Bo', ['i-bo'])],
      tasks,
    );
    expect(rows.map((r) => [r.candidateName, r.status, r.interviewId, r.rank])).toEqual([
      ['Bo', 'analysing', 'i-bo', null],
      ['Cy', 'failed', 'i-cy-2', null],
      ['Émile', 'not interviewed', null, null],
      ['zoe', 'not interviewed', null, null],
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
