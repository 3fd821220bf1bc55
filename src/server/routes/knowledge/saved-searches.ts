import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SavedSearchRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';
import { IdParams } from '../interviews/schemas.js';

/** The filters a saved search may keep: those of `GET /search`, and the tag filters beside them. */
export const SAVED_FILTER_NAMES = [
  'kind',
  'from',
  'to',
  'speaker',
  'account',
  'job',
  'candidate',
  'topic',
  'competitor',
  'sentiment',
] as const;

const Filters = z
  .strictObject(
    Object.fromEntries(SAVED_FILTER_NAMES.map((n) => [n, z.string().max(200).optional()])) as Record<
      (typeof SAVED_FILTER_NAMES)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .describe('filter name → value, as the query string of GET /search takes them');

const SavedSearch = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string(),
    filters: z.record(z.string(), z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'SavedSearch' });

const NewSavedSearchBody = z.object({
  name: z.string().trim().min(1).max(100),
  query: z.string().min(1).max(1000),
  filters: Filters.default({}),
});

const json = (s: SavedSearchRecord) => ({
  id: s.id,
  name: s.name,
  query: s.query,
  filters: { ...s.filters },
  createdAt: s.createdAt,
});

/**
 * `GET/POST /knowledge/saved-searches`, `DELETE /knowledge/saved-searches/:id` (admin, recruiter):
 * the caller's own saved searches; a name used twice is a 409, another user's search a 404.
 * @example await api.register(savedSearchRoutes(deps))
 */
export function savedSearchRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    const onRequest = requireRole('admin', 'recruiter');
    app.get(
      '/knowledge/saved-searches',
      {
        onRequest,
        schema: {
          tags: ['knowledge'],
          summary: "The caller's saved searches, by name",
          response: { 200: z.object({ searches: z.array(SavedSearch) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ searches: (await store.savedSearches.listByUser(me(request).id)).map(json) }),
    );
    app.post(
      '/knowledge/saved-searches',
      {
        onRequest,
        schema: {
          tags: ['knowledge'],
          summary: 'Save a search (query and filters) under a name of the caller’s own',
          body: NewSavedSearchBody,
          response: { 201: SavedSearch, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const { name, query, filters } = request.body;
        const kept = Object.fromEntries(
          Object.entries(filters).filter(
            (e): e is [string, string] => e[1] !== undefined && e[1].trim() !== '',
          ),
        );
        const saved = await store.savedSearches.create({
          workspaceId: user.workspaceId,
          userId: user.id,
          name,
          query,
          filters: kept,
        });
        return reply.code(201).send(json(saved));
      },
    );
    app.delete(
      '/knowledge/saved-searches/:id',
      {
        onRequest,
        schema: {
          tags: ['knowledge'],
          summary: 'Delete one of the caller’s saved searches',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await store.savedSearches.delete(me(request).id, request.params.id);
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
