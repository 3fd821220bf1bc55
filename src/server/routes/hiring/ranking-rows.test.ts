import { describe, expect, it } from 'vitest';
import type { UnrankedApplication } from '../../../store/index.js';
import { sessionStatus } from './interview-status.js';
import { unscoredRows } from './ranking-rows.js';

const unranked = (name: string, interviews: string[] = []): UnrankedApplication => ({
  applicationId: `app-${name}`,
  candidateId: `cand-${name}`,
  candidateName: name,
  stage: 'applied',
  interviews: interviews.map((id, i) => ({ id, createdAt: `2025-03-0${i + 1}T10:00:00.000Z` })),
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
