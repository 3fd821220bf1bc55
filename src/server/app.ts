import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { engineVersion } from '../core/index.js';
import type { Store } from '../store/index.js';
import { installAuth, SESSION_COOKIE } from './auth.js';
import type { ServerConfig } from './config.js';
import { installErrorHandlers } from './errors.js';
import { prettyLogStream } from './log-format.js';
import { adminRoutes } from './routes/admin/index.js';
import { searchRoutes } from './routes/knowledge/search.js';
import { knowledgeTrendsRoutes } from './routes/knowledge/trends.js';
import { knowledgeRoutes } from './routes/knowledge/index.js';
import { topicRoutes } from './routes/knowledge/topics.js';
import { trackedNameRoutes } from './routes/knowledge/names.js';
import { interviewTagRoutes } from './routes/knowledge/tags.js';
import { auditRoutes } from './routes/audit/index.js';
import { authRoutes } from './routes/auth.js';
import { fairnessRoutes } from './routes/fairness/index.js';
import { healthRoutes } from './routes/health.js';
import { hiringRoutes } from './routes/hiring/index.js';
import { interviewRoutes } from './routes/interviews/index.js';
import { invitationsAndTakeRoutes } from './routes/invitations/index.js';
import { agentRoutes } from './routes/agent/index.js';
import { schedulingRoutes } from './routes/scheduling/index.js';
import { agentOversightRoutes } from './routes/agent/oversight.js';
import { ratingRoutes } from './routes/ratings/index.js';
import { modelRoutes } from './routes/models/index.js';
import { installSecurity } from './security/index.js';
import { installWebApp } from './web.js';

/** Prefix of the versioned API. */
export const API_PREFIX = '/api/v1';

export interface BuildAppOptions {
  readonly store: Store;
  readonly config: ServerConfig;
  /** Fastify's pino request log at `config.logLevel`, as `config.logFormat`; off by default so tests stay quiet. */
  readonly logger?: boolean;
  /** Called for every route as it is added (the isolation test walks them all). */
  readonly onRoute?: (route: RouteOptions) => void;
}

/**
 * Builds Candor's HTTP server (not yet listening): the API under `/api/v1`, the OpenAPI document
 * at `/api/openapi.json` and a browsable page at `/api/docs`, one error body everywhere.
 *
 * @example
 * const app = await buildApp({ store, config })
 * const res = await app.inject({ method: 'GET', url: '/api/v1/health' }) // 200 { status: 'ok', … }
 */
export async function buildApp({
  store,
  config,
  logger = false,
  onRoute,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          ...(config.logFormat === 'pretty' ? { stream: prettyLogStream(process.stdout) } : {}),
        }
      : false,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  if (onRoute !== undefined) app.addHook('onRoute', onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  await installSecurity(app, { store, security: config.security, apiPrefix: API_PREFIX });

  await app.register(cookie, { secret: config.secret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Candor API',
        version: engineVersion(),
        description: 'Evidence-linked interview intelligence.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Serves its HTML and JS from the installed npm package; no CDN.
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  installAuth(app, store, config.secret);
  await app.register(
    async (api) => {
      await api.register(healthRoutes(store));
      await api.register(authRoutes(store, config));
      await api.register(hiringRoutes({ store, config }));
      await api.register(interviewRoutes({ store, config }));
      await api.register(ratingRoutes({ store, config }));
      await api.register(modelRoutes({ store, config }));
      await api.register(auditRoutes({ store, config }));
      await api.register(fairnessRoutes({ store, config }));
      await api.register(adminRoutes({ store, config }));
      await api.register(searchRoutes({ store, config }));
      await api.register(knowledgeTrendsRoutes({ store, config }));
      await api.register(knowledgeRoutes({ store, config }));
      await api.register(topicRoutes({ store, config }));
      await api.register(trackedNameRoutes({ store, config }));
      await api.register(interviewTagRoutes({ store, config }));
      await api.register(invitationsAndTakeRoutes({ store, config }));
      await api.register(agentRoutes({ store, config }));
      await api.register(schedulingRoutes({ store, config }));
      await api.register(agentOversightRoutes({ store, config }));
    },
    { prefix: API_PREFIX },
  );
  await installWebApp(app);
  await app.ready();
  return app;
}
