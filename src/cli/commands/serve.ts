import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../core/index.js';
import { buildApp } from '../../server/app.js';
import { loadServerConfig } from '../../server/config.js';
import { openStore } from '../../store/index.js';

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
  const config = {
    ...loadServerConfig(env, { dataDir }),
    ...(options.port === undefined ? {} : { port: options.port }),
  };
  const store = await openStore({ dataDir, databaseUrl: core.databaseUrl });
  try {
    const app = await buildApp({ store, config, logger: options.logger ?? true });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    print(`Candor API listening on ${url}/api/v1 (docs: ${url}/api/docs)`);
    if ((await store.users.count()) === 0) {
      print(
        'No users yet: create one with `candor user create --email you@example.com --name "Your Name" --role admin`',
      );
    }
    return {
      app,
      url,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
