import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { searchFilters } from '../../../knowledge/search/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';

const SearchQuery = z.object({
  q: z
    .string()
    .min(1)
    .max(1000)
    .describe('words (all in one segment, stemmed), "quoted phrases", OR, -excluded, prefix*'),
  kind: z.string().max(200).optional().describe('kinds, comma-separated: customer,exit'),
  from: z.string().max(40).optional().describe('held on or after: YYYY-MM-DD or an ISO-8601 time'),
  to: z.string().max(40).optional().describe('held on or before: YYYY-MM-DD (the whole day) or an ISO time'),
  speaker: z.string().max(200).optional().describe("only this speaker's segments, any letter case"),
  account: z.string().max(200).optional().describe('only conversations with this customer account'),
  job: z.string().max(100).optional().describe("only interviews of this job's applications"),
  candidate: z.string().max(100).optional().describe("only this candidate's interviews"),
  topic: z
    .string()
    .max(200)
    .optional()
    .describe('only interviews tagged with this topic (by name, any case)'),
  competitor: z
    .string()
    .max(200)
    .optional()
    .describe('only interviews naming this competitor or product (by name, any case)'),
  sentiment: z.string().max(20).optional().describe('only moments tagged positive, neutral or negative'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const SegmentHit = z
  .object({
    segmentId: z.string(),
    position: z.number().int(),
    speaker: z.string().nullable(),
    startS: z.number().nullable(),
    endS: z.number().nullable(),
    responsePosition: z.number().int().nullable(),
    snippet: z.string().describe('plain text; the matched words between « and » (escape before marking up)'),
    relevance: z.number(),
  })
  .meta({ id: 'SearchSegmentHit' });

const InterviewHit = z
  .object({
    interviewId: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    candidate: z.object({ id: z.string(), name: z.string() }).nullable(),
    job: z.object({ id: z.string(), title: z.string() }).nullable(),
    createdAt: z.string(),
    occurredAt: z.string(),
    account: z.string().nullable(),
    hasRecording: z.boolean().describe("a recording is stored: a page can play it from a moment's startS"),
    hitCount: z.number().int(),
    relevance: z.number(),
    segments: z.array(SegmentHit),
  })
  .meta({ id: 'SearchInterviewHit' });

/**
 * `GET /search?q=…` (admin, recruiter): full-text search over the workspace's transcripts, grouped
 * by interview, most relevant first, each with its best matching moments. A query or filter it
 * cannot read is a 400 naming the place (`unbalanced quote at character 8`).
 * @example await api.register(searchRoutes({ store, config }))
 */
export function searchRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/search',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary:
            "Search the workspace's transcripts: interviews that match, most relevant first, with the moments that match (SQLite FTS5 or PostgreSQL full-text search)",
          querystring: SearchQuery,
          response: {
            200: z.object({
              total: z
                .number()
                .int()
                .describe('interviews that matched; at least this many when totalIsExact is false'),
              totalIsExact: z.boolean(),
              limit: z.number().int(),
              offset: z.number().int(),
              interviews: z.array(InterviewHit),
            }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { workspaceId, role } = me(request);
        const { q, limit, offset, ...options } = request.query;
        const filters = searchFilters(options);
        // As GET /interviews/:id: a student's practice is for admins (and advisors, who cannot search).
        if (filters.kinds?.includes('practice') && role !== 'admin') {
          throw new CandorError('FORBIDDEN', `role ${role} may not search students' practice`, { role });
        }
        const result = await store.search.search(workspaceId, q, filters, { limit, offset });
        return {
          ...result,
          interviews: result.interviews.map((h) => ({ ...h, segments: [...h.segments] })),
        };
      },
    );
    return Promise.resolve();
  };
}
