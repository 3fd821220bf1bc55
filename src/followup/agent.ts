/**
 * The agent's loop inside `candor serve` (or `candor agent run`): a dispatcher pass every
 * `pollMs`, one at a time; `nudge()` runs one at once (after an event queued something urgent).
 * On PostgreSQL (given its URL) graphile-worker runs the passes instead (graphile-dispatch.ts).
 */
import { emailChannel } from '../messaging/email.js';
import { smsChannel } from '../messaging/sms.js';
import type { AgentConfig } from '../messaging/config.js';
import type { Store } from '../store/index.js';
import { planCadence } from './cadence.js';
import { dispatchDue, type Channels, type DispatchSummary } from './dispatcher.js';
import { startGraphileAgent } from './graphile-dispatch.js';

/** The cadence scan (status updates, nurture, pulse) runs at most this often, before a dispatch. */
export const CADENCE_SCAN_MS = 5 * 60_000;

export interface AgentLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RunningAgent {
  /** `loop` on SQLite; `graphile-worker` on PostgreSQL. */
  readonly engine: 'loop' | 'graphile-worker';
  /** Resolves once the agent runs (graphile-worker: its schema installed); rejects if it cannot start. */
  readonly ready: Promise<void>;
  /**
   * Runs a pass now (after the one under way); resolves with what it did. On graphile-worker it
   * queues a dispatch job and resolves null once it is queued.
   */
  nudge(): Promise<DispatchSummary | null>;
  stop(): Promise<void>;
}

/** The channels the settings set up (null for one that is not). */
export function channelsFor(config: AgentConfig): Channels & { close(): void } {
  const email = config.smtp === null ? null : emailChannel(config.smtp, config.publicUrl);
  return {
    email,
    sms: config.sms === null ? null : smsChannel(config.sms),
    close: () => email?.close(),
  };
}

/** @example const agent = startAgent({ store, config: serverConfig.agent, logger: app.log }) */
export function startAgent(options: {
  store: Store;
  config: AgentConfig;
  logger?: AgentLogger;
  channels?: Channels;
  /** The store's PostgreSQL URL: with it (and a PostgreSQL store) graphile-worker runs the passes. */
  databaseUrl?: string | undefined;
  /** graphile-worker: batches at once in this process (CANDOR_AGENT_CONCURRENCY). */
  concurrency?: number | undefined;
  /** graphile-worker's schema (default graphile_worker). */
  workerSchema?: string | undefined;
  /** Called after every pass that found something to do. */
  onPass?: (summary: DispatchSummary) => void;
}): RunningAgent {
  const { store, config, logger } = options;
  const owned = options.channels === undefined ? channelsFor(config) : null;
  const channels = options.channels ?? owned!;
  let scannedAt = Number.NEGATIVE_INFINITY;
  const scan = async (): Promise<void> => {
    if (Date.now() - scannedAt < CADENCE_SCAN_MS) return;
    scannedAt = Date.now();
    const planned = await planCadence(store, { publicUrl: config.publicUrl, cadence: config.cadence });
    if (planned.statusUpdates + planned.nurtures + planned.pulses + planned.failed.length > 0)
      logger?.info({ ...planned }, 'agent queued cadence messages');
  };
  if (store.kind === 'postgres' && options.databaseUrl) {
    // graphile-worker runs the dispatch; the cadence scan (idempotent) runs here on its own timer.
    const scanTimer = setInterval(() => {
      scan().catch((error: unknown) => logger?.warn({ err: error }, 'agent cadence scan failed'));
    }, config.pollMs);
    scanTimer.unref();
    const graphile = startGraphileAgent({
      store,
      config,
      databaseUrl: options.databaseUrl,
      channels,
      logger,
      concurrency: options.concurrency,
      schema: options.workerSchema,
      onPass: options.onPass,
      onStop: () => owned?.close(),
    });
    void scan().catch((error: unknown) => logger?.warn({ err: error }, 'agent cadence scan failed'));
    return {
      ...graphile,
      async stop() {
        clearInterval(scanTimer);
        await graphile.stop();
      },
    };
  }
  let running: Promise<DispatchSummary | null> = Promise.resolve(null);
  let stopped = false;
  const pass = (): Promise<DispatchSummary | null> => {
    running = running
      .then(async () => {
        if (stopped) return null;
        await scan();
        return dispatchDue(store, {
          channels,
          cadence: config.cadence,
          retryDelaysMs: config.retryDelaysMs,
          leaseMs: config.leaseMs,
        });
      })
      .then((summary) => {
        if (summary !== null && summary.sent + summary.failed > 0)
          logger?.info({ ...summary }, 'agent dispatched messages');
        if (summary !== null && Object.values(summary).some((n) => n > 0)) options.onPass?.(summary);
        return summary;
      })
      .catch((error: unknown) => {
        logger?.warn({ err: error }, 'agent pass failed');
        return null;
      });
    return running;
  };
  const timer = setInterval(() => void pass(), config.pollMs);
  timer.unref();
  void pass();
  return {
    engine: 'loop',
    ready: Promise.resolve(),
    nudge: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      owned?.close();
    },
  };
}
