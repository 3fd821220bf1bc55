import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SignalAnalyzer } from '../../analysis/index.js';
import type { Recogniser } from '../../pipeline/index.js';
import type { Store, TaskRecord } from '../../store/index.js';
import type { ServerConfig } from '../config.js';
import { runTask, type RunOutcome } from './run-task.js';
import { WORKER_TASK_KINDS } from './task-kinds.js';

/** Pino-style logger (Fastify's `app.log` fits). */
export interface WorkerLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface WorkerOptions {
  readonly store: Store;
  /** Only `mediaDir` is read: where uploaded recordings and transcripts are. */
  readonly config: Pick<ServerConfig, 'mediaDir'>;
  /** Names this worker in task leases; default `<host>:<pid>:<random>`, unique per start. */
  readonly workerId?: string;
  /** How long to wait when the queue is empty before looking again, in ms; default 1000. */
  readonly pollMs?: number;
  /** Lease on a claimed task, renewed while it runs, in ms; default 60 000. A worker that dies
   * holds its task at most this long before another worker takes it. */
  readonly leaseMs?: number;
  /** Wait before the first retry of a failed attempt, doubled per attempt, in ms; default 10 000. */
  readonly retryDelayMs?: number;
  /** Speech recogniser; default the engine chosen by configuration. */
  readonly recogniser?: () => Promise<Recogniser>;
  /** Signal analyser; default one per process, created on first use. */
  readonly analyzer?: SignalAnalyzer;
  /** Default: errors to stderr, nothing else. */
  readonly logger?: WorkerLogger;
  /** Called when this worker has claimed a task, before it runs it. */
  readonly onTaskStart?: (task: TaskRecord) => void;
  /** Called after each task this worker ran, with how it ended. */
  readonly onTaskEnd?: (task: TaskRecord, outcome: RunOutcome) => void;
}

export interface Worker {
  readonly workerId: string;
  /**
   * Stops claiming, aborts the task in hand and gives it back to the queue (the attempt is not
   * counted), and resolves once the worker has let go of the store.
   */
  stop(): Promise<void>;
}

const stderrLogger: WorkerLogger = {
  info: () => undefined,
  error: (details, message) => console.error(`candor worker: ${message}`, details),
};

/**
 * Starts a worker that runs queued `analyze-interview` tasks one at a time until stopped. Any
 * number of workers, in one process or many, can share a database: a claim is a compare-and-set
 * with a lease, and a task whose worker died is taken again once its lease runs out.
 *
 * @example
 * const worker = startWorker({ store, config })
 * app.addHook('onClose', () => worker.stop())
 */
export function startWorker(options: WorkerOptions): Worker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const logger = options.logger ?? stderrLogger;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const context = {
    store: options.store,
    mediaDir: options.config.mediaDir,
    workerId,
    leaseMs,
    retryDelayMs: options.retryDelayMs ?? 10_000,
    stopping: stopping.signal,
    ...(options.recogniser ? { recogniser: options.recogniser } : {}),
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let task: TaskRecord | null = null;
      try {
        task = await options.store.queue.claim(workerId, WORKER_TASK_KINDS, leaseMs);
        if (task !== null) {
          options.onTaskStart?.(task);
          const outcome = await runTask(task, context);
          logger.info({ workerId, taskId: task.id, outcome }, `task ${task.id}: ${outcome}`);
          options.onTaskEnd?.(task, outcome);
        }
      } catch (error) {
        // The database is away or the queue misbehaved: log, wait, try again.
        logger.error({ workerId, taskId: task?.id ?? null, err: error }, 'worker loop failed');
        task = null;
      }
      if (task === null && !stopping.signal.aborted) await pause(pollMs);
    }
  })();

  return {
    workerId,
    async stop() {
      stopping.abort();
      wake?.();
      await loop;
    },
  };
}
