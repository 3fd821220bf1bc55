/**
 * Where an interview's analysis stands: its newest scorecard and its newest analysis task, read
 * for many interviews at once (one query per 500 ids, never one per interview).
 */
import type { Store, TaskStatus } from '../../../store/index.js';

/** A scorecard without its body. */
export interface ScorecardRef {
  readonly id: string;
  readonly interviewId: string;
  readonly overallScore: number | null;
  readonly createdAt: string;
}

export interface TaskState {
  readonly id: string;
  readonly status: TaskStatus;
  readonly createdAt: string;
}

const BATCH = 500;
/** Up to this many interviews, tasks are prefiltered by `payload like`; beyond, one scan of the workspace's tasks is cheaper. */
const LIKE_LIMIT = 100;

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

/**
 * The newest scorecard of each interview that has one.
 * @example (await latestScorecards(store, [interview.id])).get(interview.id)?.id
 */
export async function latestScorecards(
  store: Store,
  interviewIds: readonly string[],
): Promise<Map<string, ScorecardRef>> {
  const ids = [...new Set(interviewIds)];
  const refs: ScorecardRef[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const rows = await store.db
      .selectFrom('scorecard')
      .select(['id', 'interview_id', 'overall_score', 'created_at'])
      .where('interview_id', 'in', ids.slice(start, start + BATCH))
      .execute();
    for (const row of rows) {
      refs.push({
        id: row.id,
        interviewId: row.interview_id,
        overallScore: row.overall_score,
        createdAt: row.created_at,
      });
    }
  }
  return newestBy(refs, (r) => r.interviewId);
}

/**
 * The newest task (of the job queue) whose payload names each interview as `interviewId`,
 * like `store.queue.listBySubject(workspaceId, 'interviewId', id)[0]` for many interviews.
 * @example (await latestTasks(store, ws.id, [interview.id])).get(interview.id)?.status // 'running'
 */
export async function latestTasks(
  store: Store,
  workspaceId: string,
  interviewIds: readonly string[],
): Promise<Map<string, TaskState>> {
  const wanted = new Set(interviewIds);
  if (wanted.size === 0) return new Map();
  const query = store.db
    .selectFrom('task')
    .select(['id', 'payload', 'status', 'created_at'])
    .where('workspace_id', '=', workspaceId);
  const rows =
    wanted.size > LIKE_LIMIT
      ? await query.execute()
      : await query
          .where((eb) => eb.or([...wanted].map((id) => eb('payload', 'like', `%${JSON.stringify(id)}%`))))
          .execute();
  const tasks: (TaskState & { interviewId: string })[] = [];
  for (const row of rows) {
    const interviewId = subjectOf(row.payload);
    if (interviewId === null || !wanted.has(interviewId)) continue;
    tasks.push({ id: row.id, status: row.status, createdAt: row.created_at, interviewId });
  }
  return newestBy(tasks, (t) => t.interviewId);
}

function subjectOf(payload: string): string | null {
  try {
    const parsed = JSON.parse(payload) as { interviewId?: unknown } | null;
    return typeof parsed?.interviewId === 'string' ? parsed.interviewId : null;
  } catch {
    return null;
  }
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
