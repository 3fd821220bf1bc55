/**
 * Where an interview's analysis stands: its newest scorecard and its newest analysis task, read
 * for many interviews at once by the store (`scorecards.latestForInterviews`,
 * `queue.latestForSubjects`), never one query per interview.
 */
import type { ScorecardRef, TaskStatus } from '../../../store/index.js';

export type { ScorecardRef };

export interface TaskState {
  readonly id: string;
  readonly status: TaskStatus;
  readonly createdAt: string;
}

/**
 * Orders records newest first: later `createdAt`, then larger id (the order
 * `scorecards.latestForInterview` uses).
 * @example refs.sort(newestFirst)[0]
 */
export function newestFirst(
  a: { createdAt: string; id: string },
  b: { createdAt: string; id: string },
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Keeps the newest item per key.
 * @example newestBy(refs, (r) => r.interviewId)
 */
export function newestBy<T extends { createdAt: string; id: string }>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, T> {
  const newest = new Map<string, T>();
  for (const item of items) {
    const seen = newest.get(key(item));
    if (seen === undefined || newestFirst(item, seen) < 0) newest.set(key(item), item);
  }
  return newest;
}

/** How a practice session stands, as the student's history shows it. */
export type SessionStatus = 'scored' | 'insufficient evidence' | 'analysing' | 'failed' | 'empty';

/**
 * A running or queued analysis wins (a new score is coming); a failed analysis newer than the
 * scorecard means the last try failed; otherwise a scorecard means scored, and nothing means the
 * student has not answered yet.
 * @example sessionStatus(null, { id: 't', status: 'failed', createdAt: '…' }) // 'failed'
 */
export function sessionStatus(scorecard: ScorecardRef | null, task: TaskState | null): SessionStatus {
  if (task !== null && (task.status === 'queued' || task.status === 'running')) return 'analysing';
  if (
    task !== null &&
    task.status === 'failed' &&
    (scorecard === null || task.createdAt > scorecard.createdAt)
  )
    return 'failed';
  if (scorecard === null) return 'empty';
  return scorecard.overallScore === null ? 'insufficient evidence' : 'scored';
}
