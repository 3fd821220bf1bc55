import type { StoreOptions, TaskRecord } from '../../store/index.js';
import type { RunOutcome } from './run-task.js';

/** What the analysis thread is started with (`workerData`): all plain data. */
export interface ThreadData {
  /** How the thread opens its own connection to the same database. */
  readonly store: StoreOptions;
  readonly mediaDir: string;
  readonly workerId: string;
  readonly pollMs?: number;
  readonly leaseMs?: number;
  readonly retryDelayMs?: number;
}

/** Parent → thread. */
export type ToThread = { readonly type: 'stop' };

/** Thread → parent. */
export type FromThread =
  | {
      readonly type: 'log';
      readonly level: 'info' | 'error';
      readonly details: Record<string, unknown>;
      readonly message: string;
    }
  | { readonly type: 'task-start'; readonly taskId: string }
  | { readonly type: 'task-end'; readonly task: TaskRecord; readonly outcome: RunOutcome }
  | { readonly type: 'stopped' };

/** An error as plain data, so it survives `postMessage` with its code and stack. */
export function plainError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, stack: error.stack, ...(code === undefined ? {} : { code }) };
}
