import { CandorError } from '../../core/index.js';
import { parseSpeakerCount, SPEAKER_COUNT_RULE, type SpeakerCount } from '../../pipeline/speakers.js';
import type { InterviewRecord, NewTask, TaskRecord } from '../../store/index.js';

/**
 * The task kind that analyses one interview; payload `{ interviewId, speakers? }` (`speakers`:
 * how many voices to tell apart on an interview recorded as one track, when the request said).
 */
export const ANALYZE_INTERVIEW = 'analyze-interview';

/** Every kind the worker runs. */
export const WORKER_TASK_KINDS: readonly string[] = [ANALYZE_INTERVIEW];

/** The payload key naming the interview, for `queue.listBySubject(workspaceId, key, id)`. */
export const INTERVIEW_KEY = 'interviewId';

/**
 * The queue entry that analyses an interview, with the speaker count the request asked for.
 * @example const task = await store.queue.enqueue(analysisTask(interview, { speakers: 2 }))
 */
export function analysisTask(
  interview: Pick<InterviewRecord, 'id' | 'workspaceId'>,
  options: { readonly speakers?: SpeakerCount } = {},
): NewTask {
  return {
    workspaceId: interview.workspaceId,
    kind: ANALYZE_INTERVIEW,
    payload: {
      [INTERVIEW_KEY]: interview.id,
      ...(options.speakers === undefined ? {} : { speakers: options.speakers }),
    },
  };
}

/**
 * The speaker count an analysis task asks for; undefined when it asks for none (the default).
 * @throws CandorError VALIDATION_FAILED when the payload holds something else (never retried)
 */
export function speakersOf(task: TaskRecord): SpeakerCount | undefined {
  const value = task.payload.speakers;
  if (value === undefined) return undefined;
  const speakers = parseSpeakerCount(value);
  if (speakers === null) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `task ${task.id}: payload.speakers must be ${SPEAKER_COUNT_RULE}, got ${JSON.stringify(value)}`,
      { entity: 'task', id: task.id, field: 'payload.speakers' },
    );
  }
  return speakers;
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
