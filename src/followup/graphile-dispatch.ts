/**
 * The agent's dispatcher on PostgreSQL, driven by graphile-worker (DESIGN.md: graphile-worker on
 * PostgreSQL, many workers). The outbox stays the only record of a message: graphile-worker's
 * jobs carry no message, only "look at the outbox now", so a job run twice or lost costs nothing.
 *
 * - One task, `candor_dispatch_messages`: claim a batch of due messages from the outbox (one
 *   `update … for update skip locked`, with a lease) and send it with the same code as SQLite.
 * - One job key, the task's name: however many processes ask, at most one such job
 *   waits at a time; asking again while one runs queues the next one.
 * - A job that claimed a full batch asks for the next job before it sends: a free worker in any
 *   process starts on the next batch at once (graphile-worker wakes it with LISTEN/NOTIFY), so
 *   every worker of every process is busy while there is a backlog.
 * - Every process asks every CANDOR_AGENT_POLL_SECONDS (messages queued by other processes, due
 *   times reached, leases run out), and at once on `nudge()`.
 *
 * Zero duplicates: a message is sent only by the worker whose claim changed it from queued to
 * sending; row locks make two claims disjoint. Zero losses: a message leaves the outbox's queue
 * only as sent, failed, bounced or cancelled; a worker that dies leaves its claims to run out
 * (CANDOR_AGENT_LEASE_SECONDS), and any process's next job takes them. Delivery stays at least
 * once for a message whose SMTP exchange a crash interrupts (one per batch under way), under the
 * same Message-ID.
 */
import type { Logger, Runner, Task, TaskSpec } from 'graphile-worker';
import { sql } from 'kysely';
import pg from 'pg';
import { CandorError } from '../core/index.js';
import type { AgentConfig } from '../messaging/config.js';
import type { Store } from '../store/index.js';
import type { AgentLogger, RunningAgent } from './agent.js';
import { dispatchDue, type Channels, type DispatchSummary } from './dispatcher.js';

/**
 * The graphile-worker task that dispatches one batch from the outbox; also its job key (at most
 * one dispatch job waits at a time). Outside the `public` schema the store's schema is appended,
 * so stores in several schemas of one database never run each other's jobs.
 */
export const DISPATCH_TASK = 'candor_dispatch_messages';
/** graphile-worker's own schema (its default), created and migrated at start. */
export const DEFAULT_WORKER_SCHEMA = 'graphile_worker';

/** Any constant: graphile-worker's migrations run under this advisory lock, one process at a time. */
const MIGRATION_LOCK = 740_215_014;

export interface GraphileAgentOptions {
  readonly store: Store;
  readonly config: AgentConfig;
  /** The PostgreSQL the store uses (graphile-worker opens its own pool). */
  readonly databaseUrl: string;
  readonly channels: Channels;
  readonly logger?: AgentLogger | undefined;
  /** Batches sent at once by this process (CANDOR_AGENT_CONCURRENCY, default 4). */
  readonly concurrency?: number | undefined;
  /** graphile-worker's schema (default `graphile_worker`; tests use their own). */
  readonly schema?: string | undefined;
  /** Messages claimed per job (default 50). */
  readonly batchSize?: number | undefined;
  /** Called after every job that found something to do. */
  readonly onPass?: ((summary: DispatchSummary) => void) | undefined;
  /** Called when the agent stops, after its last job (closes channels the agent opened). */
  readonly onStop?: (() => void) | undefined;
}

/**
 * Starts graphile-worker in this process with the dispatch task: installs or upgrades its schema
 * first (under an advisory lock, so processes starting together take turns).
 * @example const agent = startGraphileAgent({ store, config, databaseUrl, channels }); await agent.ready
 */
export function startGraphileAgent(options: GraphileAgentOptions): RunningAgent {
  const { store, config, logger, channels } = options;
  const schema = options.schema ?? DEFAULT_WORKER_SCHEMA;
  const batchSize = options.batchSize ?? 50;
  // A dispatch job that fails is not retried by graphile-worker: the next one looks again.
  let spec: TaskSpec = { jobKey: DISPATCH_TASK, jobKeyMode: 'replace', maxAttempts: 1 };
  let task = DISPATCH_TASK;
  const dispatch: Task = async (_payload, helpers) => {
    try {
      const summary = await dispatchDue(store, {
        channels,
        cadence: config.cadence,
        retryDelaysMs: config.retryDelaysMs,
        leaseMs: config.leaseMs,
        limit: batchSize,
        onClaimed: async (count) => {
          if (count >= batchSize) await helpers.addJob(task, {}, spec);
        },
      });
      if (summary.sent + summary.waiting + summary.retrying + summary.failed + summary.cancelled > 0) {
        if (summary.sent + summary.failed > 0) logger?.info({ ...summary }, 'agent dispatched messages');
        options.onPass?.(summary);
      }
    } catch (error) {
      // Logged, not thrown: the job is done either way, and the next one looks again.
      logger?.warn({ err: error }, 'agent pass failed');
    }
  };
  let stopped = false;
  const start = async (): Promise<Runner> => {
    // Loaded here, not at import: every `candor` command imports this file.
    const { Logger, run } = await import('graphile-worker');
    const graphileLogger = new Logger((scope) => (level, message) => {
      const severity = String(level);
      if (severity === 'error' || severity === 'warning')
        logger?.warn({ scope }, `graphile-worker: ${message}`);
    });
    const current = await sql<{ name: string }>`select current_schema() as name`.execute(store.db);
    const storeSchema = current.rows[0]?.name ?? 'public';
    if (storeSchema !== 'public') task = `${DISPATCH_TASK}:${storeSchema}`;
    spec = { ...spec, jobKey: task };
    await migrateWorkerSchema(options.databaseUrl, schema, graphileLogger);
    return run({
      connectionString: options.databaseUrl,
      schema,
      concurrency: options.concurrency ?? 4,
      noHandleSignals: true,
      pollInterval: Math.min(config.pollMs, 2_000),
      logger: graphileLogger,
      taskList: { [task]: dispatch },
    });
  };
  const runner = start();
  const ask = async (): Promise<null> => {
    const r = await runner;
    if (!stopped) await r.addJob(task, {}, spec);
    return null;
  };
  const tick = () =>
    void ask().catch((error: unknown) =>
      logger?.warn({ err: error }, 'agent could not queue a dispatch job'),
    );
  const timer = setInterval(tick, config.pollMs);
  timer.unref();
  const ready = runner.then(() => undefined);
  void ready.then(tick, (error: unknown) =>
    logger?.warn({ err: error }, 'graphile-worker did not start; the agent sends nothing'),
  );
  return {
    engine: 'graphile-worker',
    ready,
    nudge: ask,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // Waits for the jobs under way; their messages are sent or their claims run out.
      await runner.then(
        (r) => r.stop(),
        () => undefined,
      );
      options.onStop?.();
    },
  };
}

/**
 * Batches one process sends at once on graphile-worker (CANDOR_AGENT_CONCURRENCY, default 4).
 * @throws CandorError CONFIG_INVALID when it is not a whole number from 1 to 64
 */
export function agentConcurrency(env: NodeJS.ProcessEnv): number {
  const raw = env.CANDOR_AGENT_CONCURRENCY || '4';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new CandorError('CONFIG_INVALID', 'CANDOR_AGENT_CONCURRENCY: a whole number from 1 to 64', {
      setting: 'CANDOR_AGENT_CONCURRENCY',
    });
  return n;
}

/** Installs or upgrades graphile-worker's schema, one process at a time. */
async function migrateWorkerSchema(databaseUrl: string, schema: string, logger: Logger): Promise<void> {
  const { runMigrations } = await import('graphile-worker');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await runMigrations({ connectionString: databaseUrl, schema, logger });
  } finally {
    await client.end();
  }
}
