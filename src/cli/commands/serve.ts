import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CandorError, loadConfig } from '../../core/index.js';
import { buildApp } from '../../server/app.js';
import { loadServerConfig } from '../../server/config.js';
import { openStore, type Store } from '../../store/index.js';
import { sweepIncoming, tagStoredInterview } from '../../pipeline/index.js';
import { closeTagThread, tagInThread } from '../../knowledge/index.js';
import {
  closeSpeechRecogniser,
  interviewIdOf,
  startWorkerThread,
  type Worker,
} from '../../server/worker/index.js';
import { publicUrlOf } from '../../server/routes/invitations/recruiter.js';
import { afterScorecardStored } from '../../followup/micro-task.js';
import {
  loadFairnessConfig,
  loadKnowledgeConfig,
  startFairnessMonitor,
  type FairnessMonitor,
} from '../../server/webhooks/index.js';
import { DEMO_WORKSPACE, seedDemo } from './demo.js';
import { DEMO_PEOPLE, seedDemoPeople } from './demo-people.js';
import { startAgent, type RunningAgent } from '../../followup/agent.js';
import { agentConcurrency } from '../../followup/graphile-dispatch.js';
import { startReplyListener } from '../../followup/inbound-mail.js';
import { loadInboundSmtpSettings, type InboundSmtpServer } from '../../messaging/inbound-smtp.js';
import { DEMO_INVITEE, demoInvitationLink } from './demo-invitation.js';

export interface ServeOptions {
  /** Overrides PORT. */
  readonly port?: number;
  /** Overrides CANDOR_DATA_DIR. */
  readonly dataDir?: string;
  /** Where lines for people go; stdout by default. */
  readonly print?: (line: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  /** Fastify's request log on stdout; on by default. */
  readonly logger?: boolean;
  /**
   * Seed the `demo` workspace (example jobs, analysed interviews, people, practice, a cohort),
   * make it the sign-in default and print the demo accounts. What `npm start` runs.
   */
  readonly demo?: boolean;
  /**
   * With `demo`: invite the demo candidate Casey Morgan to the demo job and print their interview
   * link (default true). The browser tests turn it off to keep the demo job's ranking as seeded.
   */
  readonly demoInvitation?: boolean;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/**
 * `candor serve`: opens the store, starts the HTTP API and prints its URL. With no user yet it
 * prints how to create one.
 *
 * @example const server = await serve({ port: 8080 }); process.once('SIGINT', () => void server.close())
 */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const core = loadConfig(env);
  const dataDir = options.dataDir ?? core.dataDir;
  const loaded = loadServerConfig(env, { dataDir });
  const config = {
    ...loaded,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.demo && !env.CANDOR_DEFAULT_WORKSPACE ? { defaultWorkspace: DEMO_WORKSPACE } : {}),
  };
  const fairness = loadFairnessConfig(env, config.secret);
  // Checked at start like the fairness URL; each tagging after an analysis queues its webhook.
  const knowledge = loadKnowledgeConfig(env);
  const inbound = loadInboundSmtpSettings(env);
  const concurrency = agentConcurrency(env);
  const store = await openStore({ dataDir, databaseUrl: core.databaseUrl });
  let monitor: FairnessMonitor | null = null;
  let agent: RunningAgent | null = null;
  let replies: InboundSmtpServer | null = null;
  let app: FastifyInstance | null = null;
  let worker: Worker | null = null;
  // Stops whatever has started, in reverse order; also what a failed start runs, so nothing
  // (the worker's poll loop above all) keeps using a closed database.
  const close = async (): Promise<void> => {
    await replies?.close();
    await agent?.stop();
    await monitor?.stop();
    await worker?.stop();
    await app?.close();
    await closeTagThread();
    await closeSpeechRecogniser();
    await store.close();
  };
  try {
    const demoPassword = options.demo ? await prepareDemo(store, env, print) : null;
    const demoLink =
      demoPassword === null || options.demoInvitation === false
        ? null
        : await demoInvitationLink(
            store,
            (await store.workspaces.ensure({ slug: DEMO_WORKSPACE })).id,
            new Date(),
          );
    app = await buildApp({ store, config, logger: options.logger ?? true });
    await listen(app, config.host, config.port);
    // Only once listening: a server that cannot start has no work to take from the queue.
    if (config.runWorker) {
      await sweepIncoming(config.mediaDir);
      // Analysis runs in a worker thread with its own connection: requests never wait on it.
      worker = startWorkerThread({
        store: { dataDir, databaseUrl: core.databaseUrl },
        queue: store.queue,
        config,
        logger: app.log,
        // A stored scorecard may call for a micro-task (docs/agent.md, "Micro-tasks").
        onTaskEnd: (task, outcome) => {
          if (outcome !== 'done') return;
          afterScorecardStored(store, { publicUrl: publicUrlOf(config) }, interviewIdOf(task)).catch(
            (error: unknown) => app?.log.error({ err: error, taskId: task.id }, 'micro-task not queued'),
          );
          // The analysed transcript joins the knowledge base (topics, questions, sentiment…).
          tagStoredInterview(store, interviewIdOf(task), {
            webhookUrl: knowledge.webhookUrl,
            tagger: tagInThread,
          }).catch((error: unknown) =>
            app?.log.error({ err: error, taskId: task.id }, 'interview not tagged'),
          );
        },
      });
      // The rolling fairness check and the webhook outbox (docs/fairness-alerts.md).
      monitor = startFairnessMonitor({ store, config: fairness, logger: app.log });
      // The follow-up agent's outbox: invitations, confirmations (docs/agent.md).
      if (config.agent !== undefined)
        agent = startAgent({
          store,
          config: config.agent,
          logger: app.log,
          databaseUrl: core.databaseUrl,
          concurrency,
        });
    }
    // Candidates' e-mail replies over SMTP (CANDOR_INBOUND_SMTP_PORT; off by default).
    if (inbound !== null) {
      replies = await startReplyListener({
        store,
        settings: inbound,
        defaultWorkspace: config.defaultWorkspace,
        logger: app.log,
        onReply: () => void agent?.nudge().catch(() => undefined),
      });
      print(`Listening for candidates' e-mail replies on ${inbound.host}:${replies.port} (SMTP)`);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    print(`Candor API listening on ${url}/api/v1 (docs: ${url}/api/docs)`);
    print(`Web app: ${url}/`);
    if (demoPassword !== null) {
      // Last, so the accounts are what a person sees when the start is done.
      print(`Demo accounts (password: ${demoPassword}):`);
      for (const p of DEMO_PEOPLE) print(`  ${p.email.padEnd(24)} ${p.role.padEnd(15)} ${p.name}`);
      if (demoLink !== null)
        print(`A candidate's interview by link (${DEMO_INVITEE.name}, no sign-in): ${url}${demoLink}`);
    } else if ((await store.users.count()) === 0) {
      print(
        'No users yet: create one with `candor user create --email you@example.com --name "Your Name" --role admin`',
      );
    }
    return { app, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Socket errors that mean the address is wrong or taken, not that Candor is broken. */
const ADDRESS_ERRORS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is already in use (another Candor or program?); set PORT to a free one',
  EADDRNOTAVAIL: 'this machine has no such address; set HOST to one of its addresses, e.g. 127.0.0.1',
  ENOTFOUND: 'no such host name; set HOST to an address of this machine, e.g. 127.0.0.1',
  EAI_AGAIN: 'the host name could not be resolved; set HOST to an address of this machine',
  EACCES: 'not allowed to listen there (ports below 1024 need privileges); set PORT to 1024 or above',
};

/**
 * Listens, turning a taken port or a bad HOST into a CONFIG_INVALID naming the address (the CLI
 * prints it on one line and exits 2).
 * @throws CandorError('CONFIG_INVALID', 'cannot listen on 127.0.0.1:3000: the port is already in use …', { setting, code })
 */
async function listen(app: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : '';
    const reason = ADDRESS_ERRORS[code];
    if (reason === undefined) throw error;
    throw new CandorError('CONFIG_INVALID', `cannot listen on ${host}:${port}: ${reason}`, {
      setting: code === 'EADDRINUSE' || code === 'EACCES' ? 'PORT' : 'HOST',
      code,
    });
  }
}

/**
 * Seeds the demo workspace on first start (the examples take a few seconds to analyse) and sets
 * the demo people's password: CANDOR_DEMO_PASSWORD, or a fresh random one printed at start.
 */
async function prepareDemo(store: Store, env: NodeJS.ProcessEnv, print: (line: string) => void) {
  const workspace = await store.workspaces.ensure({ slug: DEMO_WORKSPACE, name: 'Candor demo' });
  if ((await store.jobs.listByWorkspace(workspace.id)).length === 0) {
    print('Seeding the demo workspace with the examples…');
    await seedDemo(store, print);
  }
  const password = env.CANDOR_DEMO_PASSWORD || randomBytes(9).toString('base64url');
  await seedDemoPeople(store, workspace.id, password, new Date());
  return password;
}
