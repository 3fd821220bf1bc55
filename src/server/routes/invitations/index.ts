import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';
import { invitationRoutes } from './recruiter.js';
import { takeRoutes } from './take.js';
import { microTaskRoutes } from './micro-task-routes.js';

export { TEXT_ANSWER_TYPE } from './take.js';

/**
 * Interviews by link: recruiters' invitations and the candidate's public page (`/take/:token`).
 * @example await api.register(invitationsAndTakeRoutes({ store, config }))
 */
export function invitationsAndTakeRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(invitationRoutes(deps));
    await app.register(takeRoutes(deps));
    await app.register(microTaskRoutes(deps));
  };
}
