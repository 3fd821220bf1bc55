import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { KNOWLEDGE_TAG_KINDS, type KnowledgeTagKind } from '../../../domain/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { loadInterview } from '../interviews/access.js';
import { TagView, toTagView } from './schemas.js';

/**
 * The kinds of `?kind=topic,question`.
 * @throws CandorError VALIDATION_FAILED naming the kind that is not one
 */
function parseKinds(text: string | undefined): KnowledgeTagKind[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((k) => {
    const kind = k.trim();
    if (!(KNOWLEDGE_TAG_KINDS as readonly string[]).includes(kind)) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `kind: "${kind}" is not a tag kind (${KNOWLEDGE_TAG_KINDS.join(', ')})`,
        { field: 'kind' },
      );
    }
    return kind as KnowledgeTagKind;
  });
}

/**
 * `GET /interviews/:id/tags`: what the tagger found in an interview, in transcript order, for
 * whoever may read the interview (the 404 of an unknown id for anyone else). Empty before tagging.
 * @example await api.register(interviewTagRoutes({ store, config }))
 */
export function interviewTagRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/interviews/:id/tags',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['knowledge'],
          summary:
            "An interview's knowledge tags (topics, names, sentiment, questions, action items…) in transcript order",
          params: IdParams,
          querystring: z.object({
            kind: z
              .string()
              .max(200)
              .optional()
              .describe(`kinds, comma-separated: ${KNOWLEDGE_TAG_KINDS.join(',')}`),
          }),
          response: { 200: z.object({ tags: z.array(TagView) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        const kinds = parseKinds(request.query.kind);
        const tags = await store.knowledge.tagsOf(interview.id, kinds === undefined ? {} : { kinds });
        return { tags: tags.map(toTagView) };
      },
    );
    return Promise.resolve();
  };
}
