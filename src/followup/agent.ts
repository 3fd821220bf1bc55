/**
 * The agent's loop inside `candor serve` (or `candor agent run`): a dispatcher pass every
 * `pollMs`, one at a time; `nudge()` runs one at once (after an event queued something urgent).
 */
import { emailChannel } from '../messaging/email.js';
import { smsChannel } from '../messaging/sms.js';
import type { AgentConfig } from '../messaging/config.js';
import type { Store } from '../store/index.js';
import { planCadence } from './cadence.js';
import { dispatchDue, type Channels, type DispatchSummary } from './dispatcher.js';

/** The cadence scan (status updates, nurture, pulse) runs at most this often, before a dispatch. */
export const CADENCE_SCAN_MS = 5 * 60_000;

export interface AgentLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RunningAgent {
  /** Runs a pass now (after the one under way); resolves with what it did. */
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
}): RunningAgent {
  const { store, config, logger } = options;
  const owned = options.channels === undefined ? channelsFor(config) : null;
  const channels = options.channels ?? owned!;
  let running: Promise<DispatchSummary | null> = Promise.resolve(null);
  let stopped = false;
  let scannedAt = Number.NEGATIVE_INFINITY;
  const scan = async (): Promise<void> => {
    if (Date.now() - scannedAt < CADENCE_SCAN_MS) return;
    scannedAt = Date.now();
    const planned = await planCadence(store, { publicUrl: config.publicUrl });
    if (planned.statusUpdates + planned.nurtures + planned.pulses + planned.failed.length > 0)
      logger?.info({ ...planned }, 'agent queued cadence messages');
  };
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
    nudge: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      owned?.close();
    },
  };
}
