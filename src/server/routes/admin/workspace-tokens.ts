import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WorkspaceApiToken } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { recordActivity } from './record-activity.js';

const WorkspaceToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    userId: z.string(),
    userName: z.string(),
    userEmail: z.string(),
  })
  .meta({ id: 'WorkspaceApiToken' });

function view(token: WorkspaceApiToken): z.infer<typeof WorkspaceToken> {
  const { id, name, createdAt, lastUsedAt, userId, userName, userEmail } = token;
  return { id, name, createdAt, lastUsedAt, userId, userName, userEmail };
}

/**
 * Every API token of the workspace, for its admins: `GET /workspace/tokens`,
 * `DELETE /workspace/tokens/:id` (a revoked token answers 401 from then on). Tokens are issued by
 * `POST /tokens`, to the signed-in user.
 * @example await app.register(workspaceTokenRoutes({ store, config }))
 */
export function workspaceTokenRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/workspace/tokens',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['tokens'],
          summary: "Every API token of the workspace's users, with its owner (never the secrets)",
          response: { 200: z.object({ tokens: z.array(WorkspaceToken) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({
        tokens: (await store.users.listWorkspaceApiTokens(me(request).workspaceId)).map(view),
      }),
    );

    app.delete(
      '/workspace/tokens/:id',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['tokens'],
          summary: 'Revoke any API token of the workspace; it answers 401 from then on',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const revoked = await store.users.revokeWorkspaceApiToken(me(request).workspaceId, id);
        if (revoked === null) throw hidden('api token', id);
        await recordActivity(store, request, {
          action: 'token.revoked',
          subjectType: 'api_token',
          subjectId: id,
          summary: `Revoked API token "${revoked.name}" of ${revoked.userName}`,
          details: { owner: revoked.userId },
        });
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
