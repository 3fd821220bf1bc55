import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestTopics } from '../../../knowledge/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { Suggestion, SuggestionQuery, TopicBody, TopicPatch, TopicView, toTopicView } from './schemas.js';

const RECRUITERS = requireRole('admin', 'recruiter');

/**
 * The workspace's topic taxonomy (admin, recruiter): `GET/POST /knowledge/topics`,
 * `PATCH/DELETE /knowledge/topics/:id`, and `GET /knowledge/topics/suggested`, the recurring
 * keyphrases that are not a topic or synonym yet. A name taken ignoring case and accents is a 409.
 * @example await api.register(topicRoutes({ store, config }))
 */
export function topicRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  const topics = store.knowledge.topics;
  return (app) => {
    app.get(
      '/knowledge/topics',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: "The workspace's topics with their synonyms, by name",
          response: { 200: z.object({ topics: z.array(TopicView) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ topics: (await topics.list(me(request).workspaceId)).map(toTopicView) }),
    );
    app.post(
      '/knowledge/topics',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Add a topic with its synonyms',
          body: TopicBody,
          response: { 201: TopicView, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toTopicView(await topics.create(me(request).workspaceId, request.body))),
    );
    app.patch(
      '/knowledge/topics/:id',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Rename a topic or replace its synonyms (its tags take the new name at the next tagging)',
          params: IdParams,
          body: TopicPatch,
          response: { 200: TopicView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const topic = await scoped(request, 'topic', request.params.id, (id) => topics.get(id));
        return toTopicView(await topics.update(topic.id, request.body));
      },
    );
    app.delete(
      '/knowledge/topics/:id',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary: 'Delete a topic (its tags go at the next tagging)',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const topic = await scoped(request, 'topic', request.params.id, (id) => topics.get(id));
        await topics.remove(topic.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/knowledge/topics/suggested',
      {
        onRequest: RECRUITERS,
        schema: {
          tags: ['knowledge'],
          summary:
            'Keyphrases found in at least minInterviews interviews that are no topic name or synonym yet, most interviews first',
          querystring: SuggestionQuery,
          response: { 200: z.object({ suggestions: z.array(Suggestion) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        // Covered as the tagger matches: a topic word said inside the phrase, by stem.
        const counts = await store.knowledge.keyphraseCounts(workspaceId);
        const found = suggestTopics(
          counts.map((c) => ({ phrase: c.label, interviews: c.interviews })),
          await topics.list(workspaceId),
          request.query,
        );
        return { suggestions: found.map((f) => ({ label: f.phrase, interviews: f.interviews })) };
      },
    );
    return Promise.resolve();
  };
}
