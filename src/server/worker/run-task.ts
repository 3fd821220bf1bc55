import type { SignalAnalyzer } from '../../analysis/index.js';
import { CandorError, INPUT_ERROR_CODES, isCandorError } from '../../core/index.js';
import { analyzeInterview, type Recogniser } from '../../pipeline/index.js';
import type { Store, TaskProgress, TaskRecord } from '../../store/index.js';
import { interviewIdOf, speakersOf } from './task-kinds.js';

/** What a worker hands each task it runs. */
export interface RunContext {
  readonly store: Store;
  readonly mediaDir: string;
  readonly workerId: string;
  readonly leaseMs: number;
  /** Wait before the first retry; doubled for each further attempt. */
  readonly retryDelayMs: number;
  /** Aborts when the worker is stopping: the task goes back to the queue. */
  readonly stopping: AbortSignal;
  readonly recogniser?: () => Promise<Recogniser>;
  readonly analyzer?: SignalAnalyzer;
}

/**
 * How a run ended: `done`; `failed` for good (bad input, or the last attempt); `retrying` after a
 * back-off; `lost` when the lease ran out and another worker took the task; `released` when the
 * worker stopped and gave the task back.
 */
export type RunOutcome = 'done' | 'failed' | 'retrying' | 'lost' | 'released';

/** Least time between two progress writes of the same stage, in ms (a stage change writes at once). */
const PROGRESS_EVERY_MS = 500;

class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
}

/**
 * Runs one claimed task: heartbeats the lease (every third of it, and with each progress step),
 * completes with `{ scorecardId }`, fails bad input for good with its message, and fails anything
 * else for a retry after `retryDelayMs × 2^(attempt − 1)`. If the lease is lost, the work stops
 * and nothing more is written; if the worker stops, the task is released unstarted.
 *
 * @example const outcome = await runTask(await store.queue.claim(id, kinds, 60_000), ctx)
 */
export async function runTask(task: TaskRecord, ctx: RunContext): Promise<RunOutcome> {
  const { store, workerId, leaseMs } = ctx;
  const controller = new AbortController();
  const onStop = () => controller.abort(new CandorError('INTERNAL', 'the worker is stopping'));
  ctx.stopping.addEventListener('abort', onStop, { once: true });
  if (ctx.stopping.aborted) onStop();

  let beats: Promise<void> = Promise.resolve();
  const beat = (progress?: TaskProgress): void => {
    beats = beats
      .then(async () => {
        if (controller.signal.aborted) return;
        const held = await store.queue.heartbeat(task.id, workerId, leaseMs, progress);
        if (!held) controller.abort(new LeaseLost(`task ${task.id}: lease lost to another worker`));
      })
      // A heartbeat the database refused is not the end: the next one tries again within the lease.
      .catch(() => undefined);
  };
  const timer = setInterval(() => beat(), Math.max(10, Math.floor(leaseMs / 3)));
  let last = { stage: '', at: 0 };
  const onProgress = (progress: TaskProgress): void => {
    const now = Date.now();
    if (progress.stage === last.stage && now - last.at < PROGRESS_EVERY_MS) return;
    last = { stage: progress.stage, at: now };
    beat(progress);
  };
  const settle = async (): Promise<void> => {
    clearInterval(timer);
    ctx.stopping.removeEventListener('abort', onStop);
    await beats;
  };

  try {
    const interviewId = interviewIdOf(task);
    const speakers = speakersOf(task);
    const interview = await store.interviews.get(interviewId);
    if (interview.workspaceId !== task.workspaceId) {
      throw new CandorError('NOT_FOUND', `interview ${interviewId} not found`, {
        entity: 'interview',
        id: interviewId,
      });
    }
    const { scorecard } = await analyzeInterview({
      store,
      mediaDir: ctx.mediaDir,
      interviewId,
      signal: controller.signal,
      onProgress,
      ...(speakers === undefined ? {} : { speakers }),
      ...(ctx.recogniser ? { recogniser: ctx.recogniser } : {}),
      ...(ctx.analyzer ? { analyzer: ctx.analyzer } : {}),
    });
    await settle();
    return (await store.queue.complete(task.id, workerId, { scorecardId: scorecard.id })) ? 'done' : 'lost';
  } catch (error) {
    await settle();
    const reason: unknown = controller.signal.reason;
    if (reason instanceof LeaseLost) return 'lost';
    if (controller.signal.aborted && ctx.stopping.aborted) {
      return (await store.queue.release(task.id, workerId)) ? 'released' : 'lost';
    }
    const permanent = isCandorError(error) && INPUT_ERROR_CODES.has(error.code);
    const message = error instanceof Error ? error.message : String(error);
    const retryDelayMs = ctx.retryDelayMs * 2 ** Math.max(0, task.attempts - 1);
    const held = await store.queue.fail(task.id, workerId, message, { retryDelayMs, permanent });
    if (!held) return 'lost';
    return permanent || task.attempts >= task.maxAttempts ? 'failed' : 'retrying';
  }
}
