import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { engineVersion } from '../../core/index.js';
import type { Store } from '../../store/index.js';

const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
});

/**
 * `GET /health`: public; answers only after a round trip to the database.
 * @example await app.register(healthRoutes(store), { prefix: '/api/v1' })
 */
export function healthRoutes(store: Store): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/health',
      { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } } },
      async () => {
        await store.ping();
        return { status: 'ok' as const, version: engineVersion(), database: store.kind };
      },
    );
    return Promise.resolve();
  };
}
