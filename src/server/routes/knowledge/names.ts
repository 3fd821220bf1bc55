import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestNames } from '../../../knowledge/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import {
  Suggestion,
  SuggestionQuery,
  TrackedNameBody,
  TrackedNameKindSchema,
  TrackedNamePatch,
  TrackedNameView,
  toTrackedNameView,
} from './schemas.js';

const RECRUITERS = requireRole('admin', 'recruiter');

/**
 * The competitors and products a workspace tracks (admin, recruiter): `GET/POST /knowledge/names`,
 * `PATCH/DELETE /knowledge/names/:id`, and `GET /knowledge/names/suggested`, recurring
 * organisation-like names not tracked yet. A name taken ignoring case and accents is a 409.
 * @example await api.register(trackedNameRoutes({ store, config }))
 */
export function trackedNameRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  const names = store.knowledge.names;
  return (app) => {
    app.get(
      '/knowledge/names',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: "The workspace's tracked competitors and products with their aliases, by name",
          querystring: z.object({ kind: TrackedNameKindSchema.optional() }),
          response: { 200: z.object({ names: z.array(TrackedNameView) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const { kind } = request.query;
        const found = await names.list(me(request).workspaceId, kind === undefined ? {} : { kind });
        return { names: found.map(toTrackedNameView) };
      },
    );
    app.post(
      '/knowledge/names',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Track a competitor or product with its aliases',
          body: TrackedNameBody,
          response: { 201: TrackedNameView, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toTrackedNameView(await names.create(me(request).workspaceId, request.body))),
    );
    app.patch(
      '/knowledge/names/:id',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Rename a tracked name, change its kind or replace its aliases',
          params: IdParams,
          body: TrackedNamePatch,
          response: { 200: TrackedNameView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const found = await scoped(request, 'tracked name', request.params.id, (id) => names.get(id));
        return toTrackedNameView(await names.update(found.id, request.body));
      },
    );
    app.delete(
      '/knowledge/names/:id',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Stop tracking a name (its tags go at the next tagging)',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const found = await scoped(request, 'tracked name', request.params.id, (id) => names.get(id));
        await names.remove(found.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/knowledge/names/suggested',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary:
            'Organisation-like names found in at least minInterviews interviews that are not tracked yet, most interviews first',
          querystring: SuggestionQuery,
          response: { 200: z.object({ suggestions: z.array(Suggestion) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        // Covered as the tagger matches a tracked name or alias (its letter-case rule included).
        const counts = await store.knowledge.organisationCounts(workspaceId);
        const found = suggestNames(
          counts.map((c) => ({ name: c.label, interviews: c.interviews })),
          await names.list(workspaceId),
          request.query,
        );
        return { suggestions: found.map((f) => ({ label: f.name, interviews: f.interviews })) };
      },
    );
    return Promise.resolve();
  };
}
