import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiTokenRecord } from '../../../store/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { errorResponses, IdParams } from './schemas.js';

const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

const NewTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

function toApiToken(token: ApiTokenRecord): z.infer<typeof ApiToken> {
  return { id: token.id, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt };
}

/**
 * The signed-in user's own API tokens: `GET /tokens`, `POST /tokens` (the token is shown once),
 * `DELETE /tokens/:id`. Any role.
 * @example await app.register(tokenRoutes({ store, config }))
 */
export function tokenRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/tokens',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['tokens'],
          summary: 'My API tokens (names and use, never the secrets)',
          response: { 200: z.object({ tokens: z.array(ApiToken) }), ...errorResponses(401) },
        },
      },
      async (request) => ({ tokens: (await store.users.listApiTokens(me(request).id)).map(toApiToken) }),
    );

    app.post(
      '/tokens',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['tokens'],
          summary:
            'Issue an API token for `Authorization: Bearer`; the token is shown only in this answer (CANDOR_TOKEN_RATE_LIMIT per hour)',
          body: NewTokenBody,
          response: {
            201: z.object({ token: z.string(), apiToken: ApiToken }),
            ...errorResponses(400, 401, 403, 429),
          },
        },
      },
      async (request, reply) => {
        const { token, record } = await store.users.createApiToken(me(request).id, request.body.name);
        await recordActivity(store, request, {
          action: 'token.created',
          subjectType: 'api_token',
          subjectId: record.id,
          summary: `Created API token "${record.name}"`,
        });
        return reply.code(201).send({ token, apiToken: toApiToken(record) });
      },
    );

    app.delete(
      '/tokens/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['tokens'],
          summary: 'Revoke one of my API tokens',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        if (!(await store.users.deleteApiToken(me(request).id, id))) throw hidden('api token', id);
        await recordActivity(store, request, {
          action: 'token.revoked',
          subjectType: 'api_token',
          subjectId: id,
          summary: 'Revoked one of their own API tokens',
        });
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
