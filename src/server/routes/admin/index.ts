import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';
import { activityRoutes } from './activity.js';
import { settingsRoutes } from './settings.js';
import { workspaceTokenRoutes } from './workspace-tokens.js';

/**
 * The admin console's own routes: workspace settings, every token of the workspace, the activity
 * log. Users, frameworks and question sets keep their routes in `hiring/`.
 * @example await api.register(adminRoutes({ store, config })) // under /api/v1
 */
export function adminRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(settingsRoutes(deps));
    await app.register(workspaceTokenRoutes(deps));
    await app.register(activityRoutes(deps));
  };
}
