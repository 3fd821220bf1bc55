import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker as Thread } from 'node:worker_threads';
import { compiledEntryUrl } from '../../core/index.js';
import type { JobQueue, StoreOptions, TaskRecord } from '../../store/index.js';
import type { ServerConfig } from '../config.js';
import type { RunOutcome } from './run-task.js';
import type { FromThread, ThreadData, ToThread } from './thread-messages.js';
import type { Worker, WorkerLogger } from './worker.js';

export interface WorkerThreadOptions {
  /** How the thread opens its own connection to the server's database. */
  readonly store: StoreOptions;
  /** The server's queue: a task held by a thread that died is failed (or released) through it. */
  readonly queue: JobQueue;
  readonly config: Pick<ServerConfig, 'mediaDir'>;
  readonly pollMs?: number;
  readonly leaseMs?: number;
  /** Wait before the first retry of a failed attempt, in ms; default 10 000 (as `startWorker`). */
  readonly retryDelayMs?: number;
  /** First wait before restarting a thread that died, doubled per death up to 30 s; default 1000 ms. */
  readonly restartDelayMs?: number;
  /** How long `stop()` lets the thread finish its step and give its task back before ending it; default 3000 ms. */
  readonly stopGraceMs?: number;
  readonly logger?: WorkerLogger;
  /** Called when the thread has claimed a task, before it runs it. */
  readonly onTaskStart?: (taskId: string) => void;
  readonly onTaskEnd?: (task: TaskRecord, outcome: RunOutcome) => void;
}

export interface WorkerThread extends Worker {
  /** How many times a thread was started (1 + restarts). */
  readonly starts: number;
  /** Ends the running thread at once, as a crash would; it is restarted after the back-off. */
  crash(): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 30_000;
/** A thread that ran this long before dying resets the restart back-off. */
const HEALTHY_RUN_MS = 60_000;

const stderrLogger: WorkerLogger = {
  info: () => undefined,
  error: (details, message) => console.error(`candor worker: ${message}`, details),
};

/** The compiled entry of the analysis thread (`dist/server/worker/thread-entry.js`). */
export function threadEntryUrl(): URL {
  return compiledEntryUrl('server/worker/thread-entry.js');
}

interface Running {
  readonly thread: Thread;
  readonly workerId: string;
  readonly startedAt: number;
  taskId: string | null;
  readonly exited: Promise<void>;
}

/**
 * Runs the analysis worker (`startWorker`) in a worker thread with its own database connection,
 * so the thread serving HTTP never parses, recognises or scores. A thread that dies is restarted
 * with a back-off (1 s doubling to 30 s); the task it held is failed as an attempt at once (so it
 * is retried, or finished as failed after its last attempt, exactly once), not left to its lease.
 * `stop()` asks the thread to give its task back, and ends it after `stopGraceMs` if it is busy.
 *
 * @example
 * const worker = startWorkerThread({ store: { dataDir, databaseUrl }, queue: store.queue, config })
 * app.addHook('onClose', () => worker.stop())
 */
export function startWorkerThread(options: WorkerThreadOptions): WorkerThread {
  const entry = threadEntryUrl();
  const logger = options.logger ?? stderrLogger;
  const firstDelay = options.restartDelayMs ?? 1000;
  const retryDelayMs = options.retryDelayMs ?? 10_000;
  let delay = firstDelay;
  let stopping = false;
  let starts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let running: Running | null = null;

  const spawn = (): void => {
    const workerId = `${hostname()}:${process.pid}:thread-${randomBytes(4).toString('hex')}`;
    const data: ThreadData = {
      store: options.store,
      mediaDir: options.config.mediaDir,
      workerId,
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
      ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      retryDelayMs,
    };
    const thread = new Thread(entry, { workerData: data });
    starts += 1;
    const exitCode = new Promise<number>((resolve) => thread.once('exit', resolve));
    const state: Running = {
      thread,
      workerId,
      startedAt: Date.now(),
      taskId: null,
      exited: exitCode.then((code) => afterExit(state, code)),
    };
    running = state;
    thread.on('message', (message: FromThread) => onMessage(state, message));
    thread.on('error', (err) => logger.error({ workerId, err }, 'analysis thread failed'));
  };

  const onMessage = (state: Running, message: FromThread): void => {
    switch (message.type) {
      case 'log':
        logger[message.level](message.details, message.message);
        return;
      case 'task-start':
        state.taskId = message.taskId;
        options.onTaskStart?.(message.taskId);
        return;
      case 'task-end':
        state.taskId = null;
        options.onTaskEnd?.(message.task, message.outcome);
        return;
      case 'stopped':
        return;
      default:
        message satisfies never;
    }
  };

  const afterExit = async (state: Running, code: number): Promise<void> => {
    if (running === state) running = null;
    const { workerId, taskId } = state;
    if (taskId !== null) {
      try {
        if (stopping) {
          await options.queue.release(taskId, workerId);
        } else {
          const task = await options.queue.get(taskId);
          const wait = retryDelayMs * 2 ** Math.max(0, task.attempts - 1);
          await options.queue.fail(taskId, workerId, `the analysis thread stopped (exit code ${code})`, {
            retryDelayMs: wait,
          });
        }
      } catch (err) {
        // The database is away: the task's lease runs out and another worker takes it.
        logger.error({ workerId, taskId, err }, 'could not give back the task of a stopped analysis thread');
      }
    }
    if (stopping) return;
    if (Date.now() - state.startedAt > HEALTHY_RUN_MS) delay = firstDelay;
    logger.error({ workerId, taskId, code, restartInMs: delay }, 'analysis thread stopped; restarting');
    restartTimer = setTimeout(spawn, delay);
    delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
  };

  spawn();

  return {
    get workerId() {
      return running?.workerId ?? '';
    },
    get starts() {
      return starts;
    },
    async crash() {
      const state = running;
      if (state === null) return;
      await state.thread.terminate();
      await state.exited;
    },
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const state = running;
      if (state === null) return;
      state.thread.postMessage({ type: 'stop' } satisfies ToThread);
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), options.stopGraceMs ?? 3000);
      });
      const ended = await Promise.race([state.exited.then(() => 'ended' as const), graceOver]);
      clearTimeout(timer);
      if (ended === 'late') await state.thread.terminate();
      await state.exited;
    },
  };
}
