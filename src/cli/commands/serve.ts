import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../core/index.js';
import { buildApp } from '../../server/app.js';
import { loadServerConfig } from '../../server/config.js';
import { openStore, type Store } from '../../store/index.js';
import { sweepIncoming } from '../../pipeline/index.js';
import { closeSpeechRecogniser, startWorkerThread, type Worker } from '../../server/worker/index.js';
import { DEMO_WORKSPACE, seedDemo } from './demo.js';
import { DEMO_PEOPLE, seedDemoPeople } from './demo-people.js';

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
  const store = await openStore({ dataDir, databaseUrl: core.databaseUrl });
  try {
    const demoPassword = options.demo ? await prepareDemo(store, env, print) : null;
    const app = await buildApp({ store, config, logger: options.logger ?? true });
    let worker: Worker | null = null;
    if (config.runWorker) {
      await sweepIncoming(config.mediaDir);
      // Analysis runs in a worker thread with its own connection: requests never wait on it.
      worker = startWorkerThread({
        store: { dataDir, databaseUrl: core.databaseUrl },
        queue: store.queue,
        config,
        logger: app.log,
      });
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    print(`Candor API listening on ${url}/api/v1 (docs: ${url}/api/docs)`);
    print(`Web app: ${url}/`);
    if (demoPassword !== null) {
      print(`Demo accounts (password: ${demoPassword}):`);
      for (const p of DEMO_PEOPLE) print(`  ${p.email.padEnd(24)} ${p.role.padEnd(15)} ${p.name}`);
    } else if ((await store.users.count()) === 0) {
      print(
        'No users yet: create one with `candor user create --email you@example.com --name "Your Name" --role admin`',
      );
    }
    return {
      app,
      url,
      close: async () => {
        await worker?.stop();
        await app.close();
        await closeSpeechRecogniser();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
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
