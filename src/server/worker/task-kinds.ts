import { CandorError } from '../../core/index.js';
import type { InterviewRecord, NewTask, TaskRecord } from '../../store/index.js';

/** The task kind that analyses one interview; payload `{ interviewId }`. */
export const ANALYZE_INTERVIEW = 'analyze-interview';

/** Every kind the worker runs. */
export const WORKER_TASK_KINDS: readonly string[] = [ANALYZE_INTERVIEW];

/** The payload key naming the interview, for `queue.listBySubject(workspaceId, key, id)`. */
export const INTERVIEW_KEY = 'interviewId';

/**
 * The queue entry that analyses an interview.
 * @example const task = await store.queue.enqueue(analysisTask(interview))
 */
export function analysisTask(interview: Pick<InterviewRecord, 'id' | 'workspaceId'>): NewTask {
  return {
    workspaceId: interview.workspaceId,
    kind: ANALYZE_INTERVIEW,
    payload: { [INTERVIEW_KEY]: interview.id },
  };
}

/**
 * The interview an analysis task is about.
 * @throws CandorError VALIDATION_FAILED when the payload names none (bad input: never retried)
 */
export function interviewIdOf(task: TaskRecord): string {
  const id = task.payload[INTERVIEW_KEY];
  if (typeof id !== 'string' || id === '') {
    throw new CandorError(
      'VALIDATION_FAILED',
      `task ${task.id}: payload.${INTERVIEW_KEY} must name an interview`,
      {
        entity: 'task',
        id: task.id,
        field: `payload.${INTERVIEW_KEY}`,
      },
    );
  }
  return id;
}
