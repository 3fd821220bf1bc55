/**
 * The loop the knowledge base's background tasks share (bulk imports, re-tagging): claims the
 * queued tasks of its kinds one after another in the server process, until none is left. A task a
 * stopped server left is taken up at the next `kick` of any server on the same queue.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Store, TaskRecord } from '../../../store/index.js';

export interface TaskRunner {
  /** Takes up queued tasks until there is none; returns at once (the work goes on). */
  kick(): void;
  /** Resolves when no task is running (the server waits for this before closing). */
  idle(): Promise<void>;
}

export interface TaskRunnerOptions {
  readonly store: Store;
  readonly log: FastifyBaseLogger;
  readonly workerId: string;
  readonly kind: string;
  /** How long a task is held between two heartbeats before another server may take it, in ms. */
  readonly leaseMs: number;
  /** Runs one claimed task to its end: completes or fails it; must not throw. */
  readonly run: (task: TaskRecord) => Promise<void>;
}

/**
 * @example const runner = createTaskRunner({ store, log, workerId, kind: 'knowledge-retag', leaseMs, run }); runner.kick()
 */
export function createTaskRunner({
  store,
  log,
  workerId,
  kind,
  leaseMs,
  run,
}: TaskRunnerOptions): TaskRunner {
  let running: Promise<void> | null = null;
  let again = false;

  const drain = async (): Promise<void> => {
    do {
      again = false;
      for (;;) {
        const task = await store.queue.claim(workerId, [kind], leaseMs);
        if (task === null) break;
        await run(task);
      }
    } while (again);
  };

  return {
    kick() {
      if (running !== null) {
        again = true;
        return;
      }
      running = drain()
        .catch((error: unknown) => log.error({ err: error, kind }, 'knowledge tasks: claiming a task failed'))
        .finally(() => {
          running = null;
        });
    },
    idle: () => running ?? Promise.resolve(),
  };
}
