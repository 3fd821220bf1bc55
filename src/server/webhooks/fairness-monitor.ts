/**
 * The server's fairness monitor: on a timer (CANDOR_FAIRNESS_CHECK_SECONDS), the rolling check of
 * every workspace, and every second the webhook outbox. A timer rather than a hook in the
 * analysis worker: the worker runs in its own thread with its own connection, and a check that
 * fails must never fail an analysis; an alert is at most one interval late.
 */
import { checkFairness } from '../../audit/index.js';
import type { Store } from '../../store/index.js';
import { deliverDue } from './deliver.js';
import type { FairnessConfig } from './fairness-config.js';

export interface FairnessMonitorLogger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

export interface FairnessMonitor {
  /** Runs one check of every workspace and one delivery pass now (tests, and the first tick). */
  runOnce(): Promise<void>;
  /** Stops both timers and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** How often the outbox is polled, in ms. */
export const DELIVERY_POLL_MS = 1000;

/** @example const monitor = startFairnessMonitor({ store, config: loadFairnessConfig(env, secret), logger: app.log }) */
export function startFairnessMonitor(options: {
  readonly store: Store;
  readonly config: FairnessConfig;
  readonly logger?: FairnessMonitorLogger;
  readonly pollMs?: number;
}): FairnessMonitor {
  const { store, config, logger } = options;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const serial = (work: () => Promise<void>) => {
    running = running.then(work).catch((error: unknown) => {
      logger?.warn({ err: error }, 'fairness monitor pass failed');
    });
    return running;
  };
  const check = () =>
    serial(async () => {
      const workspaces = await store.db.selectFrom('workspace').select('id').execute();
      for (const ws of workspaces) {
        const { raised } = await checkFairness(store, {
          workspaceId: ws.id,
          window: config.window,
          minGroup: config.minGroup,
          webhookUrl: config.webhookUrl,
        });
        for (const a of raised) {
          logger?.info({ alert: a.id, category: a.category, group: a.group }, 'fairness alert raised');
        }
      }
    });
  const deliver = () =>
    serial(async () => {
      for (const d of await deliverDue(store, {
        secret: config.webhookSecret,
        retryDelaysMs: config.retryDelaysMs,
        timeoutMs: config.timeoutMs,
      })) {
        if (d.status === 'failed') logger?.warn({ delivery: d.id, error: d.lastError }, 'webhook failed');
      }
    });
  const checkTimer = setInterval(() => void check(), config.checkIntervalMs);
  const deliverTimer = setInterval(() => void deliver(), options.pollMs ?? DELIVERY_POLL_MS);
  checkTimer.unref();
  deliverTimer.unref();
  return {
    async runOnce() {
      if (stopped) return;
      await check();
      await deliver();
    },
    async stop() {
      stopped = true;
      clearInterval(checkTimer);
      clearInterval(deliverTimer);
      await running;
    },
  };
}
